// A complaint in the queue (a summary) and on its own page (everything staff may see), with
// its clocks and timeline. The schemas are the API's; the presenters fill them from records.
import { z } from 'zod';
import type { ComplaintDetail } from '../../app/complaints/get-complaint.ts';
import type { QueuePage } from '../../app/complaints/list-complaints.ts';
import type { EventRecord } from '../../db/queries/complaint-detail.ts';
import type { ClockRow } from '../../db/repositories/clocks.ts';
import type { ComplaintRow } from '../../db/repositories/complaints.ts';
import type { CustomerRow } from '../../db/repositories/customers.ts';
import { clockProgress } from '../../domain/clocks/deadline.ts';
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import { COMPLAINT_PERMISSIONS } from '../../domain/access/complaint-access.ts';
import { ACTIONS } from '../../domain/complaint/lifecycle.ts';
import { CHANNELS, FLAGS, OUTCOMES, STATES } from '../../domain/complaint/states.ts';
import { CLOCK_UNITS, LANGUAGES, type Policy } from '../../domain/policy/schema.ts';
import { presentAttachment, attachmentSchema } from './attachment.ts';
import { instant, iso, isoOrNull } from './common.ts';
import { messageSchema, presentMessage } from './message.ts';
import { presentTask, taskSchema } from './work.ts';

export const complaintStateSchema = z.enum(STATES).meta({ id: 'ComplaintState' });
export const actionNameSchema = z.enum(ACTIONS).meta({ id: 'ActionName' });

export const complaintSummarySchema = z
  .object({
    reference: z.string(),
    status: complaintStateSchema,
    isOpen: z.boolean(),
    policy: z.object({ id: z.string(), version: z.number().int() }),
    channel: z.enum(CHANNELS),
    receivedAt: instant(),
    language: z.enum(LANGUAGES),
    subject: z.string(),
    flags: z.array(z.enum(FLAGS)),
    escalationLevel: z.number().int(),
    assigneeId: z.string().nullable(),
    departmentId: z.string().nullable(),
    nextDueAt: instant().nullable().describe('the earliest due instant of a running clock'),
  })
  .meta({ id: 'ComplaintSummary' });

export const clockSchema = z
  .object({
    clock: z.string().describe("the clock's name in the policy"),
    label: z.string(),
    amount: z.number().nullable(),
    unit: z.enum(CLOCK_UNITS).nullable(),
    regulatory: z.boolean().describe('a regulatory clock never pauses'),
    status: z.enum(['running', 'paused', 'met', 'breached']),
    startedAt: instant(),
    dueAt: instant().nullable(),
    stoppedAt: instant().nullable(),
    breachedAt: instant().nullable().describe('when the sweep recorded the breach'),
    pauses: z
      .array(z.object({ from: instant(), to: instant().nullable() }))
      .describe('each pause (awaiting the customer), oldest first; `to` null while paused'),
    pausedMs: z.number().describe('time spent paused so far, in milliseconds'),
    warnAt: z.array(instant()),
    remaining: z
      .object({
        amount: z.number(),
        overdueBy: z.number(),
        unit: z.enum(CLOCK_UNITS),
        text: z.string().describe('e.g. "3 working days left", in English'),
      })
      .nullable()
      .describe('for a running clock: how much is left, or how far past due'),
  })
  .meta({ id: 'Clock' });

/** A clock as the queue shows it: enough for a badge counting down in the clock's own unit. */
export const queueClockSchema = clockSchema
  .pick({ clock: true, label: true, unit: true, regulatory: true, status: true, dueAt: true })
  .extend({ remaining: clockSchema.shape.remaining })
  .meta({ id: 'QueueClock' });

export const queueItemSchema = complaintSummarySchema
  .extend({
    customerName: z.string(),
    overdue: z.boolean().describe('open and past its next due instant'),
    timezone: z.string().describe("the policy's time zone, for showing due instants"),
    clocks: z
      .array(queueClockSchema)
      .describe('every clock still running or paused, nearest due first (paused last)'),
  })
  .meta({ id: 'QueueItem' });

export const queuePageSchema = z
  .object({
    items: z.array(queueItemSchema),
    nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page'),
  })
  .meta({ id: 'QueuePage' });

