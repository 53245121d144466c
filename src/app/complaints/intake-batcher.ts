// Group commit for registrations: those that arrive together are written together, one
// transaction per batch, and up to `maxInFlight` batches are written at once, so the next batch
// gathers while one waits for its commit. If a batch fails, each of its registrations is
// retried alone, so one bad registration never takes others down with it. Built once per
// process (the composition root), shared by the API, the web form and inbound mail.
import type { Db, Queryable } from '../../db/client.ts';
import { nextComplaintKeys } from '../../db/repositories/complaints.ts';
import { AppError } from '../errors.ts';
import {
  requestHash,
  storedAnswer,
  type PreparedRegistration,
  type Registered,
} from './registration.ts';
import { writeRegistrations, type ComplaintKeys } from './write-registrations.ts';

/** While registrations keep coming (another within BUSY_MS), numbers are kept in reserve. */
const BUSY_MS = 50;

/**
 * Keys for new complaints (a reference number and a row id) from the database's sequences.
 * While registrations keep coming, a reserve of a few dozen is topped up in the background so
 * the next batch does not wait a round trip for its keys; an occasional registration takes
 * exactly the keys it needs. As with any sequence, numbers can be skipped (a reserve left when
 * the process stops), and they are unique, not in order of receipt across processes.
 */
class ComplaintKeyReserve {
  private reserve: ComplaintKeys[] = [];
  private refill: Promise<void> | null = null;
  private lastTake = -Infinity;
  /** Bumped by forget(): numbers fetched before it are not kept. */
  private generation = 0;

  constructor(
    private readonly db: Queryable,
    private readonly ahead = 32,
  ) {}

  async take(n: number): Promise<ComplaintKeys[]> {
    const now = performance.now();
    const busy = now - this.lastTake < BUSY_MS;
    this.lastTake = now;
    // While busy, keep two to four batches of this size in reserve (at least `ahead`).
    const want = Math.max(this.ahead, 4 * n);
    while (this.reserve.length < n) await this.topUp((busy ? want : n) - this.reserve.length);
    const taken = this.reserve.splice(0, n);
    if (busy && this.reserve.length < want / 2)
      void this.topUp(want - this.reserve.length).catch(() => {});
    return taken;
  }

  /** Drops the reserve (the sequence was restarted: its numbers would come again). */
  forget(): void {
    this.reserve = [];
    this.generation++;
  }

  private topUp(count: number): Promise<void> {
    const generation = this.generation;
    this.refill ??= nextComplaintKeys(this.db, count)
      .then((keys) => {
        if (generation === this.generation) this.reserve.push(...keys);
      })
      .finally(() => {
        this.refill = null;
      });
    return this.refill;
  }
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** A reference to a department or user that does not exist: the caller's mistake, named. */
function unknownReference(err: unknown): AppError | null {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e.code !== FOREIGN_KEY_VIOLATION) return null;
  const what = e.constraint?.includes('department')
    ? 'departmentId: no such department'
    : e.constraint?.includes('assignee')
      ? 'assigneeId: no such user'
      : `an unknown reference (${e.detail ?? e.constraint ?? 'foreign key'})`;
  return new AppError('COMPLAINT.UNKNOWN_REFERENCE', what);
}

interface Waiting {
  p: PreparedRegistration;
  resolve: (r: Registered) => void;
  reject: (e: unknown) => void;
}

export class IntakeBatcher {
  private queue: Waiting[] = [];
  private inFlight = 0;
  private readonly keys: ComplaintKeyReserve;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 128,
    private readonly maxInFlight = 2,
  ) {
    this.keys = new ComplaintKeyReserve(db);
  }

  /** Forgets numbers taken in advance, after the complaint_number sequence was restarted. */
  forgetReservedNumbers(): void {
    this.keys.forget();
  }

  /** Writes a prepared registration with the others waiting; resolves once it is committed. */
  submit(p: PreparedRegistration): Promise<Registered> {
    return new Promise<Registered>((resolve, reject) => {
      this.queue.push({ p, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const keys = await this.keys.take(batch.length);
      const results = await writeRegistrations(
        this.db,
        batch.map((item) => item.p),
        keys,
      );
      batch.forEach((item, i) => item.resolve(results[i]!));
    } catch {
      for (const item of batch) await this.one(item);
    }
  }

  private async one(item: Waiting): Promise<void> {
    try {
      const keys = await this.keys.take(1);
      item.resolve((await writeRegistrations(this.db, [item.p], keys))[0]!);
    } catch (err) {
      // The same key committed meanwhile by a concurrent request: answer as it was answered.
      const { p } = item;
      if ((err as { code?: string }).code === UNIQUE_VIOLATION && p.idempotencyKey) {
        try {
          const stored = await storedAnswer(
            this.db,
            p.actor,
            p.idempotencyKey,
            requestHash(p.route, p.input),
          );
          if (stored) return item.resolve(stored);
        } catch (e) {
          return item.reject(e);
        }
      }
      item.reject(unknownReference(err) ?? err);
    }
  }
}
