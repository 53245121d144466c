// An action on a data-subject request — acknowledge, check identity, confirm it, start, extend
// (once, with a reason), answer — its clocks recomputed from the policy, audited.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import {
  findDataRequest,
  lockDataRequest,
  updateDataRequest,
} from '../../db/repositories/privacy-requests.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import {
  applyDataRequestAction,
  dataRequestDeadlines,
  DataRequestRuleError,
  type DataRequestAction,
} from '../../domain/privacy/data-requests.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { caseOf, policyOfRequest, toDataRequest, type DataRequest } from './data-request.ts';

export const dataRequestActionInput = z.strictObject({
  reason: z.string().trim().max(2000).optional(),
  withProcessors: z.boolean().optional(),
  /** answer: what was done (exported, erased, restricted, refused …) and what the answer said. */
  outcome: z.string().trim().max(200).optional(),
  answer: z.string().trim().max(20000).optional(),
});

export async function actOnDataRequest(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  input: { id: string; action: DataRequestAction } & z.infer<typeof dataRequestActionInput>,
): Promise<DataRequest> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockDataRequest(tx, input.id);
    if (!row) throw new AppError('DSR.NOT_FOUND', `no data request ${input.id}`);
    const policy = policyOfRequest(deps.policies, row);
    let next;
    try {
      next = applyDataRequestAction(policy, caseOf(row), input.action, input, now);
    } catch (err) {
      if (err instanceof DataRequestRuleError)
        throw new AppError(err.code, err.message, err.field ? { field: err.field } : undefined);
      throw err;
    }
    const due = dataRequestDeadlines(policy, next);
    await updateDataRequest(tx, {
      ...row,
      status: next.state,
      pauses: next.pauses,
      extension: next.extension,
      with_processors: next.withProcessors,
      acknowledged_at: next.acknowledgedAt,
      answered_at: next.answeredAt,
      acknowledge_due_at: due.acknowledgeDueAt,
      due_at: due.dueAt,
      ...(input.action === 'answer'
        ? { outcome: input.outcome ?? null, answer: input.answer ?? null }
        : {}),
    });
    await appendSystemEvent(tx, {
      type: `data_request_${input.action.replace(/-/g, '_')}`,
      actor: { id: actor.id, role: actor.role },
      at: now,
      reason: input.reason ?? null,
      data: {
        requestId: row.id,
        customerId: row.customer_id,
        dueAt: due.dueAt?.toISOString() ?? null,
      },
    });
    return toDataRequest((await findDataRequest(tx, row.id))!, policy, actor);
  });
}