export const timelineEventSchema = z
  .object({
    seq: z.number().int(),
    type: z.string().describe('the event type (received, acknowledged, …)'),
    at: instant(),
    actor: z.object({ id: z.string(), role: z.string() }),
    reason: z.string().nullable(),
    public: z.boolean().describe('shown to the customer'),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' });

export const customerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.array(z.string()),
    preferredContact: z.enum(['email', 'post', 'phone', 'portal']),
    language: z.enum(LANGUAGES),
    needs: z.string().nullable(),
    vulnerable: z.boolean(),
  })
  .meta({ id: 'Customer' });

export const redressSchema = z
  .object({
    kind: z.enum(['money', 'action']),
    description: z.string(),
    amount: z.number().optional(),
    currency: z.string().optional(),
    offeredAt: z.string(),
    acceptedAt: z.string().nullable().optional(),
    completedAt: z.string().nullable().optional(),
  })
  .meta({ id: 'Redress' });

export const adrRecordSchema = z
  .object({
    scheme: z.string().optional(),
    referredAt: z.string().optional(),
    caseReference: z.string().optional(),
    decision: z.enum(['upheld', 'partly_upheld', 'not_upheld']).nullable().optional(),
    award: z.string().nullable().optional(),
    decidedAt: z.string().nullable().optional(),
    compliedAt: z.string().nullable().optional(),
  })
  .meta({ id: 'AdrRecord' });

export const classificationSchema = z
  .object({
    productCode: z.string().nullable().optional(),
    causeCode: z.string().nullable().optional(),
    legalEntity: z.string().nullable().optional(),
    vulnerability: z
      .object({
        identified: z.boolean(),
        causedByFirm: z.boolean(),
        driver: z.string().nullable().optional(),
      })
      .nullable()
      .optional(),
  })
  .describe("taxonomy codes of the complaint's policy version, legal entity and vulnerability")
  .meta({ id: 'Classification' });

export const complaintCapabilitiesSchema = z
  .object(Object.fromEntries(COMPLAINT_PERMISSIONS.map((p) => [p, z.boolean()])))
  .describe('what else the caller may do with this complaint, by permission')
  .meta({ id: 'ComplaintCapabilities' });

export const nextStepSchema = z
  .object({
    action: actionNameSchema.nullable().describe('the action that meets the clock'),
    allowed: z.boolean().describe('whether the caller may take that action now'),
    waitingFor: z
      .enum(['customer', 'department', 'approval'])
      .nullable()
      .describe('the complaint waits on this; the action records it, the clock runs meanwhile'),
    clock: z.string(),
    label: z.string(),
    dueAt: instant(),
  })
  .describe(
    'what the procedure expects next: what the complaint waits on, or the running clock due first',
  )
  .meta({ id: 'NextStep' });

export const senderReviewSchema = z
  .object({
    claimedReference: z.string().describe('the complaint the mail claimed to answer'),
    refusal: z
      .string()
      .describe(
        'why it did not join: not_the_customer, envelope_mismatch, empty_envelope, unauthenticated, no_trusted_results, dmarc_fail, no_aligned_pass, no_sender',
      ),
    detail: z.string().describe('the same in words'),
    status: z.enum(['pending', 'confirmed']),
    decidedBy: z.string().nullable(),
    decidedAt: instant().nullable(),
    canConfirm: z
      .boolean()
      .describe(
        'whether the caller may confirm it is the same customer (POST …/sender-confirmation)',
      ),
  })
  .describe("a mail that claimed another complaint but was not authenticated as its customer's")
  .meta({ id: 'SenderReview' });

export const mailClaimSchema = z
  .object({
    reference: z.string().describe('the complaint the mail became'),
    status: z.enum(['pending', 'confirmed']),
    refusal: z.string(),
    receivedAt: instant(),
  })
  .meta({ id: 'MailClaim' });

