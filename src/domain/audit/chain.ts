// The audit trail's hash chain: each event's hash covers its content and the previous event's
// hash in the same stream, so changing, removing or reordering a row breaks every later link.
// The event's data enters the hash through its digest, so personal data can later be erased
// from a row (marked redacted) without breaking the chain.
//
// Version 2 (migration 0007) makes the chain hold against someone who can write the database:
// the hash is keyed (HMAC-SHA256 under the server's audit key, which the database never holds),
// it covers the complaint the event belongs to and the time the row was written, and each
// stream's head (its last event) is kept apart from the rows under a MAC of its own. Rows of
// version 1 (plain SHA-256, written before 0007) still verify as they are.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS = '0'.repeat(64);
/** What an event's data becomes when personal data is erased from it. */
export const REDACTED_DATA = '{"redacted":true}';
/** How far apart the clocks of two processes writing one stream may be. */
export const RECORDED_AT_TOLERANCE_MS = 60_000;

export interface ChainedEvent {
  stream: string;
  streamSeq: number;
  complaintId: number | null;
  type: string;
  actorId: string;
  actorRole: string;
  at: Date;
  reason: string | null;
  public: boolean;
  data: unknown;
  /** When the row was written (version 2; null on version 1 rows). */
  recordedAt: Date | null;
  hashVersion: 1 | 2;
}

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function dataDigest(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

export function eventHash(
  e: ChainedEvent & { dataDigest: string },
  prevHash: string,
  key: Buffer,
): string {
  const common = {
    stream: e.stream,
    seq: e.streamSeq,
    type: e.type,
    actorId: e.actorId,
    actorRole: e.actorRole,
    at: e.at.toISOString(),
    reason: e.reason,
    public: e.public,
    data: e.dataDigest,
  };
  if (e.hashVersion === 1) {
    return createHash('sha256')
      .update(prevHash)
      .update('\n')
      .update(canonicalJson(common))
      .digest('hex');
  }
  const content = canonicalJson({
    ...common,
    v: 2,
    complaintId: e.complaintId,
    recordedAt: e.recordedAt?.toISOString() ?? null,
  });
  return createHmac('sha256', key).update(prevHash).update('\n').update(content).digest('hex');
}

/** A stream's head: its last event, kept apart from the rows. */
export interface StreamHead {
  stream: string;
  complaintId: number | null;
  seq: number;
  hash: string;
  at: Date;
}

export function headMac(h: StreamHead, key: Buffer): string {
  return createHmac('sha256', key)
    .update(
      canonicalJson({
        head: h.stream,
        complaintId: h.complaintId,
        seq: h.seq,
        hash: h.hash,
        at: h.at.toISOString(),
      }),
    )
    .digest('hex');
}

export interface StoredEvent extends ChainedEvent {
  id: number;
  dataDigest: string;
  redacted: boolean;
  prevHash: string;
  hash: string;
}

export type ChainProblem = { id: number; stream: string; streamSeq: number; problem: string };

/** Where verification of a stream stands between pages. */
export interface StreamCursor {
  prevHash: string;
  nextSeq: number;
  complaintId?: number | null | undefined;
  lastId?: number | undefined;
  lastRecordedAt?: Date | null | undefined;
  keyed?: boolean | undefined;
}

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Checks one stream's events (in stream order) from a known point (by default the start);
 *  returns the first broken link, if any, and the cursor to go on from. */
export function verifyStream(
  events: readonly StoredEvent[],
  key: Buffer,
  from: StreamCursor = { prevHash: GENESIS, nextSeq: 1 },
  now: Date = new Date(),
): { broken: ChainProblem | null; cursor: StreamCursor } {
  const c: StreamCursor = { ...from };
  const fail = (e: StoredEvent, problem: string) => ({
    broken: { id: e.id, stream: e.stream, streamSeq: e.streamSeq, problem },
    cursor: c,
  });
  for (const e of events) {
    if (e.streamSeq !== c.nextSeq) {
      return fail(
        e,
        `expected event #${c.nextSeq} of the stream, found #${e.streamSeq} (a row is missing)`,
      );
    }
    if (e.prevHash !== c.prevHash)
      return fail(e, 'its link to the previous event does not match (rows removed or reordered)');
    if (c.complaintId !== undefined && e.complaintId !== c.complaintId)
      return fail(e, 'it belongs to another complaint than the stream (an event was moved)');
    if (c.lastId !== undefined && e.id <= c.lastId)
      return fail(e, 'it was stored before the event it follows (rows reordered)');
    if (e.hashVersion === 1 && c.keyed)
      return fail(e, 'an unkeyed (version 1) event follows keyed ones (the chain was rewritten)');
    if (!sameHex(eventHash(e, c.prevHash, key), e.hash))
      return fail(e, 'its content does not match its hash (the row was changed or re-hashed)');
    if (e.hashVersion === 2) {
      const at = e.recordedAt?.getTime() ?? NaN;
      if (Number.isNaN(at) || at > now.getTime() + RECORDED_AT_TOLERANCE_MS)
        return fail(e, 'it was recorded in the future (a forged time)');
      const last = c.lastRecordedAt?.getTime();
      if (last !== undefined && at < last - RECORDED_AT_TOLERANCE_MS)
        return fail(e, 'it was recorded before the event it follows (a back-dated event)');
    }
    if (e.redacted) {
      // An erased row keeps its digest and holds nothing but the marker.
      if (canonicalJson(e.data) !== REDACTED_DATA)
        return fail(e, 'it is marked erased but still holds data (the data was changed)');
    } else if (dataDigest(e.data) !== e.dataDigest) {
      return fail(e, 'its data does not match its digest (the data was changed)');
    }
    c.prevHash = e.hash;
    c.nextSeq++;
    c.complaintId = e.complaintId;
    c.lastId = e.id;
    if (e.hashVersion === 2) {
      c.keyed = true;
      c.lastRecordedAt = e.recordedAt;
    }
  }
  return { broken: null, cursor: c };
}

/** Checks a stream's last event against its head, and the head's MAC. */
export function verifyHead(
  head: (StreamHead & { mac: string }) | null,
  last: { seq: number; hash: string; keyed: boolean },
  key: Buffer,
): string | null {
  if (!head) {
    return last.keyed ? 'the stream has no head (its anchor was removed)' : null; // a stream of version 1 rows only, written before heads were kept
  }
  if (!sameHex(headMac(head, key), head.mac))
    return 'its head does not match its MAC (the anchor was forged)';
  if (head.seq !== last.seq || head.hash !== last.hash) {
    return head.seq > last.seq
      ? `the stream ends at event #${last.seq} but its head is #${head.seq} (events were removed)`
      : `the stream goes on past its head #${head.seq} (events were added outside Redress)`;
  }
  return null;
}
