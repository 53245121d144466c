// Verifying the audit trail: every stream's hash chain recomputed from its rows, page by page,
// under the audit key; each stream's last event checked against its head (kept apart from the
// rows, under a MAC); and every complaint checked to have a trail at all.
import type { Queryable } from '../../db/client.ts';
import { auditKey } from '../../db/audit-key.ts';
import {
  complaintsMissingHead,
  complaintsWithoutTrail,
  eventStreams,
  headsWithoutEvents,
  streamHead,
  streamPage,
} from '../../db/repositories/events.ts';
import {
  GENESIS,
  verifyHead,
  verifyStream,
  type ChainProblem,
  type StreamCursor,
} from '../../domain/audit/chain.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';

export interface VerifyResult {
  streams: number;
  events: number;
  /** Streams of version 1 rows only (written before heads were kept): checked link by link. */
  unanchored: number;
  broken: ChainProblem | null;
}

const PAGE = 5000;

const missing = (stream: string, problem: string): ChainProblem => ({
  id: 0,
  stream,
  streamSeq: 0,
  problem,
});

/** Recomputes the chain of one stream (a complaint reference) or of every stream. */
export async function verifyAudit(
  deps: { db: Queryable; now?: () => Date },
  _actor: Actor,
  input: { stream?: string } = {},
): Promise<VerifyResult> {
  const key = auditKey();
  const now = new Date(); // the real clock: rows are stamped by it (recorded_at)
  const streams = input.stream ? [input.stream] : await eventStreams(deps.db);
  let count = 0;
  let unanchored = 0;
  const result = (broken: ChainProblem | null): VerifyResult => ({
    streams: streams.length,
    events: count,
    unanchored,
    broken,
  });
  if (!input.stream) {
    const emptied = await headsWithoutEvents(deps.db);
    if (emptied[0]) return result(missing(emptied[0], 'every event of the stream was removed'));
    const bare = await complaintsWithoutTrail(deps.db);
    if (bare[0]) return result(missing(bare[0], 'the complaint has no audit trail at all'));
  }
  const headless = await complaintsMissingHead(deps.db, input.stream);
  if (headless[0]) {
    return result(missing(headless[0], 'the stream has no head (its anchor was removed)'));
  }
  for (const s of streams) {
    // Page through a stream so a long one never sits in memory whole.
    let from: StreamCursor = { prevHash: GENESIS, nextSeq: 1 };
    let last: { seq: number; hash: string } | null = null;
    for (;;) {
      const rows = await streamPage(deps.db, s, from.nextSeq, PAGE);
      if (rows.length === 0) break;
      const checked = verifyStream(rows, key, from, now);
      if (checked.broken) {
        count += rows.findIndex((r) => r.id === checked.broken!.id);
        return result(checked.broken);
      }
      count += rows.length;
      from = checked.cursor;
      const tail = rows[rows.length - 1]!;
      last = { seq: tail.streamSeq, hash: tail.hash };
    }
    const head = await streamHead(deps.db, s);
    if (!last) {
      if (head) return result(missing(s, 'every event of the stream was removed'));
      if (input.stream) return result(missing(s, 'the stream has no events'));
      continue;
    }
    const problem = verifyHead(head, { ...last, keyed: from.keyed === true }, key);
    if (problem) return result({ id: 0, stream: s, streamSeq: last.seq, problem });
    if (!head) unanchored++;
  }
  return result(null);
}
