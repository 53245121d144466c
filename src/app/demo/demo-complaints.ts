// Carries out a demo plan through the real use cases: every complaint is registered as staff
// (or the CRM integration) would register it — together, so the intake batcher writes them in
// a few batches — then taken through its actions, each at its own time, a few dozen
// complaints' actions to a transaction. Events, audit chain and clocks are exactly what real
// use would have produced.
import type { Services } from '../../composition.ts';
import type { Queryable } from '../../db/client.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { applyComplaintActionIn } from '../complaints/apply-complaint-action.ts';
import { settleCustomerMessageWork } from '../../db/repositories/scheduled-actions.ts';
import { registerComplaint } from '../complaints/register-complaint.ts';
import type { ComplaintPlan } from './demo-plan.ts';
import type { Who } from './demo-scripts.ts';
import type { DemoStaff } from './demo-users.ts';

const HOUR = 3_600_000;
/** How long after receipt the complaint is keyed in. */
const REGISTRATION_DELAY = 3 * 60_000;

export interface LoadedComplaint {
  reference: string;
  status: string;
  policy: string;
  channel: string;
}

type DemoDeps = Pick<Services, 'db' | 'policies' | 'intake' | 'config'>;

/** How many complaints' actions are committed together. */
const COMPLAINTS_PER_TRANSACTION = 25;

function register(deps: DemoDeps, staff: DemoStaff, plan: ComplaintPlan) {
  const registeredAt = new Date(plan.receivedAt.getTime() + REGISTRATION_DELAY);
  const by = staff[plan.registeredBy];
  return registerComplaint(
    { ...deps, now: () => registeredAt },
    { id: by.id, role: by.role },
    {
      complaint: plan.input,
      route: 'staff',
      ...(plan.idempotencyKey ? { idempotencyKey: plan.idempotencyKey } : {}),
    },
  );
}

/** Takes a registered complaint through its plan's actions; returns the state it ends in. */
async function act(
  tx: Queryable,
  deps: DemoDeps,
  staff: DemoStaff,
  plan: ComplaintPlan,
  reference: string,
): Promise<string> {
  let status = 'received';
  let customerId: string | null = null;
  const actingAs = async (who: Who): Promise<Actor> => {
    if (who === 'system') return { id: 'system', role: 'system' };
    if (who !== 'customer') return staff[who];
    customerId ??= (await findComplaint(tx, reference))!.customer_id;
    // As the public tracking routes act for the customer.
    return { id: `customer:${customerId}`, role: 'customer' };
  };
  for (const step of plan.steps) {
    const at = new Date(plan.receivedAt.getTime() + Math.round(step.h * HOUR));
    const payload = typeof step.payload === 'function' ? step.payload(at) : step.payload;
    try {
      const done = await applyComplaintActionIn(
        tx,
        { ...deps, now: () => at },
        await actingAs(step.who),
        { reference, action: step.action, payload },
      );
      status = done.status;
    } catch (err) {
      throw new Error(
        `demo complaint ${reference} (${plan.policy}, heading for ${plan.target}): ${step.action} as ${step.who} failed: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  if (status !== plan.target) {
    throw new Error(`demo complaint ${reference} ended ${status}, not ${plan.target}`);
  }
  return status;
}

/**
 * Loads the planned complaints (oldest first, so references roughly follow receipt); each
 * complaint's actions run in order. `progress` hears how many are done.
 */
export async function loadComplaints(
  deps: DemoDeps,
  staff: DemoStaff,
  plans: readonly ComplaintPlan[],
  progress: (done: number, total: number) => void = () => {},
): Promise<LoadedComplaint[]> {
  const registered = await Promise.all(plans.map((plan) => register(deps, staff, plan)));
  const out: LoadedComplaint[] = [];
  for (let i = 0; i < plans.length; i += COMPLAINTS_PER_TRANSACTION) {
    const chunk = plans.slice(i, i + COMPLAINTS_PER_TRANSACTION);
    const statuses = await deps.db.transaction(async (tx) => {
      const done: string[] = [];
      for (const [k, plan] of chunk.entries()) {
        done.push(await act(tx, deps, staff, plan, registered[i + k]!.reference));
      }
      return done;
    });
    chunk.forEach((plan, k) =>
      out.push({
        reference: registered[i + k]!.reference,
        status: statuses[k]!,
        policy: plan.policy,
        channel: plan.channel,
      }),
    );
    progress(out.length, plans.length);
  }
  // A made-up past sends no receipts or survey invitations when the sweep first runs.
  await settleCustomerMessageWork(
    deps.db,
    out.map((c) => c.reference),
    'demo',
    new Date(),
  );
  return out;
}
