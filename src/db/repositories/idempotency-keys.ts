// Answers stored under an Idempotency-Key (per actor), so a repeated request gets the same answer.
import type { Queryable } from '../client.ts';
import { jsonPart, type WritePart } from '../write-parts.ts';

export interface StoredAnswer<T> {
  requestHash: string;
  body: T;
}

export async function findStoredAnswer<T>(
  q: Queryable,
  actorId: string,
  key: string,
): Promise<StoredAnswer<T> | null> {
  const r = await q.query<{ request_hash: string; response_body: T }>(
    'select request_hash, response_body from idempotency_keys where actor_id = $1 and key = $2',
    [actorId, key],
  );
  const row = r.rows[0];
  return row ? { requestHash: row.request_hash, body: row.response_body } : null;
}

/** Answers (status 201) to store in the statement that made them; a key used twice fails it. */
export function storedAnswersPart(
  answers: readonly { actorId: string; key: string; requestHash: string; body: unknown }[],
): WritePart {
  return jsonPart(
    answers.map((a) => ({
      actor_id: a.actorId,
      key: a.key,
      request_hash: a.requestHash,
      body: a.body,
    })),
    (p) =>
      `insert into idempotency_keys (actor_id, key, request_hash, response_status, response_body)
       select actor_id, key, request_hash, 201, body
       from jsonb_to_recordset(${p}::jsonb) as r(actor_id text, key text, request_hash text, body jsonb)`,
  );
}
