// Which demo complaints exist: how many end in each state, under which policy, by which channel,
// from which customer, received when — all drawn from a seeded generator, so every load makes
// the same demo (dates are relative to `now`).
import { createComplaintInput, type CreateComplaintInput } from '../complaints/schemas.ts';
import type { Channel, ComplaintState } from '../../domain/complaint/states.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { customerPools, formatMoney, receiptTime, weighted, type Customer } from './demo-people.ts';
import { Rng, Script, type DecidedOutcome, type Step } from './demo-scripts.ts';
import { fitInto, officeHours, writeScript, type Variant } from './demo-stories.ts';
import { EN_TOPICS } from './demo-texts-en.ts';
import { EXTRA_TOPICS } from './demo-texts-extra.ts';
import { VI_TOPICS } from './demo-texts-vi.ts';
import { PHRASES, type DemoPolicy, type Lang, type Topic } from './demo-texts.ts';
import type { DemoStaff, StaffKey } from './demo-users.ts';

export interface ComplaintPlan {
  target: ComplaintState;
  policy: DemoPolicy;
  channel: Channel;
  receivedAt: Date;
  input: CreateComplaintInput;
  registeredBy: StaffKey;
  idempotencyKey?: string;
  steps: Step[];
}

/** Target state, how many, their age range in days, and for `closed` the road taken. */
const QUOTAS: [ComplaintState, number, [number, number], Variant?][] = [
  ['received', 18, [0.05, 6]],
  ['acknowledged', 18, [0.5, 14]],
  ['investigating', 34, [3, 75]],
  ['awaiting_customer', 14, [4, 45]],
  ['awaiting_department', 16, [3, 40]],
  ['response_proposed', 12, [6, 45]],
  ['responded', 18, [8, 50]],
  ['reopened', 8, [15, 70]],
  ['escalated', 14, [10, 80]],
  ['resolved_on_first_contact', 14, [0.1, 120]],
  ['deadlocked', 12, [50, 115]],
  ['referred_to_adr', 10, [60, 122]],
  ['withdrawn', 10, [2, 100]],
  ['closed', 62, [12, 122], 'standard'],
  ['closed', 16, [1, 122], 'first_contact'],
  ['closed', 8, [5, 122], 'withdrawn'],
  ['closed', 6, [30, 122], 'reopened'],
  ['closed', 6, [100, 122], 'adr'],
  ['closed', 4, [50, 122], 'deadlock'],
];

const CHANNELS: Record<DemoPolicy, [Channel, number][]> = {
  'uk-comms-ombudsman': [
    ['web', 3],
    ['email', 4],
    ['phone', 2],
    ['post', 1],
    ['api', 1],
  ],
  'vn-datacentre': [
    ['email', 5],
    ['phone', 4],
    ['in_person', 2],
  ],
  'uk-fca-disp': [
    ['web', 2],
    ['email', 2],
    ['phone', 2],
    ['post', 1],
    ['in_person', 1],
    ['api', 1],
  ],
};

const HOUR = 3_600_000;
const TOPICS = [...EN_TOPICS, ...EXTRA_TOPICS, ...VI_TOPICS];

function choosePolicy(rng: Rng, target: ComplaintState, variant?: Variant): DemoPolicy {
  if (target === 'referred_to_adr' || variant === 'adr') {
    return rng.chance(0.8) ? 'uk-comms-ombudsman' : 'uk-fca-disp';
  }
  return weighted<DemoPolicy>(rng, [
    ['uk-comms-ombudsman', 55],
    ['vn-datacentre', 38],
    ['uk-fca-disp', 7],
  ]);
}

function chooseTopic(rng: Rng, policy: DemoPolicy, target: ComplaintState): Topic {
  const lang: Lang = policy === 'vn-datacentre' && rng.chance(0.88) ? 'vi' : 'en';
  const fits = TOPICS.filter(
    (t) =>
      t.policy === policy &&
      t.lang === lang &&
      (target !== 'awaiting_department' || t.department !== 'customer-success'),
  );
  return rng.pick(fits);
}

export interface PlanOptions {
  now: Date;
  staff: DemoStaff;
  policyAt: (id: string, at: Date) => Policy;
  seed?: number;
}