export const complaintSchema = complaintSummarySchema
  .extend({
    customer: customerSchema.nullable(),
    timezone: z.string().describe("the policy's time zone: show its dates and clocks in it"),
    description: z.string(),
    product: z.string().nullable(),
    category: z.string().nullable(),
    remedySought: z.string().nullable(),
    immediateAction: z.string().nullable(),
    peopleInvolved: z.array(z.string()),
    departmentsInvolved: z.array(z.string()),
    subjectUserIds: z.array(z.string()).describe('staff the complaint is about'),
    responseApproved: z.boolean(),
    outcome: z.enum(OUTCOMES).nullable(),
    rootCause: z.string().nullable(),
    summary: z.string().nullable(),
    lessonsLearned: z.string().nullable(),
    redress: redressSchema.nullable(),
    adr: adrRecordSchema.nullable(),
    classification: classificationSchema.nullable(),
    satisfaction: z.number().int().nullable().describe('1 to 5, as the customer rated it'),
    satisfactionAnswers: z
      .object({
        keptInformed: z.number().int().optional(),
        speed: z.number().int().optional(),
        fairness: z.number().int().optional(),
        overall: z.number().int(),
      })
      .nullable()
      .describe('the survey answers, each 1 to 5 (overall is the satisfaction score)'),
    satisfactionComment: z
      .string()
      .nullable()
      .describe('what the customer wrote with their rating; null when none (or anonymised)'),
    satisfactionRatedAt: instant()
      .nullable()
      .describe('when the customer rated (last, if more than once); null when not rated'),
    createdAt: instant(),
    updatedAt: instant(),
    closedAt: instant().nullable(),
    deadlines: z.array(clockSchema),
    timeline: z.array(timelineEventSchema),
    messages: z.array(messageSchema),
    attachments: z.array(attachmentSchema),
    allowedActions: z
      .array(actionNameSchema)
      .describe('the lifecycle actions the caller may take now (POST …/actions/{name})'),
    capabilities: complaintCapabilitiesSchema,
    tasks: z.array(taskSchema).describe('call-backs, follow-ups and coordination with departments'),
    nextStep: nextStepSchema.nullable().describe('null when no clock is running'),
    senderReview: senderReviewSchema.nullable(),
    mailClaims: z
      .array(mailClaimSchema)
      .describe(
        'mails from unverified senders that claimed this complaint (each its own complaint)',
      ),
  })
  .meta({ id: 'Complaint' });

export function presentSummary(row: ComplaintRow): z.infer<typeof complaintSummarySchema> {
  return {
    reference: row.reference,
    status: row.status,
    isOpen: row.is_open,
    policy: { id: row.policy_id, version: row.policy_version },
    channel: row.channel,
    receivedAt: iso(row.received_at),
    language: row.language as z.infer<typeof complaintSummarySchema>['language'],
    subject: row.subject,
    flags: row.flags,
    escalationLevel: row.escalation_level,
    assigneeId: row.assignee_id,
    departmentId: row.department_id,
    nextDueAt: isoOrNull(row.next_due_at),
  };
}

