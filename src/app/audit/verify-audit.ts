// Verifying the audit trail: every stream's hash chain recomputed from its rows, page by page.
import type { Queryable } from '../../db/client.ts';
import { eventStreams, streamPage } from '../../db/repositories/events.ts';
import { GENESIS, verifyStream, type ChainProblem } from '../../domain/audit/chain.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';

export interface VerifyResult {
  streams: number;
  events: number;
  broken: ChainProblem | null;
}

const PAGE = 5000;

/** Recomputes the chain of one stream (a complaint reference) or of every stream. */
export async function verifyAudit(
  deps: { db: Queryable },
  _actor: Actor,
  input: { stream?: string } = {},
): Promise<VerifyResult> {
  const streams = input.stream ? [input.stream] : await eventStreams(deps.db);
  let count = 0;
  for (const s of streams) {
    // Page through a stream so a long one never sits in memory whole.
    let from = { prevHash: GENESIS, nextSeq: 1 };
    for (;;) {
      const rows = await streamPage(deps.db, s, from.nextSeq, PAGE);
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