export function planDemo(opts: PlanOptions): ComplaintPlan[] {
  const seed = opts.seed ?? 20260408;
  const pools = customerPools(new Rng(seed));
  const plans: ComplaintPlan[] = [];
  const counts = new Map<string, number>();
  for (const [target, n, [minAge, maxAge], variant] of QUOTAS) {
    for (let i = 0; i < n; i++) {
      // A generator per complaint: what one complaint draws (which can depend on its dates,
      // hence on now) never changes the complaints after it.
      const rng = new Rng(seed + 7919 * (plans.length + 1));
      plans.push(planOne(rng, pools, counts, opts, target, variant, rng.between(minAge, maxAge)));
    }
  }
  return plans.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

function planOne(
  rng: Rng,
  pools: ReturnType<typeof customerPools>,
  counts: Map<string, number>,
  opts: PlanOptions,
  target: ComplaintState,
  variant: Variant | undefined,
  ageDays: number,
): ComplaintPlan {
  const firstContact = target === 'resolved_on_first_contact' || variant === 'first_contact';
  const policyId = choosePolicy(rng, target, variant);
  /** The how-manyth complaint of this target under this policy. */
  const k = (counts.get(`${target}/${policyId}`) ?? 0) + 1;
  counts.set(`${target}/${policyId}`, k);
  const channel: Channel = firstContact
    ? policyId === 'uk-comms-ombudsman' || rng.chance(0.5)
      ? 'phone'
      : 'in_person'
    : weighted(rng, CHANNELS[policyId]);
  const topic = chooseTopic(rng, policyId, target);
  const lang = topic.lang;
  const receivedAt = receiptTime(rng, opts.now, ageDays, channel, policyId);
  const ageH = (opts.now.getTime() - receivedAt.getTime()) / HOUR;
  const policy = opts.policyAt(policyId, receivedAt);
  const currency = policyId === 'vn-datacentre' ? 'VND' : 'GBP';
  const base = topic.redress.amount ?? rng.int(50, 900);
  const factor = rng.between(0.6, 1.6);
  const amount =
    currency === 'VND'
      ? Math.max(100_000, Math.round((base * factor) / 100_000) * 100_000)
      : Math.round(base * factor * 100) / 100;
  const month = PHRASES[lang].months[(receivedAt.getUTCMonth() + 11) % 12]!;
  const vars = {
    amount: formatMoney(amount, currency),
    month,
    days: rng.int(2, 9),
    hours: rng.int(2, 14),
    account: currency === 'VND' ? `HD-${rng.int(10000, 99999)}` : `CD-${rng.int(100000, 999999)}`,
    rack: `${rng.pick(['A', 'B', 'C', 'D'])}${rng.int(1, 24)}`,
    n: rng.int(3, 12),
  };
  const vulnerable = rng.chance(0.04);
  const pool = lang === 'vi' ? pools.vi : policyId === 'vn-datacentre' ? pools.enVn : pools.en;
  let customer: Customer = { ...rng.pick(pool) };
  if (vulnerable) {
    // A customer of their own: the needs are theirs, not a pooled customer's.
    customer = {
      ...customer,
      email: customer.email!.replace('@', `+care${k}@`),
      vulnerable: true,
      needs: rng.pick(PHRASES[lang].needs),
    };
  }
  const uk = policyId !== 'vn-datacentre';
  const handler: StaffKey = !uk
    ? 'vnHandler'
    : !topic.aboutStaff && rng.chance(0.3)
      ? 'handler2'
      : 'handler';
  const clock = policy.clocks['deadlock'];
  const deadlockDueH =
    clock && clock.unit === 'calendar_weeks' ? clock.amount * 7 * 24 + 1.5 : null;
  const outcome = weighted<DecidedOutcome>(rng, [
    ['upheld', 40],
    ['partly_upheld', 35],
    ['not_upheld', 25],
  ]);
  const s = new Script({
    rng,
    topic,
    vars,
    phrases: PHRASES[lang],
    lang,
    channel,
    handler,
    manager: uk ? 'manager' : 'vnManager',
    currency,
    amount,
    outcome,
    preferredMethod: customer.preferredContact === 'portal' ? 'email' : customer.preferredContact!,
    deadlockDueH,
    letterAutomatic: policy.deadlock.letterAutomatic,
    letterRefusedFlags: policy.deadlock.refuseWhenFlagged,
    adrScheme: policy.adr?.scheme.name ?? null,
  });
  const flags = { vulnerable, urgent: rng.chance(0.1), k };
  writeScript(s, target, variant, ageH, flags, opts.staff, policyId);
  fitInto(s, ageH - 0.1);
  officeHours(s.steps, receivedAt, policy.timezone, ageH - 0.1, () => rng.between(0, 1));
  const input = createComplaintInput.parse({
    policy: policyId,
    channel,
    receivedAt: receivedAt.toISOString(),
    customer,
    subject: topic.subject(vars),
    description: topic.description(vars),
    product: topic.product,
    category: topic.category,
    remedySought: topic.remedy,
    ...(topic.immediateAction ? { immediateAction: topic.immediateAction } : {}),
    ...(rng.chance(0.5) ? { departmentsInvolved: [topic.department] } : {}),
    ...(topic.aboutStaff
      ? { subjectUserIds: [opts.staff.handler2.id], peopleInvolved: [opts.staff.handler2.name] }
      : {}),
    ...(rng.chance(0.85) ? { assigneeId: opts.staff[handler].id } : {}),
    departmentId: 'customer-success',
  });
  return {
    target,
    policy: policyId,
    channel,
    receivedAt,
    input,
    registeredBy: channel === 'api' ? 'integration' : handler,
    ...(channel === 'api'
      ? { idempotencyKey: `crm-${receivedAt.getTime().toString(36)}-${k}` }
      : {}),
    steps: s.steps,
  };
}
