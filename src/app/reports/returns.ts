// Regulator returns (SPEC §6 `GET /returns/{kind}`): compute one for a period, see the
// complaints behind a figure, and file it — a snapshot that never changes afterwards, with a
// digest of its figures; filing again for the same period makes the next version.
import { dataDigest } from '../../domain/audit/chain.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import {
  findFiledReturn,
  insertFiledReturn,
  listFiledReturns,
  type FiledReturnRow,
} from '../../db/repositories/filed-returns.ts';
import { AppError } from '../errors.ts';
import { computeFcaReturn, fcaReturnCell, fcaReturnDeadline } from './fca-return.ts';
import { period, type ReportDeps } from './get-report.ts';
import {
  computeOfcomReturn,
  computeSpsoReturn,
  quarterlyReturnCell,
  type OfcomInput,
} from './quarterly-returns.ts';
import type { ReturnFigures, ReturnInput } from './return-types.ts';

export const RETURN_KINDS = ['fca-disp', 'ofcom-quarterly', 'spso-kpi'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

function kindOf(kind: string): ReturnKind {
  if (!(RETURN_KINDS as readonly string[]).includes(kind)) {
    throw new AppError('REPORT.NOT_FOUND', `no return "${kind}"`, { kinds: RETURN_KINDS });
  }
  return kind as ReturnKind;
}

export async function computeReturn(
  deps: ReportDeps,
  _actor: Actor,
  input: OfcomInput & { kind: string },
): Promise<ReturnFigures> {
  const kind = kindOf(input.kind);
  if (kind === 'fca-disp') return computeFcaReturn(deps, input);
  if (kind === 'ofcom-quarterly') return computeOfcomReturn(deps, input);
  return computeSpsoReturn(deps, input);
}

export interface ReturnDeadline {
  kind: string;
  periodEnd: string;
  /** The policy whose calendar counts the days (null: the return has no deadline). */
  policy: { id: string; version: number } | null;
  timezone: string | null;
  deadline: { dueAt: string; businessDaysAfterPeriodEnd: number } | null;
}

/** When a return for a period must be filed, without computing its figures (the FCA return's
 *  30 business days; the others set none). */
export function getReturnDeadline(
  deps: ReportDeps,
  _actor: Actor,
  input: ReturnInput & { kind: string },
): ReturnDeadline {
  const kind = kindOf(input.kind);
  if (kind !== 'fca-disp') {
    period(deps, { from: input.periodStart, to: input.periodEnd, policy: input.policy ?? null });
    return { kind, periodEnd: input.periodEnd, policy: null, timezone: null, deadline: null };
  }
  const d = fcaReturnDeadline(deps, input);
  return {
    kind,
    periodEnd: input.periodEnd,
    policy: { id: d.policy.id, version: d.policy.version },
    timezone: d.timezone,
    deadline: d.deadline,
  };
}

export interface CellInput extends OfcomInput {
  kind: string;
  measure: string;
  /** FCA: the product group and cause of the cell; others: the row's key. */
  productGroup?: string | undefined;
  cause?: string | undefined;
  key?: string | undefined;
  limit?: number | undefined;
}

export async function getReturnComplaints(
  deps: ReportDeps,
  _actor: Actor,
  input: CellInput,
): Promise<{ references: string[]; total: number }> {
  const kind = kindOf(input.kind);
  if (kind === 'fca-disp') return fcaReturnCell(deps, input);
  if (input.key === undefined) {
    throw new AppError('REPORT.UNKNOWN_GROUPING', `${kind}: give the row's key`);
  }
  return quarterlyReturnCell(deps, kind, { ...input, key: input.key });
}

export interface FiledReturn extends ReturnFigures {
  computedAt: string;
  id: number;
  version: number;
  digest: string;
  filedBy: string;
  filedAt: string;
}

function present(row: FiledReturnRow): FiledReturn {
  const figures = row.figures as unknown as ReturnFigures & { computedAt: string };
  return {
    ...figures,
    id: Number(row.id),
    version: row.version,
    digest: row.digest,
    filedBy: row.filed_by,
    filedAt: row.filed_at.toISOString(),
  };
}

export async function fileReturn(
  deps: ReportDeps,
  actor: Actor,
  input: OfcomInput & { kind: string },
): Promise<FiledReturn> {
  const computed = await computeReturn(deps, actor, input);
  const snapshot = { ...computed, computedAt: deps.now().toISOString() };
  const row = await deps.db.transaction((tx) =>
    insertFiledReturn(tx, {
      kind: computed.kind,
      policy_id: computed.policy.id,
      period_start: computed.periodStart,
      period_end: computed.periodEnd,
      figures: snapshot as unknown as Record<string, unknown>,
      digest: dataDigest(snapshot),
      filed_by: actor.id,
      filed_at: deps.now(),
    }),
  );
  return present(row);
}

export async function listReturnsFiled(
  deps: ReportDeps,
  _actor: Actor,
  input: { kind: string; policy?: string | undefined },
): Promise<FiledReturn[]> {
  const rows = await listFiledReturns(deps.db, kindOf(input.kind), input.policy ?? null);
  return rows.map(present);
}

export async function getFiledReturn(
  deps: ReportDeps,
  _actor: Actor,
  input: { kind: string; id: number },
): Promise<FiledReturn> {
  const row = await findFiledReturn(deps.db, kindOf(input.kind), input.id);
  if (!row) throw new AppError('RETURN.NOT_FILED', `no filed ${input.kind} return ${input.id}`);
  return present(row);
}
