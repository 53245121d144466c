// Adding and changing a closed complaint's corrective actions (managers): each change and its
// audit event — on the complaint's stream, with the fields before and after — in one
// transaction. A corrective action belongs to a closed complaint's lesson; its owner is an
// active user; "effective" or "not effective" can only be said of an action that was done.
import { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { lockComplaint, type ComplaintRow } from '../../db/repositories/complaints.ts';
import {
  findCorrectiveAction,
  insertCorrectiveAction,
  lockCorrectiveAction,
  updateCorrectiveAction,
  type CorrectiveActionFields,
} from '../../db/repositories/corrective-actions.ts';
import { appendEvents } from '../../db/repositories/events.ts';
import { activeUserExists } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { localDate, toCorrectiveAction, type CorrectiveAction } from './corrective-action.ts';

const EFFECTIVENESS = ['effective', 'not_effective', 'unknown'] as const;
const day = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const note = z.string().trim().max(2000);

export const newCorrectiveActionInput = z.strictObject({
  description: z.string().trim().min(1, 'say what will be done').max(2000),
  ownerId: z.string().min(1, 'choose an owner').max(100).describe('the user who does it'),
  dueOn: day.describe('when it is due'),
  doneOn: day.nullable().optional().describe('when it was done'),
  effectiveness: z.enum(EFFECTIVENESS).default('unknown').describe('whether it worked'),
  effectivenessNote: note.nullable().optional(),
});
export type NewCorrectiveActionInput = z.infer<typeof newCorrectiveActionInput>;

export const correctiveActionPatch = z
  .strictObject({
    description: z.string().trim().min(1, 'say what will be done').max(2000).optional(),
    ownerId: z.string().min(1).max(100).optional(),
    dueOn: day.optional(),
    doneOn: day.nullable().optional().describe('null: not done after all'),
    effectiveness: z.enum(EFFECTIVENESS).optional(),
    effectivenessNote: note.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'change at least one field' });
export type CorrectiveActionPatch = z.infer<typeof correctiveActionPatch>;

export interface ChangeDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
}

async function closedComplaint(tx: Queryable, reference: string): Promise<ComplaintRow> {
  const row = await lockComplaint(tx, reference);
  if (!row || row.status !== 'closed') {
    throw new AppError('LESSON.NOT_FOUND', `no closed complaint ${reference}`);
  }
  return row;
}

async function checkFields(tx: Queryable, f: CorrectiveActionFields): Promise<void> {
  if (!(await activeUserExists(tx, f.ownerId))) {
    throw new AppError('LESSON.UNKNOWN_OWNER', `no active user "${f.ownerId}"`);
  }
  if (f.effectiveness !== 'unknown' && !f.doneOn) {
    throw new AppError(
      'LESSON.ACTION_NOT_DONE',
      'say when the action was done before saying whether it worked',
    );
  }
}

const todayOf = (deps: ChangeDeps, row: ComplaintRow) =>
  localDate(deps.policies.version(row.policy_id, row.policy_version).timezone, deps.now());

const trail = (f: CorrectiveActionFields) => ({
  description: f.description,
  ownerId: f.ownerId,
  dueOn: f.dueOn,
  doneOn: f.doneOn,
  effectiveness: f.effectiveness,
  effectivenessNote: f.effectivenessNote,
});

export async function addCorrectiveAction(
  deps: ChangeDeps,
  actor: Actor,
  input: { reference: string } & NewCorrectiveActionInput,
): Promise<CorrectiveAction> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await closedComplaint(tx, input.reference);
    const fields: CorrectiveActionFields = {
      description: input.description,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      doneOn: input.doneOn ?? null,
      effectiveness: input.effectiveness,
      effectivenessNote: input.effectivenessNote || null,
    };
    await checkFields(tx, fields);
    const id = await insertCorrectiveAction(tx, row.id, fields, actor.id, now);
    await appendEvents(tx, row.reference, row.id, [
      {
        type: 'corrective_action_added',
        actor: { id: actor.id, role: actor.role },
        at: now,
        data: { id, after: trail(fields) },
      },
    ]);
    return toCorrectiveAction((await findCorrectiveAction(tx, id))!, todayOf(deps, row));
  });
}

export async function changeCorrectiveAction(
  deps: ChangeDeps,
  actor: Actor,
  input: { reference: string; id: number; patch: CorrectiveActionPatch },
): Promise<CorrectiveAction> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await closedComplaint(tx, input.reference);
    const current = await lockCorrectiveAction(tx, row.id, input.id);
    if (!current) {
      throw new AppError(
        'LESSON.ACTION_NOT_FOUND',
        `${input.reference} has no corrective action ${input.id}`,
      );
    }
    const before: CorrectiveActionFields = {
      description: current.description,
      ownerId: current.owner_id,
      dueOn: current.due_on,
      doneOn: current.done_on,
      effectiveness: current.effectiveness,
      effectivenessNote: current.effectiveness_note,
    };
    const p = input.patch;
    const after: CorrectiveActionFields = {
      description: p.description ?? before.description,
      ownerId: p.ownerId ?? before.ownerId,
      dueOn: p.dueOn ?? before.dueOn,
      doneOn: p.doneOn === undefined ? before.doneOn : p.doneOn,
      effectiveness: p.effectiveness ?? before.effectiveness,
      effectivenessNote:
        p.effectivenessNote === undefined ? before.effectivenessNote : p.effectivenessNote || null,
    };
    await checkFields(tx, after);
    const changed = (Object.keys(after) as (keyof CorrectiveActionFields)[]).filter(
      (k) => after[k] !== before[k],
    );
    if (changed.length) {
      // A new due date (or owner) is a new promise: an overdue notice may be due again.
      const renewed = after.dueOn !== before.dueOn || after.ownerId !== before.ownerId;
      await updateCorrectiveAction(tx, current.id, after, now, renewed);
      await appendEvents(tx, row.reference, row.id, [
        {
          type: 'corrective_action_changed',
          actor: { id: actor.id, role: actor.role },
          at: now,
          data: {
            id: current.id,
            changed,
            before: Object.fromEntries(changed.map((k) => [k, before[k]])),
            after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          },
        },
      ]);
    }
    return toCorrectiveAction((await findCorrectiveAction(tx, current.id))!, todayOf(deps, row));
  });
}
