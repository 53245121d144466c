// What every regulator return computes: figures for a period of one policy, warnings about the
// data behind them, and (where the regulator sets one) the filing deadline.

export interface ReturnInput {
  periodStart: string;
  periodEnd: string;
  policy?: string | undefined;
}

export interface ReturnWarning {
  code: string;
  count: number;
  message: string;
  /** Up to 50 of the complaints concerned. */
  references: string[];
}

export interface ReturnFigures {
  kind: string;
  policy: { id: string; version: number };
  periodStart: string;
  periodEnd: string;
  timezone: string;
  figures: Record<string, unknown>;
  deadline: { dueAt: string; businessDaysAfterPeriodEnd: number } | null;
  warnings: ReturnWarning[];
}
