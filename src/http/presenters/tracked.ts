// What the customer sees of their complaint through the tracking link.
import { z } from 'zod';
import type { TrackedComplaint } from '../../app/complaints/get-complaint.ts';
import { attachmentSchema, presentAttachment } from './attachment.ts';
import { instant, iso, isoOrNull } from './common.ts';
import { actionNameSchema, complaintStateSchema } from './complaint.ts';
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
    deadlines: z.array(
      z.object({ clock: z.string(), label: z.string(), dueAt: instant().nullable() }),
    ),
    timeline: z.array(z.object({ type: z.string(), at: instant(), reason: z.string().nullable() })),
    messages: z.array(messageSchema),
    attachments: z.array(attachmentSchema),
    allowedActions: z
      .array(actionNameSchema)
      .describe('what the customer may do now (reply, request-escalation, …)'),
    adr: z
      .object({ scheme: contactSchema })
      .nullable()
      .describe('the ombudsman or ADR scheme the customer may go to'),
    now: instant(),
  })
  .meta({ id: 'TrackedComplaint' });

export function presentTracked(t: TrackedComplaint): z.infer<typeof trackedComplaintSchema> {
  const { complaint: row, policy } = t;
  return {
    reference: row.reference,
    status: row.status,
    receivedAt: iso(row.received_at),
    subject: row.subject,
    description: row.description,
    organisation: policy.organisation?.name ?? policy.name,
    deadlines: t.clocks.map((c) => ({
      clock: c.name,
      label: policy.clocks[c.name]?.label ?? c.name,
      dueAt: isoOrNull(c.due_at),
    })),
    timeline: t.records.events.map((e) => ({ type: e.type, at: iso(e.at), reason: e.reason })),
    messages: t.records.messages.map(presentMessage),
    attachments: t.records.attachments.map(presentAttachment),
    allowedActions: t.allowedActions,
    adr: policy.adr ? { scheme: policy.adr.scheme } : null,
    now: iso(t.now),
  };
}
