// What one sweep batch writes, gathered so that the common work (warnings, breaches,
// notifications) costs a few statements per batch rather than per item. It is flushed before any
// action that reads the database afresh (a lifecycle change, a communication), so order is kept.
import type { Queryable } from '../../db/client.ts';
import {
  clockStatesOf,
  markClocksBreached,
  type ClockState,
} from '../../db/repositories/clocks.ts';
import {
  lockComplaintById,
  lockComplaintsByIds,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { appendEventsToStreams, type NewEvent } from '../../db/repositories/events.ts';
import { insertNotifications, type NewNotification } from '../../db/repositories/notifications.ts';

export class SweepBatch {
  readonly rows = new Map<number, ComplaintRow>();
  readonly clocks = new Map<string, ClockState>();
  private events = new Map<number, NewEvent[]>();
  private notes: NewNotification[] = [];
  private breaches: { complaintId: number; name: string; at: Date }[] = [];

  /** Locks the claimed items' complaints (in id order) and reads their clocks. */
  async load(tx: Queryable, ids: number[]): Promise<void> {
    for (const r of await lockComplaintsByIds(tx, ids)) this.rows.set(r.id, r);
    for (const c of await clockStatesOf(tx, ids)) this.clocks.set(`${c.complaint_id}/${c.name}`, c);
  }

  clock(complaintId: number, name: string): ClockState | undefined {
    return this.clocks.get(`${complaintId}/${name}`);
  }

  event(row: ComplaintRow, e: NewEvent): void {
    const list = this.events.get(row.id) ?? [];
    list.push(e);
    this.events.set(row.id, list);
  }

  notify(
    row: ComplaintRow,
    role: string,
    kind: string,
    message: string,
    data: Record<string, string> | null = null,
  ): void {
    // The assignee hears of it directly; everyone in the role sees it in their list.
    this.notes.push({
      complaintId: row.id,
      role,
      userId: role === 'handler' ? row.assignee_id : null,
      kind,
      message,
      data,
    });
  }

  breached(complaintId: number, name: string, at: Date): void {
    this.breaches.push({ complaintId, name, at });
  }

  async flush(tx: Queryable): Promise<void> {
    await markClocksBreached(tx, this.breaches);
    await appendEventsToStreams(
      tx,
      [...this.events].map(([id, events]) => ({
        stream: this.rows.get(id)!.reference,
        complaintId: id,
        events,
      })),
    );
    await insertNotifications(tx, this.notes);
    this.discard();
  }

  /** Forgets what was gathered (after a savepoint was rolled back). */
  discard(): void {
    this.events.clear();
    this.notes = [];
    this.breaches = [];
  }

  /** Re-reads a complaint changed by a lifecycle action or a communication. */
  async refresh(tx: Queryable, id: number): Promise<ComplaintRow> {
    const r = await lockComplaintById(tx, id);
    if (r) this.rows.set(id, r);
    return this.rows.get(id)!;
  }
}
