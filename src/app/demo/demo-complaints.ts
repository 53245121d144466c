// Carries out a demo plan through the real use cases: each complaint is registered as staff
// (or the CRM integration) would register it, then taken through its actions, each at its own
// time, so events, audit chain and clocks are exactly what real use would have produced.
import type { Services } from '../../composition.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { applyComplaintAction } from '../complaints/apply-complaint-action.ts';
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

async function loadOne(
  deps: DemoDeps,
  staff: DemoStaff,
  plan: ComplaintPlan,
): Promise<LoadedComplaint> {
  const registeredAt = new Date(plan.receivedAt.getTime() + REGISTRATION_DELAY);
  const by = staff[plan.registeredBy];
  const registered = await registerComplaint(
    { ...deps, now: () => registeredAt },
    { id: by.id, role: by.role },
    {
      complaint: plan.input,
      route: 'staff',
      ...(plan.idempotencyKey ? { idempotencyKey: plan.idempotencyKey } : {}),
    },
  );
  const { reference } = registered;
  let status = registered.status;
  let customerId: string | null = null;
  const actingAs = async (who: Who): Promise<Actor> => {
    if (who === 'system') return { id: 'system', role: 'system' };
    if (who !== 'customer') return staff[who];
    customerId ??= (await findComplaint(deps.db, reference))!.customer_id;
    // As the public tracking routes act for the customer.
    return { id: `customer:${customerId}`, role: 'customer' };
  };
  for (const step of plan.steps) {
    const at = new Date(plan.receivedAt.getTime() + Math.round(step.h * HOUR));
    const payload = typeof step.payload === 'function' ? step.payload(at) : step.payload;
    try {
      const done = await applyComplaintAction(
        { ...deps, now: () => at },
        await actingAs(step.who),
        {
          reference,
          action: step.action,
          payload,
        },
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
  return { reference, status, policy: plan.policy, channel: plan.channel };
}

/**
 * Loads the planned complaints, a few at a time (oldest first, so references roughly follow
 * receipt). Each complaint's own actions run in order.
 */
export async function loadComplaints(
  deps: DemoDeps,
  staff: DemoStaff,
  plans: readonly ComplaintPlan[],
  concurrency = 8,
): Promise<LoadedComplaint[]> {
  const out: LoadedComplaint[] = new Array(plans.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < plans.length) {
      const i = next++;
      try {
        out[i] = await loadOne(deps, staff, plans[i]!);
      } catch (err) {
        failed = true; // the other workers stop after their current complaint
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, worker));
  return out;
}
