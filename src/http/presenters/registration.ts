// The answers to registering a complaint and to a lifecycle action.
import { z } from 'zod';
import type { ActionDone } from '../../app/complaints/apply-complaint-action.ts';
import type { Registered } from '../../app/complaints/registration.ts';
import { trackingUrlFor } from '../../app/complaints/tracking-link.ts';
import { instant } from './common.ts';
import { complaintStateSchema } from './complaint.ts';

const deadlines = z.array(z.object({ clock: z.string(), dueAt: instant().nullable() }));

export const registeredSchema = z
  .object({
    reference: z.string(),
    status: complaintStateSchema,
    policy: z.object({ id: z.string(), version: z.number().int() }),
    receivedAt: instant(),
    deadlines,
    trackingToken: z
      .string()
      .describe("the secret of the customer's tracking link (for a phone or postal complaint)"),
    trackingUrl: z.string().describe("the customer's tracking link, to give them"),
  })
  .meta({ id: 'Registered' });

export const publicRegisteredSchema = z
  .object({
    reference: z.string(),
    status: complaintStateSchema,
    receivedAt: instant(),
    deadlines,
    trackingToken: z.string().describe('the secret of the tracking link; shown once'),
    trackingUrl: z.string(),
  })
  .meta({ id: 'PublicRegistered' });

export const actionResultSchema = z
  .object({
    reference: z.string(),
    status: complaintStateSchema,
    events: z.array(z.string()).describe('the types of the events the action recorded'),
  })
  .meta({ id: 'ActionResult' });

export const customerActionResultSchema = z
  .object({ reference: z.string(), status: complaintStateSchema })
  .meta({ id: 'CustomerActionResult' });

export const presentRegistered = (
  r: Registered,
  publicUrl: string,
): z.infer<typeof registeredSchema> => ({
  reference: r.reference,
  status: r.status as z.infer<typeof complaintStateSchema>,
  policy: r.policy,
  receivedAt: r.receivedAt,
  deadlines: r.deadlines,
  trackingToken: r.trackingToken,
  trackingUrl: trackingUrl(publicUrl, r),
});

/** The customer's tracking link (SPEC §7): `/track/{reference}?token=…`. */
export const trackingUrl = (publicUrl: string, r: { reference: string; trackingToken: string }) =>
  trackingUrlFor(r.reference, r.trackingToken, publicUrl);

export function presentPublicRegistered(
  r: Registered,
  publicUrl: string,
): z.infer<typeof publicRegisteredSchema> {
  return {
    reference: r.reference,
    status: r.status as z.infer<typeof complaintStateSchema>,
    receivedAt: r.receivedAt,
    deadlines: r.deadlines,
    trackingToken: r.trackingToken,
    trackingUrl: trackingUrl(publicUrl, r),
  };
}

export const presentActionResult = (d: ActionDone): z.infer<typeof actionResultSchema> => ({
  reference: d.reference,
  status: d.status as z.infer<typeof complaintStateSchema>,
  events: d.events.map((e) => e.type),
});

export const presentCustomerActionResult = (
  d: ActionDone,
): z.infer<typeof customerActionResultSchema> => ({
  reference: d.reference,
  status: d.status as z.infer<typeof complaintStateSchema>,
});
