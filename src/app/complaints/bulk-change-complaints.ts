// Bulk assign or transfer from the queue: the complaints picked by reference, or every one a
// queue filter matches ("select all" across pages). Each complaint changes in its own
// transaction through the one write path, so one refusal (a transfer from a state that does not
// allow it, say) is reported for that complaint and the others still change.
import { z } from 'zod';
import { queueReferences } from '../../db/queries/queue.ts';
import type { Actor as ActingUser } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { applyComplaintAction, type ActionDeps } from './apply-complaint-action.ts';
import { listQuery, queueFilterOf, type ListQuery } from './list-complaints.ts';

/** The most complaints one bulk request changes. */
export const BULK_LIMIT = 500;

export const BULK_ACTIONS = ['assign', 'transfer'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

const reason = z.string().trim().min(1).max(2000).optional();
const selection = {
  references: z
    .array(z.string().min(1).max(40))
    .min(1)
    .max(BULK_LIMIT)
    .optional()
    .describe('the complaints picked one by one'),
  filter: listQuery
    .omit({ sort: true, limit: true, cursor: true })
    .optional()
    .describe('or: every complaint this queue query matches (select all across pages)'),
};
const oneSelection = (b: { references?: unknown; filter?: unknown }) =>
  (b.references === undefined) !== (b.filter === undefined);
const SELECTION_MESSAGE = 'give either references or filter';

export const bulkAssignInput = z
  .strictObject({ ...selection, assigneeId: z.string().min(1).max(100).nullable(), reason })
  .refine(oneSelection, SELECTION_MESSAGE)
  .meta({ id: 'BulkAssign' });
export const bulkTransferInput = z
  .strictObject({ ...selection, departmentId: z.string().min(1).max(100), reason })
  .refine(oneSelection, SELECTION_MESSAGE)
  .meta({ id: 'BulkTransfer' });

type Selection = { references?: string[] | undefined; filter?: QueueQuery | undefined };
type QueueQuery = Omit<ListQuery, 'sort' | 'limit' | 'cursor'>;

export interface BulkResult {
  changed: string[];
  refused: { reference: string; code: string; message: string }[];
}

export async function bulkChangeComplaints(
  deps: ActionDeps,
  user: ActingUser,
  input: {
    action: BulkAction;
    selection: Selection;
    payload: Record<string, unknown>;
  },
): Promise<BulkResult> {
  let references: string[];
  if (input.selection.references) {
    references = [...new Set(input.selection.references)];
  } else {
    const filter = queueFilterOf(user, input.selection.filter ?? {});
    references = await queueReferences(deps.db, filter, BULK_LIMIT, deps.now());
    if (references.length > BULK_LIMIT) {
      throw new AppError(
        'INPUT.TOO_MANY_SELECTED',
        `the filter matches more than ${BULK_LIMIT} complaints; narrow it`,
      );
    }
  }
  const result: BulkResult = { changed: [], refused: [] };
  for (const reference of references) {
    try {
      await applyComplaintAction(deps, user, {
        reference,
        action: input.action,
        payload: input.payload,
      });
      result.changed.push(reference);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.refused.push({ reference, code: err.code, message: err.message });
    }
  }
  return result;
}
