// What the customer sees of their complaint through the tracking link.
import { z } from 'zod';
import type { TrackedComplaint } from '../../app/complaints/get-complaint.ts';
import { attachmentSchema, presentAttachment } from './attachment.ts';
import { instant, iso, isoOrNull } from './common.ts';
import { complaintStateSchema } from './complaint.ts';
import { CUSTOMER_ROUTES } from '../../domain/complaint/customer-actions.ts';
import { customerFacingReason } from '../../domain/complaint/customer-view.ts';
import { messageSchema, presentMessage } from './message.ts';

export const contactSchema = z
  .object({
    name: z.string(),
    address: z.array(z.string()),
    phone: z.string().optional(),
    email: z.string().optional(),
    website: z.string().optional(),
  })
  .meta({ id: 'Contact' });

export const trackedComplaintSchema = z
  .object({
    reference: z.string(),
    status: complaintStateSchema,
    receivedAt: instant(),
    subject: z.string(),
    description: z.string(),
    organisation: z.string(),
    language: z.string().describe("the complaint's language: the page opens in it"),
    policy: z.object({ id: z.string(), version: z.number().int() }),
    timezone: z.string().describe("the policy's time zone: dates are shown in it"),
    deadlines: z
      .array(
        z.object({
          clock: z.string(),
          label: z.string(),
          dueAt: instant().nullable(),
          kind: z
            .enum(['we_will_by', 'you_may_from'])
            .describe(
              'we_will_by: what the organisation will do by dueAt; you_may_from: a right the customer has from dueAt (going to the ombudsman)',
            ),
        }),
      )
      .describe('customer-facing promises only, never internal targets'),
    timeline: z.array(z.object({ type: z.string(), at: instant(), reason: z.string().nullable() })),
    messages: z.array(messageSchema),
    attachments: z.array(attachmentSchema),
    letters: z
      .array(
        z.object({
          id: z.number().int(),
          title: z.string(),
          createdAt: instant(),
          pdfUrl: z.string().describe('the letter as PDF (needs the tracking token, as here)'),
        }),
      )
      .describe('letters sent to the customer by post'),
    allowedActions: z
      .array(z.enum(CUSTOMER_ROUTES))
      .describe(
        'the public routes the customer may use now: POST /public/complaints/{reference}/{name}',
      ),
    adr: z
      .object({ scheme: contactSchema })
      .nullable()
      .describe('the ombudsman or ADR scheme the customer may go to'),
    now: instant(),
  })
  .meta({ id: 'TrackedComplaint' });

export function presentTracked(
  t: TrackedComplaint,
  token: string,
): z.infer<typeof trackedComplaintSchema> {
  const { complaint: row, policy } = t;
  const ref = encodeURIComponent(row.reference);
  return {
    reference: row.reference,
    status: row.status,
    receivedAt: iso(row.received_at),
    subject: row.subject,
    description: row.description,
    organisation: policy.organisation?.name ?? policy.name,
    language: row.language,
    policy: { id: policy.id, version: policy.version },
    timezone: policy.timezone,
    deadlines: t.promises.map((p) => ({
      clock: p.clock,
      label: p.label,
      dueAt: isoOrNull(p.dueAt),
      kind: p.kind,
    })),
    timeline: t.records.events.map((e) => ({
      type: e.type,
      at: iso(e.at),
      reason: customerFacingReason(e),
    })),
    messages: t.records.messages.map(presentMessage),
    attachments: t.records.attachments.map(presentAttachment),
    letters: t.records.messages
      .filter((m) => m.channel === 'letter' && m.direction === 'out')
      .map((m) => ({
        id: Number(m.id),
        title: m.subject ?? row.reference,
        createdAt: iso(m.created_at),
        pdfUrl: `/api/v1/public/complaints/${ref}/letters/${Number(m.id)}/pdf?token=${encodeURIComponent(token)}`,
      })),
    allowedActions: t.allowedActions,
    adr: policy.adr ? { scheme: policy.adr.scheme } : null,
    now: iso(t.now),
  };
}
