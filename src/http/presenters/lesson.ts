// The lessons-learned register on the wire: each closed complaint's lesson with its corrective
// actions, and one corrective action.
import { z } from 'zod';
import type { CorrectiveAction } from '../../app/lessons/corrective-action.ts';
import type { Lesson, LessonsRegister } from '../../app/lessons/list-lessons.ts';
import { instant, iso } from './common.ts';

export const correctiveActionSchema = z
  .object({
    id: z.number().int(),
    reference: z.string().describe('the complaint whose lesson it acts on'),
    description: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }),
    dueOn: z.iso.date(),
    doneOn: z.iso.date().nullable(),
    effectiveness: z
      .enum(['effective', 'not_effective', 'unknown'])
      .describe('whether it worked (unknown: not yet known)'),
    effectivenessNote: z.string().nullable(),
    overdue: z.boolean().describe('not done and past its due date (the policy’s time zone)'),
    createdBy: z.string(),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'CorrectiveAction' });

export const lessonEntrySchema = z
  .object({
    reference: z.string(),
    policy: z.string(),
    subject: z.string(),
    closedAt: instant(),
    outcome: z.string().nullable(),
    rootCause: z.string().nullable().describe('as recorded at closing'),
    cause: z.string().nullable().describe('the taxonomy’s cause code'),
    product: z.string().nullable(),
    productCode: z.string().nullable(),
    summary: z.string().nullable(),
    lessonsLearned: z.string().nullable(),
    actions: z.array(correctiveActionSchema),
  })
  .meta({ id: 'LessonEntry' });

export const lessonsRegisterSchema = z
  .object({
    items: z.array(lessonEntrySchema),
    facets: z
      .object({ rootCauses: z.array(z.string()), products: z.array(z.string()) })
      .describe('the root causes and products closed complaints carry, to filter by'),
    overdue: z.number().int().describe('overdue corrective actions among those listed'),
  })
  .meta({ id: 'LessonsRegister' });

export const presentCorrectiveAction = (
  a: CorrectiveAction,
): z.infer<typeof correctiveActionSchema> => ({
  ...a,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});

const presentEntry = (l: Lesson): z.infer<typeof lessonEntrySchema> => ({
  reference: l.reference,
  policy: l.policy_id,
  subject: l.subject,
  closedAt: iso(l.closed_at),
  outcome: l.outcome,
  rootCause: l.root_cause,
  cause: l.cause,
  product: l.product,
  productCode: l.product_code,
  summary: l.summary,
  lessonsLearned: l.lessons_learned,
  actions: l.actions.map(presentCorrectiveAction),
});

export const presentLessonsRegister = (
  r: LessonsRegister,
): z.infer<typeof lessonsRegisterSchema> => ({
  items: r.items.map(presentEntry),
  facets: r.facets,
  overdue: r.overdue,
});
