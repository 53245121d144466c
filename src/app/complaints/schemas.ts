// The body of a new complaint (staff, integration and public web form alike), ISO 10002 fields.
import { z } from 'zod';
import { CHANNELS } from '../../domain/complaint/states.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const customerInput = z.strictObject({
  name: text(200),
  email: z.email('expected an email address').max(254).optional(),
  phone: z.string().trim().max(50).optional(),
  address: z.array(z.string().trim().max(200)).max(8).optional(),
  preferredContact: z.enum(['email', 'post', 'phone', 'portal']).optional(),
  language: z.enum(['en', 'vi']).optional(),
  needs: optionalText(2000),
  vulnerable: z.boolean().optional(),
});

export const createComplaintInput = z
  .strictObject({
    policy: text(100).describe('policy id, e.g. uk-comms-ombudsman'),
    channel: z.enum(CHANNELS).default('api'),
    receivedAt: z.iso
      .datetime({
        offset: true,
        message: 'expected an ISO-8601 date-time such as 2026-03-13T17:00:00Z',
      })
      .optional()
      .describe('when the complaint was received (for post: the day it arrived); defaults to now'),
    customer: customerInput,
    subject: text(300),
    description: text(20_000),
    product: optionalText(200),
    category: optionalText(100),
    remedySought: optionalText(5000),
    immediateAction: optionalText(5000),
    peopleInvolved: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    departmentsInvolved: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    subjectUserIds: z
      .array(z.string().min(1).max(100))
      .max(20)
      .optional()
      .describe('staff the complaint is about'),
    assigneeId: z.string().min(1).max(100).optional(),
    departmentId: z.string().min(1).max(100).optional(),
  })
  .refine((c) => c.customer.email || c.customer.phone || (c.customer.address?.length ?? 0) > 0, {
    message: 'give at least one way to contact the customer: email, phone or address',
    path: ['customer'],
  });
export type CreateComplaintInput = z.infer<typeof createComplaintInput>;
