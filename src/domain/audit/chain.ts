// The audit trail's hash chain: each event's hash covers its content and the previous event's
// hash in the same stream, so changing, removing or reordering a row breaks every later link.
// The event's data enters the hash through its digest, so personal data can later be erased
// from a row (marked redacted) without breaking the chain.
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);
/** What an event's data becomes when personal data is erased from it. */
export const REDACTED_DATA = '{"redacted":true}';

export interface ChainedEvent {
  stream: string;
  streamSeq: number;
  type: string;
  actorId: string;
  actorRole: string;
  at: Date;
  reason: string | null;
  public: boolean;
  data: unknown;
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

export function eventHash(e: ChainedEvent & { dataDigest: string }, prevHash: string): string {
  const content = canonicalJson({
    stream: e.stream,
    seq: e.streamSeq,
    type: e.type,
    actorId: e.actorId,
    actorRole: e.actorRole,
    at: e.at.toISOString(),
    reason: e.reason,
    public: e.public,
    data: e.dataDigest,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export interface StoredEvent extends ChainedEvent {
  id: number;
  dataDigest: string;
  redacted: boolean;
  prevHash: string;
  hash: string;
}

export type ChainProblem = { id: number; stream: string; streamSeq: number; problem: string };

/** Checks one stream's events (in stream order) from a known point (by default the start);
 *  returns the first broken link, if any. */
export function verifyStream(
  events: readonly StoredEvent[],
  from: { prevHash: string; nextSeq: number } = { prevHash: GENESIS, nextSeq: 1 },
): ChainProblem | null {
  let prev = from.prevHash;
  let expectedSeq = from.nextSeq;
  for (const e of events) {
    const where = { id: e.id, stream: e.stream, streamSeq: e.streamSeq };
    if (e.streamSeq !== expectedSeq) {
      return {
        ...where,
        problem: `expected event #${expectedSeq} of the stream, found #${e.streamSeq} (a row is missing)`,
      };
    }
    if (e.prevHash !== prev)
      return {
        ...where,
        problem: 'its link to the previous event does not match (rows removed or reordered)',
      };
    if (eventHash(e, prev) !== e.hash)
      return { ...where, problem: 'its content does not match its hash (the row was changed)' };
    if (e.redacted) {
      // An erased row keeps its digest and holds nothing but the marker.
      if (canonicalJson(e.data) !== REDACTED_DATA) {
        return {
          ...where,
          problem: 'it is marked erased but still holds data (the data was changed)',
        };
      }
    } else if (dataDigest(e.data) !== e.dataDigest) {
      return { ...where, problem: 'its data does not match its digest (the data was changed)' };
    }
    prev = e.hash;
    expectedSeq++;
  }
  return null;
}
