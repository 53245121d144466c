// The audit trail's events as auditors read them, as JSON and as CSV rows.
import { z } from 'zod';
import type { AuditEventRecord } from '../../db/queries/audit-trail.ts';
import type { VerifyResult } from '../../app/audit/verify-audit.ts';

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    stream: z.string().describe("a complaint's reference, or 'system'"),
    seq: z.number().int().describe('the position in its stream'),
    type: z.string(),
    actor: z.object({
      id: z.string(),
      role: z.string(),
      name: z.string().nullable().describe('when the actor is a staff account'),
    }),
    at: z.string(),
    reason: z.string().nullable(),
    data: z.unknown().describe('before/after and details; erased personal data is redacted'),
    redacted: z.boolean(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const auditPageSchema = z
  .object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });

export const auditExportSchema = z
  .object({
    items: z.array(auditEventSchema),
    truncated: z.boolean().describe('more events matched than an export holds'),
  })
  .meta({ id: 'AuditExport' });

export const auditVerificationSchema = z
  .object({
    intact: z.boolean(),
    streams: z.number().int(),
    events: z.number().int().describe('how many events were checked'),
    broken: z
      .object({
        id: z.number().int(),
        stream: z.string(),
        seq: z.number().int(),
        problem: z.string(),
      })
      .nullable()
      .describe('the first broken link'),
    verifiedAt: z.string(),
  })
  .meta({ id: 'AuditVerification' });

export function presentAuditEvent(e: AuditEventRecord): z.infer<typeof auditEventSchema> {
  return {
    id: e.id,
    stream: e.stream,
    seq: e.stream_seq,
    type: e.type,
    actor: { id: e.actor_id, role: e.actor_role, name: e.actor_name },
    at: e.at.toISOString(),
    reason: e.reason,
    data: e.data,
    redacted: e.redacted_at !== null,
    hash: e.hash,
  };
}

export function presentVerification(
  r: VerifyResult,
  at: Date,
): z.infer<typeof auditVerificationSchema> {
  return {
    intact: r.broken === null,
    streams: r.streams,
    events: r.events,
    broken: r.broken
      ? {
          id: r.broken.id,
          stream: r.broken.stream,
          seq: r.broken.streamSeq,
          problem: r.broken.problem,
        }
      : null,
    verifiedAt: at.toISOString(),
  };
}

const CSV_COLUMNS = [
  'id',
  'stream',
  'seq',
  'type',
  'actor_id',
  'actor_role',
  'actor_name',
  'at',
  'reason',
  'data',
  'redacted',
  'hash',
];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A cell that a spreadsheet would run as a formula is quoted and prefixed (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The events as CSV (RFC 4180, CRLF), one row per event, data as JSON. */
export function auditCsv(events: readonly AuditEventRecord[]): string {
  const rows = events.map((e) => {
    const p = presentAuditEvent(e);
    return [
      p.id,
      p.stream,
      p.seq,
      p.type,
      p.actor.id,
      p.actor.role,
      p.actor.name,
      p.at,
      p.reason,
      p.data,
      p.redacted,
      p.hash,
    ]
      .map(csvCell)
      .join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
