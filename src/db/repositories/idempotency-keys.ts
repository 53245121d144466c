// Answers stored under an Idempotency-Key (per actor), so a repeated request gets the same answer.
import type { Queryable } from '../client.ts';

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

/** Stores answers (status 201) in the transaction that made them; a key used twice fails it. */
export async function insertStoredAnswers(
  tx: Queryable,
  answers: readonly { actorId: string; key: string; requestHash: string; body: unknown }[],
): Promise<void> {
  if (answers.length === 0) return;
  await tx.query(
    `insert into idempotency_keys (actor_id, key, request_hash, response_status, response_body)
     select actor_id, key, request_hash, 201, body
     from jsonb_to_recordset($1::jsonb) as r(actor_id text, key text, request_hash text, body jsonb)`,
    [
      JSON.stringify(
        answers.map((a) => ({
          actor_id: a.actorId,
          key: a.key,
          request_hash: a.requestHash,
          body: a.body,
        })),
      ),
    ],
  );
}
