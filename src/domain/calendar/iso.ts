// Strict ISO-8601 instants. A date-time without an offset is read as local time in `zone`.
import { timeZone } from './timezone.ts';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export class InvalidInstantError extends Error {
  readonly code = 'INPUT.INVALID_INSTANT';
}

/** Parses an ISO-8601 date-time; throws InvalidInstantError naming what was wrong. */
export function parseInstant(text: string, zone?: string): Date {
  const m = ISO.exec(text.trim());
  if (!m) {
    throw new InvalidInstantError(
      `"${text}" is not an ISO-8601 date-time (expected e.g. 2026-03-13T17:00:00Z)`,
    );
  }
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const ms = Number(`0.${frac}`) * 1000;
  const local = Date.UTC(...fields) + Math.floor(ms);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] ||
    check.getUTCDate() !== fields[2] ||
    check.getUTCHours() !== fields[3] ||
    check.getUTCMinutes() !== fields[4] ||
    check.getUTCSeconds() !== fields[5]
  ) {
    throw new InvalidInstantError(`"${text}" is not a real date and time`);
  }
  if (offset === undefined) {
    if (!zone) throw new InvalidInstantError(`"${text}" needs a time zone (Z or ±hh:mm)`);
    return new Date(timeZone(zone).toUtc(local));
  }
  if (offset.toUpperCase() === 'Z') return new Date(local);
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const oh = Number(digits.slice(0, 2));
  const om = Number(digits.slice(2) || '0');
  if (oh > 23 || om > 59) throw new InvalidInstantError(`"${text}" has an impossible offset`);
  return new Date(local - sign * (oh * 60 + om) * 60_000);
}