export function presentQueuePage(page: QueuePage): z.infer<typeof queuePageSchema> {
  return {
    items: page.rows.map((r) => {
      const policy = page.policyOf(r);
      const clocks = (page.clocks.get(Number(r.id)) ?? [])
        .map((c) => presentClock(policy, c, page.now))
        .sort((a, b) => (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~'));
      return {
        ...presentSummary(r),
        customerName: r.customer_name,
        overdue: r.is_open && r.next_due_at !== null && r.next_due_at <= page.now,
        timezone: policy.timezone,
        clocks: clocks.map((c) => ({
          clock: c.clock,
          label: c.label,
          unit: c.unit,
          regulatory: c.regulatory,
          status: c.status,
          dueAt: c.dueAt,
          remaining: c.remaining,
        })),
      };
    }),
    nextCursor: page.nextCursor,
  };
}

export function presentClock(policy: Policy, c: ClockRow, now: Date): z.infer<typeof clockSchema> {
  const config = policy.clocks[c.name];
  const progress =
    config && c.due_at && !c.stopped_at
      ? clockProgress(
          calendarFor(policy),
          config,
          c.started_at.getTime(),
          c.due_at.getTime(),
          now.getTime(),
        )
      : null;
  return {
    clock: c.name,
    label: config?.label ?? c.name,
    amount: config?.amount ?? null,
    unit: config?.unit ?? null,
    regulatory: config?.regulatory ?? false,
    // A running clock past its due instant is breached, whether or not the sweep has run.
    status: c.status === 'running' && c.due_at && c.due_at <= now ? 'breached' : c.status,
    startedAt: iso(c.started_at),
    dueAt: isoOrNull(c.due_at),
    stoppedAt: isoOrNull(c.stopped_at),
    breachedAt: isoOrNull(c.breached_at),
    pauses: c.pauses.map((p) => ({
      from: new Date(p.from).toISOString(),
      to: p.to === null ? null : new Date(p.to).toISOString(),
    })),
    pausedMs: c.pauses.reduce((sum, p) => sum + Math.max(0, (p.to ?? now.getTime()) - p.from), 0),
    warnAt: c.warn_at.map((w) => new Date(w).toISOString()),
    remaining: progress
      ? {
          amount: progress.remaining,
          overdueBy: progress.overdueBy,
          unit: progress.unit,
          text: progress.text,
        }
      : null,
  };
}

/** The time of the complaint's latest rating, from its timeline. */
function ratedAt(events: readonly EventRecord[]): string | null {
  let last: Date | null = null;
  for (const e of events)
    if (e.type === 'satisfaction_rated' && (!last || e.at > last)) last = e.at;
  return last ? iso(last) : null;
}

const presentEvent = (e: EventRecord): z.infer<typeof timelineEventSchema> => ({
  seq: Number(e.stream_seq),
  type: e.type,
  at: iso(e.at),
  actor: { id: e.actor_id, role: e.actor_role },
  reason: e.reason,
  public: e.public,
  data: e.data,
});

const presentCustomer = (c: CustomerRow): z.infer<typeof customerSchema> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  address: c.address,
  preferredContact: c.preferred_contact,
  language: c.language as z.infer<typeof customerSchema>['language'],
  needs: c.needs,
  vulnerable: c.vulnerable,
});

export function presentComplaint(d: ComplaintDetail): z.infer<typeof complaintSchema> {
  const row = d.complaint;
  return {
    ...presentSummary(row),
    customer: d.customer && presentCustomer(d.customer),
    timezone: d.policy.timezone,
    description: row.description,
    product: row.product,
    category: row.category,
    remedySought: row.remedy_sought,
    immediateAction: row.immediate_action,
    peopleInvolved: row.people_involved,
    departmentsInvolved: row.departments_involved,
    subjectUserIds: row.subject_user_ids,
    responseApproved: row.response_approved,
    outcome: row.outcome,
    rootCause: row.root_cause,
    summary: row.summary,
    lessonsLearned: row.lessons_learned,
    redress: row.redress ?? null,
    adr: row.adr ?? null,
    classification: row.classification ?? null,
    satisfaction: row.satisfaction,
    satisfactionAnswers: row.satisfaction_answers ?? null,
    satisfactionComment: row.satisfaction_comment,
    satisfactionRatedAt: ratedAt(d.records.events),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    closedAt: isoOrNull(row.closed_at),
    deadlines: d.clocks.map((c) => presentClock(d.policy, c, d.now)),
    timeline: d.records.events.map(presentEvent),
    messages: d.records.messages.map(presentMessage),
    attachments: d.records.attachments.map(presentAttachment),
    allowedActions: d.allowedActions,
    capabilities: d.capabilities,
    tasks: d.tasks.map(presentTask),
    nextStep: d.nextStep && { ...d.nextStep, dueAt: iso(d.nextStep.dueAt) },
    senderReview: d.senderReview && {
      claimedReference: d.senderReview.claimed_reference,
      refusal: d.senderReview.refusal,
      detail: d.senderReview.detail,
      status: d.senderReview.status,
      decidedBy: d.senderReview.decided_by,
      decidedAt: isoOrNull(d.senderReview.decided_at),
      canConfirm: d.senderReview.canConfirm,
    },
    mailClaims: d.mailClaims.map((m) => ({
      reference: m.reference,
      status: m.status,
      refusal: m.refusal,
      receivedAt: iso(m.created_at),
    })),
  };
}

export const trackingLinkSchema = z
  .object({
    reference: z.string(),
    trackingUrl: z
      .string()
      .nullable()
      .describe(
        "the customer's tracking link, to give again; null for a complaint registered before links were kept, or anonymised",
      ),
  })
  .meta({ id: 'TrackingLink' });
