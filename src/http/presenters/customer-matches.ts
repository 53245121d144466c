// Possibly the same customer: who, on what they match, and their latest complaints.
import { z } from 'zod';
import type { CustomerMatchRecord } from '../../db/queries/customer-matches.ts';
import { instant, iso } from './common.ts';

export const customerMatchSchema = z
  .object({
    customerId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    matchedOn: z.enum(['email', 'phone']),
    complaints: z
      .array(z.object({ reference: z.string(), status: z.string(), receivedAt: instant() }))
      .describe('their latest complaints, newest first (five at most)'),
  })
  .meta({ id: 'CustomerMatch' });

export const customerMatchesSchema = z
  .object({ items: z.array(customerMatchSchema) })
  .meta({ id: 'CustomerMatches' });

export const customerLinkedSchema = z
  .object({ reference: z.string(), customerId: z.string() })
  .meta({ id: 'CustomerLinked' });

export const presentCustomerMatch = (
  m: CustomerMatchRecord,
): z.infer<typeof customerMatchSchema> => ({
  customerId: m.id,
  name: m.name,
  email: m.email,
  phone: m.phone,
  matchedOn: m.matched_on,
  complaints: m.complaints.map((c) => ({
    reference: c.reference,
    status: c.status,
    receivedAt: iso(new Date(c.received_at)),
  })),
});
