// What of a complaint's clocks the customer is shown: the promises the published procedure makes
// them (never an internal target), each either something the organisation will do by a date or
// a right the customer has from a date (going to the ombudsman once the deadlock clock has run).
import type { Policy } from '../policy/schema.ts';

export type PromiseKind = 'we_will_by' | 'you_may_from';

export interface CustomerPromise {
  clock: string;
  label: string;
  dueAt: Date | null;
  kind: PromiseKind;
}

/** A clock whose breach deadlocks the complaint opens the customer's right to go to ADR. */
function opensRight(policy: Policy, clock: string): boolean {
  return (policy.clocks[clock]?.onBreach ?? []).some((a) => a.do === 'deadlock');
}

/** The customer-facing clocks still running, in the policy's words. */
export function customerPromises(
  policy: Policy,
  clocks: readonly { name: string; due_at: Date | null; stopped_at: Date | null }[],
): CustomerPromise[] {
  return clocks
    .filter((c) => !c.stopped_at)
    .filter((c) => {
      const config = policy.clocks[c.name];
      return config !== undefined && !config.internal;
    })
    .map((c) => ({
      clock: c.name,
      label: policy.clocks[c.name]?.label ?? c.name,
      dueAt: c.due_at,
      kind: opensRight(policy, c.name) && policy.adr ? 'you_may_from' : 'we_will_by',
    }));
}

/**
 * The words an event shows the customer: their own reason (an escalation they asked for), or the
 * text staff wrote for them (`customerMessage`); never a reason staff wrote for staff.
 */
export function customerFacingReason(e: {
  actor_role: string;
  reason: string | null;
  data: Record<string, unknown>;
}): string | null {
  if (e.actor_role === 'customer') return e.reason;
  const forCustomer = e.data['customerMessage'];
  return typeof forCustomer === 'string' && forCustomer.trim() ? forCustomer : null;
}
