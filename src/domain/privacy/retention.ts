// Retention (issue 11): how long a complaint's record is kept, and when it ends. The period comes
// from the complaint's policy version — years from closing or from receipt, another period for
// some outcomes or products (the longest that applies) — and is counted on the clock engine as
// calendar months in the policy's time zone (29 February + 1 year = 28 February).
import { dueInstant } from '../clocks/deadline.ts';
import { calendarFor } from '../clocks/policy-clocks.ts';
import type { Outcome } from '../complaint/states.ts';
import type { Policy } from '../policy/schema.ts';

// The calendar of each policy version, kept with it (the sweep asks once per complaint).
const calendars = new WeakMap<object, ReturnType<typeof calendarFor>>();
function calendarOf(policy: Pick<Policy, 'timezone' | 'calendar'>) {
  let cal = calendars.get(policy);
  if (!cal) {
    cal = calendarFor(policy);
    calendars.set(policy, cal);
  }
  return cal;
}

export interface RetainedComplaint {
  outcome: Outcome | null;
  product: string | null;
  receivedAt: Date;
  closedAt: Date | null;
  isOpen: boolean;
}

export interface RetentionTerm {
  years: number;
  from: 'closed' | 'received';
  /** Why this period: the policy's default, an outcome's or a product's. */
  basis: string;
}

/** The period that applies to a complaint: the longest of the default, its outcome's and its
 *  product's. */
export function retentionTerm(
  policy: Pick<Policy, 'retention'>,
  c: Pick<RetainedComplaint, 'outcome' | 'product'>,
): RetentionTerm {
  const r = policy.retention;
  let term: RetentionTerm = { years: r.years, from: r.from, basis: 'policy' };
  const byOutcome = c.outcome ? r.byOutcome?.[c.outcome] : undefined;
  if (byOutcome !== undefined && byOutcome > term.years)
    term = { ...term, years: byOutcome, basis: `outcome ${c.outcome}` };
  const byProduct = c.product ? r.byProduct?.[c.product.toLowerCase()] : undefined;
  if (byProduct !== undefined && byProduct > term.years)
    term = { ...term, years: byProduct, basis: `product ${c.product}` };
  return term;
}

/**
 * When the complaint's retention period ends; null while it is open (an open complaint is never
 * anonymised, whatever its period counts from).
 */
export function retentionEndsAt(
  policy: Pick<Policy, 'retention' | 'timezone' | 'calendar'>,
  c: RetainedComplaint,
): Date | null {
  if (c.isOpen) return null;
  const term = retentionTerm(policy, c);
  const start = term.from === 'received' ? c.receivedAt : (c.closedAt ?? c.receivedAt);
  const due = dueInstant(
    calendarOf(policy),
    { amount: term.years * 12, unit: 'calendar_months' },
    start.getTime(),
  );
  return new Date(due!);
}

/** Whether a complaint's record may be anonymised at `now`. */
export function retentionHasEnded(endsAt: Date | null, now: Date): boolean {
  return endsAt !== null && endsAt.getTime() <= now.getTime();
}
