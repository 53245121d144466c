// A corrective action as the use cases hand it on (the presenter shapes it for the wire), and
// what "overdue" means: not done, and its due date passed in the complaint's policy time zone.
import type { CorrectiveActionRow } from '../../db/repositories/corrective-actions.ts';
import { timeZone } from '../../domain/calendar/timezone.ts';

export interface CorrectiveAction {
  id: number;
  reference: string;
  description: string;
  owner: { id: string; name: string };
  dueOn: string;
  doneOn: string | null;
  effectiveness: CorrectiveActionRow['effectiveness'];
  effectivenessNote: string | null;
  overdue: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(zone: string, at: Date): string {
  return new Date(timeZone(zone).toLocal(at.getTime())).toISOString().slice(0, 10);
}

export function toCorrectiveAction(r: CorrectiveActionRow, today: string): CorrectiveAction {
  return {
    id: r.id,
    reference: r.reference,
    description: r.description,
    owner: { id: r.owner_id, name: r.owner_name },
    dueOn: r.due_on,
    doneOn: r.done_on,
    effectiveness: r.effectiveness,
    effectivenessNote: r.effectiveness_note,
    overdue: r.done_on === null && r.due_on < today,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
