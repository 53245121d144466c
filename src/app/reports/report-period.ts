// A report's period: dates in the policy's time zone, turned into the instants the read models
// take (from the start of the first day to the end of the last).
import { timeZone } from '../../domain/calendar/timezone.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import type { ReportParams } from '../../db/queries/reports/report-sql.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

const DAY = 86_400_000;
const MAX_DAYS = 5 * 366;

export interface PeriodInput {
  from: string;
  to: string;
  policy?: string | null;
}

export interface ResolvedPeriod extends ReportParams {
  /** The policy whose time zone the dates are read in (its latest version). */
  policy: Policy;
  fromDate: string;
  toDate: string;
}

/** The instant local midnight starts a date (YYYY-MM-DD) in a zone. */
export function startOfLocalDate(zone: string, date: string): Date {
  return new Date(timeZone(zone).toUtc(Date.parse(`${date}T00:00:00Z`)));
}

export function resolvePeriod(
  policies: PolicyRegistry,
  defaultPolicy: string,
  input: PeriodInput,
  now: Date,
): ResolvedPeriod {
  const policyId = input.policy ?? null;
  const versions = policies.allVersions(policyId ?? defaultPolicy);
  const policy = versions[versions.length - 1]!;
  const days = (Date.parse(input.to) - Date.parse(input.from)) / DAY;
  if (!(days >= 0) || days > MAX_DAYS) {
    throw new AppError(
      'REPORT.BAD_PERIOD',
      `the period ${input.from} to ${input.to} must end on or after its start and span 5 years at most`,
    );
  }
  const next = new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  return {
    policy,
    policyId,
    fromDate: input.from,
    toDate: input.to,
    from: startOfLocalDate(policy.timezone, input.from),
    to: startOfLocalDate(policy.timezone, next),
    now,
    timezone: policy.timezone,
  };
}
