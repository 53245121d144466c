// The lessons-learned register (GET /lessons): every closed complaint with its summary, root
// cause and lesson, searchable by words, root cause, product and period, each with its
// corrective actions, and the root causes and products there are to filter by.
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { correctiveActionsOf } from '../../db/repositories/corrective-actions.ts';
import { lessonFacets, lessonsRegister, type LessonRow } from '../../db/queries/reports/lessons.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { resolvePeriod } from '../reports/report-period.ts';
import { localDate, toCorrectiveAction, type CorrectiveAction } from './corrective-action.ts';

const date = (what: string) =>
  z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).describe(`${what} (the policy’s zone)`);
const optionalText = z.string().trim().max(200).optional();

export const listLessonsQuery = z
  .strictObject({
    q: optionalText.describe('words in the summary, lesson, root cause, subject or reference'),
    rootCause: optionalText.describe('the root cause recorded at closing, or its cause code'),
    product: optionalText.describe('the product, or its product code'),
    from: date('closed on or after this day').optional(),
    to: date('closed on or before this day').optional(),
    policy: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'expected a policy id')
      .optional(),
    actions: z
      .enum(['overdue', 'open', 'none'])
      .optional()
      .describe('complaints with an overdue, a not-done, or no corrective action'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((v) => (v.from === undefined) === (v.to === undefined), {
    message: 'give both from and to, or neither',
    path: ['from'],
  });
export type ListLessonsQuery = z.infer<typeof listLessonsQuery>;

export interface Lesson extends LessonRow {
  actions: CorrectiveAction[];
}

export interface LessonsRegister {
  items: Lesson[];
  facets: { rootCauses: string[]; products: string[] };
  /** Corrective actions past due and not done, among those listed. */
  overdue: number;
}

export interface LessonsDeps {
  db: Queryable;
  policies: PolicyRegistry;
  now: () => Date;
  config: { defaultPolicy?: string | undefined };
}

/** The policy whose time zone dates are read in: the one asked for, else the default. */
export function registerZone(deps: LessonsDeps, policy: string | null | undefined): string {
  const id = policy ?? deps.config.defaultPolicy ?? deps.policies.ids()[0] ?? '';
  const versions = deps.policies.allVersions(id);
  return versions[versions.length - 1]!.timezone;
}

export async function listLessons(
  deps: LessonsDeps,
  _actor: Actor,
  q: ListLessonsQuery,
): Promise<LessonsRegister> {
  const now = deps.now();
  const fallback = deps.config.defaultPolicy ?? deps.policies.ids()[0] ?? '';
  const period =
    q.from && q.to
      ? resolvePeriod(deps.policies, fallback, { from: q.from, to: q.to, policy: q.policy }, now)
      : { from: new Date(0), to: new Date(Date.UTC(9999, 0, 1)), policyId: q.policy ?? null };
  if (q.policy) deps.policies.allVersions(q.policy); // an unknown policy is refused
  const today = localDate(registerZone(deps, q.policy), now);
  const rows = await lessonsRegister(
    deps.db,
    period,
    {
      search: q.q || null,
      rootCause: q.rootCause || null,
      product: q.product || null,
      actions: q.actions ?? null,
      today,
    },
    q.limit,
  );
  const actions = await correctiveActionsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const byComplaint = new Map<number, CorrectiveAction[]>();
  for (const a of actions) {
    const list = byComplaint.get(a.complaint_id) ?? [];
    list.push(toCorrectiveAction(a, today));
    byComplaint.set(a.complaint_id, list);
  }
  const items = rows.map((r) => ({ ...r, actions: byComplaint.get(r.id) ?? [] }));
  return {
    items,
    facets: await lessonFacets(deps.db, q.policy ?? null),
    overdue: items.reduce((n, l) => n + l.actions.filter((a) => a.overdue).length, 0),
  };
}
