// The audit trail as rows: append-only events, hash-chained per stream (a complaint's reference,
// or 'system'). Every change appends here, in the transaction that makes it.
import { dataDigest, eventHash, GENESIS, type StoredEvent } from '../../domain/audit/chain.ts';
import type { ComplaintState } from '../../domain/complaint/states.ts';
import type { Queryable } from '../client.ts';
import { jsonPart, runWrites, type WritePart } from '../write-parts.ts';

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

export interface StreamEvents {
  stream: string;
  complaintId: number | null;
  events: readonly NewEvent[];
}

export type ChainedRow = ReturnType<typeof chainEvent>;

/** The insert of chained event rows, as a write part (see write-parts.ts). */
export function eventsPart(rows: readonly ChainedRow[]): WritePart {
  return jsonPart(
    rows,
    (p) =>
      `insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public,
         data, data_digest, prev_hash, hash)
       select stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public, data,
         data_digest, prev_hash, hash
       from jsonb_to_recordset(${p}::jsonb) as e(stream text, stream_seq integer, complaint_id bigint,
         type text, actor_id text, actor_role text, at timestamptz, reason text, public boolean,
         data jsonb, data_digest text, prev_hash text, hash text)`,
  );
}

/**
 * Chains events onto the heads of their streams (`heads`: the streams' last sequence number and
 * hash; a stream not in it starts at GENESIS). Pure: the rows to insert.
 */
export function chainOnto(
  batches: readonly StreamEvents[],
  heads: ReadonlyMap<string, { seq: number; hash: string }>,
): ChainedRow[] {
  const head = new Map(heads);
  const rows: ChainedRow[] = [];
  for (const b of batches) {
    let { seq, hash: prev } = head.get(b.stream) ?? { seq: 0, hash: GENESIS };
    for (const e of b.events) {
      const row = chainEvent(b.stream, ++seq, b.complaintId, e, prev);
      rows.push(row);
      prev = row.hash;
    }
    head.set(b.stream, { seq, hash: prev });
  }
  return rows;
}

/**
 * Appends to several streams at once: one read of their heads, one insert. The caller holds
 * each stream's lock (a complaint's row `for update`; the system stream's advisory lock).
 */
export async function appendEventsToStreams(
  tx: Queryable,
  batches: readonly StreamEvents[],
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
  await runWrites(tx, [eventsPart(chainOnto(work, head))]);
}

/** Appends events to one stream (the caller holds its lock, see above). */
export async function appendEvents(
  tx: Queryable,
  stream: string,
  complaintId: number | null,
  events: readonly NewEvent[],
): Promise<void> {
  await appendEventsToStreams(tx, [{ stream, complaintId, events }]);
}

/** An event of the system stream (users, departments, policies, mailboxes, tokens). */
export async function appendSystemEvent(tx: Queryable, event: NewEvent): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('redress-system-stream'))");
  await appendEvents(tx, SYSTEM_STREAM, null, [event]);
}

/** The complaint's state-changing history, oldest first, for replaying its clocks. */
export async function timelineOf(
  q: Queryable,
  complaintId: number,
): Promise<{ type: string; at: Date; toState: ComplaintState }[]> {
  const r = await q.query<{ type: string; at: Date; to_state: ComplaintState | null }>(
    `select type, at, data->>'toState' as to_state from events where complaint_id = $1 order by stream_seq`,
    [complaintId],
  );
  // Events of the scheduler and the outbox change no state: they carry the last one forward.
  let state: ComplaintState = 'received';
  return r.rows.map((e) => {
    state = e.to_state ?? state;
    return { type: e.type, at: e.at, toState: state };
  });
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

/** Every stream that has events, in order. */
export async function eventStreams(q: Queryable): Promise<string[]> {
  const r = await q.query<{ stream: string }>('select distinct stream from events order by stream');
  return r.rows.map((row) => row.stream);
}

/** Up to `limit` events of a stream from sequence number `fromSeq` on, in order. */
export async function streamPage(
  q: Queryable,
  stream: string,
  fromSeq: number,
  limit: number,
): Promise<StoredEvent[]> {
  const r = await q.query<EventRow>(
    'select * from events where stream = $1 and stream_seq >= $2 order by stream_seq limit $3',
    [stream, fromSeq, limit],
  );
  return r.rows.map(toStored);
}
