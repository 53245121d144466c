// The audit trail as rows: append-only events, hash-chained per stream (a complaint's reference,
// or 'system'). Every change appends here, in the transaction that makes it.
import {
  dataDigest,
  eventHash,
  GENESIS,
  headMac,
  type StoredEvent,
  type StreamHead,
} from '../../domain/audit/chain.ts';
import { auditKey } from '../audit-key.ts';
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
  recordedAt: Date,
  key: Buffer = auditKey(),
) {
  const chained = {
    stream,
    streamSeq: seq,
    complaintId,
    hashVersion: 2 as const,
    recordedAt,
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
    hash: eventHash({ ...chained, dataDigest: digest }, prevHash, key),
    hash_version: 2,
    recorded_at: recordedAt,
  };
}

export interface StreamEvents {
  stream: string;
  complaintId: number | null;
  events: readonly NewEvent[];
}

export type ChainedRow = ReturnType<typeof chainEvent>;

/**
 * The insert of chained event rows and the move of their streams' heads, as write parts (see
 * write-parts.ts): the two always go together, so no stream is left without its anchor.
 */
export function eventWriteParts(
  rows: readonly ChainedRow[],
  key: Buffer = auditKey(),
): WritePart[] {
  const last = new Map<string, ChainedRow>();
  for (const r of rows) {
    const prev = last.get(r.stream);
    if (!prev || r.stream_seq > prev.stream_seq) last.set(r.stream, r);
  }
  const heads = [...last.values()].map((r) => {
    const head: StreamHead = {
      stream: r.stream,
      complaintId: r.complaint_id,
      seq: r.stream_seq,
      hash: r.hash,
      at: r.recorded_at,
    };
    return { ...head, complaint_id: r.complaint_id, mac: headMac(head, key) };
  });
  return [
    jsonPart(
      rows,
      (p) =>
        `insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason,
           public, data, data_digest, prev_hash, hash, hash_version, recorded_at)
         select stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public, data,
           data_digest, prev_hash, hash, hash_version, recorded_at
         from jsonb_to_recordset(${p}::jsonb) as e(stream text, stream_seq integer, complaint_id bigint,
           type text, actor_id text, actor_role text, at timestamptz, reason text, public boolean,
           data jsonb, data_digest text, prev_hash text, hash text, hash_version smallint,
           recorded_at timestamptz)
         order by stream, stream_seq`,
    ),
    jsonPart(
      heads,
      (p) =>
        `insert into audit_heads as h (stream, complaint_id, seq, hash, at, mac)
         select stream, complaint_id, seq, hash, at, mac
         from jsonb_to_recordset(${p}::jsonb) as r(stream text, complaint_id bigint, seq integer,
           hash text, at timestamptz, mac text)
         on conflict (stream) do update set seq = excluded.seq, hash = excluded.hash,
           at = excluded.at, mac = excluded.mac, complaint_id = excluded.complaint_id`,
    ),
  ];
}

/**
 * Chains events onto the heads of their streams (`heads`: the streams' last sequence number and
 * hash; a stream not in it starts at GENESIS). Pure: the rows to insert.
 */
export function chainOnto(
  batches: readonly StreamEvents[],
  heads: ReadonlyMap<string, { seq: number; hash: string }>,
  recordedAt: Date = new Date(),
  key: Buffer = auditKey(),
): ChainedRow[] {
  const head = new Map(heads);
  const rows: ChainedRow[] = [];
  for (const b of batches) {
    let { seq, hash: prev } = head.get(b.stream) ?? { seq: 0, hash: GENESIS };
    for (const e of b.events) {
      const row = chainEvent(b.stream, ++seq, b.complaintId, e, prev, recordedAt, key);
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
      : // Each stream's last event by its own descent of (stream, stream_seq): a batch of a
        // thousand streams (the retention sweep's) reads a thousand rows, never their whole
        // histories sorted.
        `select h.stream, h.stream_seq, h.hash from unnest($1::text[]) as s(stream)
         cross join lateral (select e.stream, e.stream_seq, e.hash from events e
           where e.stream = s.stream order by e.stream_seq desc limit 1) h`,
    [streams.length === 1 ? streams[0] : streams],
  );
  const head = new Map(heads.rows.map((h) => [h.stream, { seq: h.stream_seq, hash: h.hash }]));
  await runWrites(tx, eventWriteParts(chainOnto(work, head)));
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
  complaint_id: number | string | null;
  hash_version: number;
  recorded_at: Date | null;
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
  id: Number(r.id),
  stream: r.stream,
  streamSeq: r.stream_seq,
  complaintId: r.complaint_id === null ? null : Number(r.complaint_id),
  hashVersion: r.hash_version === 2 ? 2 : 1,
  recordedAt: r.recorded_at,
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

/** A stream's head as stored (see audit_heads), or null. */
export async function streamHead(
  q: Queryable,
  stream: string,
): Promise<(StreamHead & { mac: string }) | null> {
  const r = await q.query<{
    stream: string;
    complaint_id: number | string | null;
    seq: number;
    hash: string;
    at: Date;
    mac: string;
  }>('select * from audit_heads where stream = $1', [stream]);
  const h = r.rows[0];
  if (!h) return null;
  const complaintId = h.complaint_id === null ? null : Number(h.complaint_id);
  return { stream: h.stream, complaintId, seq: h.seq, hash: h.hash, at: h.at, mac: h.mac };
}

/** Streams that have a head but no events left (every event of the stream removed). */
export async function headsWithoutEvents(q: Queryable): Promise<string[]> {
  const r = await q.query<{ stream: string }>(
    `select h.stream from audit_heads h
     where not exists (select 1 from events e where e.stream = h.stream) order by h.stream`,
  );
  return r.rows.map((x) => x.stream);
}

/** Complaints with no audit trail at all (neither events nor head). */
export async function complaintsWithoutTrail(q: Queryable): Promise<string[]> {
  const r = await q.query<{ reference: string }>(
    `select c.reference from complaints c
     where not exists (select 1 from events e where e.stream = c.reference)
       and not exists (select 1 from audit_heads h where h.stream = c.reference)
     order by c.reference`,
  );
  return r.rows.map((x) => x.reference);
}

/** Complaints registered since heads were kept (migration 0007) whose stream has no head. */
export async function complaintsMissingHead(q: Queryable, reference?: string): Promise<string[]> {
  const r = await q.query<{ reference: string }>(
    `select c.reference from complaints c join schema_migrations m on m.name = '0007_doors'
     where c.created_at > m.applied_at and ($1::text is null or c.reference = $1)
       and not exists (select 1 from audit_heads h where h.stream = c.reference)
     order by c.reference`,
    [reference ?? null],
  );
  return r.rows.map((x) => x.reference);
}
