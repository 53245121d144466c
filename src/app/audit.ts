// Appending to and verifying the audit trail. Callers append inside the transaction that makes
// the change, so a change and its event are committed together or not at all.
import type { Queryable } from '../db/client.ts';
import {
  dataDigest,
  eventHash,
  GENESIS,
  verifyStream,
  type ChainProblem,
  type StoredEvent,
} from '../domain/audit/chain.ts';

export const SYSTEM_STREAM = 'system';

export interface NewEvent {
  type: string;
  actor: { id: string; role: string };
  at: Date;
  reason?: string | null;
  public?: boolean;
  data?: Record<string, unknown>;
}

/** An event as its row: numbered in its stream, its data digested, linked to `prevHash`. */
export function chainEvent(
  stream: string,
  seq: number,
  complaintId: number | null,
  e: NewEvent,
  prevHash: string,
) {
  const chained = {
    stream,
    streamSeq: seq,
    type: e.type,
    actorId: e.actor.id,
    actorRole: e.actor.role,
    at: e.at,
    reason: e.reason ?? null,
    public: e.public ?? false,
    data: JSON.parse(JSON.stringify(e.data ?? {})) as unknown,
  };
  const digest = dataDigest(chained.data);
  return {
    stream,
    stream_seq: seq,
    complaint_id: complaintId,
    type: e.type,
    actor_id: e.actor.id,
    actor_role: e.actor.role,
    at: e.at,
    reason: chained.reason,
    public: chained.public,
    data: chained.data,
    data_digest: digest,
    prev_hash: prevHash,
    hash: eventHash({ ...chained, dataDigest: digest }, prevHash),
  };
}

/**
 * Appends events to a stream. The caller must hold the stream's lock: for a complaint, its row
 * locked `for update`; appendSystemEvent takes an advisory lock itself.
 */
export async function appendEvents(
  tx: Queryable,
  stream: string,
  complaintId: number | null,
  events: readonly NewEvent[],
): Promise<void> {
  await appendEventsToStreams(tx, [{ stream, complaintId, events }]);
}

/** Appends to several streams at once: one read of their heads, one insert per 1,000 rows. */
export async function appendEventsToStreams(
  tx: Queryable,
  batches: readonly { stream: string; complaintId: number | null; events: readonly NewEvent[] }[],
): Promise<void> {
  const work = batches.filter((b) => b.events.length > 0);
  if (work.length === 0) return;
  const streams = [...new Set(work.map((b) => b.stream))];
  const heads = await tx.query<{ stream: string; stream_seq: number; hash: string }>(
    streams.length === 1
      ? 'select stream, stream_seq, hash from events where stream = $1 order by stream_seq desc limit 1'
      : `select distinct on (stream) stream, stream_seq, hash from events
         where stream = any($1::text[]) order by stream, stream_seq desc`,
    [streams.length === 1 ? streams[0] : streams],
  );
  const head = new Map(heads.rows.map((h) => [h.stream, { seq: h.stream_seq, hash: h.hash }]));
  const rows: unknown[][] = [];
  for (const b of work) {
    let { seq, hash: prev } = head.get(b.stream) ?? { seq: 0, hash: GENESIS };
    for (const e of b.events) {
      const row = chainEvent(b.stream, ++seq, b.complaintId, e, prev);
      rows.push([
        row.stream,
        row.stream_seq,
        row.complaint_id,
        row.type,
        row.actor_id,
        row.actor_role,
        row.at,
        row.reason,
        row.public,
        JSON.stringify(row.data),
        row.data_digest,
        row.prev_hash,
        row.hash,
      ]);
      prev = row.hash;
    }
    head.set(b.stream, { seq, hash: prev });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = chunk.flat();
    const tuples = chunk.map(
      (_, r) => `(${Array.from({ length: 13 }, (_, c) => `$${r * 13 + c + 1}`).join(', ')})`,
    );
    await tx.query(
      `insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public, data, data_digest, prev_hash, hash)
       values ${tuples.join(', ')}`,
      values,
    );
  }
}

export async function appendSystemEvent(tx: Queryable, event: NewEvent): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('redress-system-stream'))");
  await appendEvents(tx, SYSTEM_STREAM, null, [event]);
}

interface EventRow {
  id: number;
  stream: string;
  stream_seq: number;
  type: string;
  actor_id: string;
  actor_role: string;
  at: Date;
  reason: string | null;
  public: boolean;
  data: unknown;
  data_digest: string;
  redacted_at: Date | null;
  prev_hash: string;
  hash: string;
}

const toStored = (r: EventRow): StoredEvent => ({
  id: r.id,
  stream: r.stream,
  streamSeq: r.stream_seq,
  type: r.type,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  at: r.at,
  reason: r.reason,
  public: r.public,
  data: r.data,
  dataDigest: r.data_digest,
  redacted: r.redacted_at !== null,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export interface VerifyResult {
  streams: number;
  events: number;
  broken: ChainProblem | null;
}

/** Recomputes the chain of one stream (a complaint reference) or of every stream. */
export async function verifyAudit(db: Queryable, stream?: string): Promise<VerifyResult> {
  const streams = stream
    ? [stream]
    : (
        await db.query<{ stream: string }>('select distinct stream from events order by stream')
      ).rows.map((r) => r.stream);
  let count = 0;
  for (const s of streams) {
    // Page through a stream so a long one never sits in memory whole.
    let from = { prevHash: GENESIS, nextSeq: 1 };
    for (;;) {
      const rows = (
        await db.query<EventRow>(
          'select * from events where stream = $1 and stream_seq >= $2 order by stream_seq limit 5000',
          [s, from.nextSeq],
        )
      ).rows.map(toStored);
      if (rows.length === 0) break;
      const broken = verifyStream(rows, from);
      if (broken) return { streams: streams.length, events: count + rows.length, broken };
      count += rows.length;
      const tail = rows[rows.length - 1]!;
      from = { prevHash: tail.hash, nextSeq: tail.streamSeq + 1 };
    }
  }
  return { streams: streams.length, events: count, broken: null };
}
