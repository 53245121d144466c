// Versions of the message templates administrators have edited, per policy, kind and language.
import type { Queryable } from '../client.ts';

export interface MessageTemplateRow {
  policy_id: string;
  kind: string;
  language: string;
  version: number;
  subject: string;
  body: string;
  created_by: string | null;
  created_at: Date;
}

export async function latestMessageTemplate(
  db: Queryable,
  policyId: string,
  kind: string,
  language: string,
): Promise<MessageTemplateRow | null> {
  const r = await db.query<MessageTemplateRow>(
    `select * from message_templates where policy_id = $1 and kind = $2 and language = $3
     order by version desc limit 1`,
    [policyId, kind, language],
  );
  return r.rows[0] ?? null;
}

/** Every version, newest first. */
export async function messageTemplateHistory(
  db: Queryable,
  policyId: string,
  kind: string,
  language: string,
): Promise<MessageTemplateRow[]> {
  const r = await db.query<MessageTemplateRow>(
    `select * from message_templates where policy_id = $1 and kind = $2 and language = $3
     order by version desc`,
    [policyId, kind, language],
  );
  return r.rows;
}

/** The latest version of every edited template of a policy. */
export async function latestMessageTemplates(
  db: Queryable,
  policyId: string,
): Promise<MessageTemplateRow[]> {
  const r = await db.query<MessageTemplateRow>(
    `select distinct on (kind, language) * from message_templates where policy_id = $1
     order by kind, language, version desc`,
    [policyId],
  );
  return r.rows;
}

/** Adds the next version; the caller runs it in a transaction. Versions are numbered under an
 *  advisory lock per template, so two administrators saving at once get 1 and 2, not a clash. */
export async function insertMessageTemplateVersion(
  tx: Queryable,
  t: {
    policyId: string;
    kind: string;
    language: string;
    subject: string;
    body: string;
    createdBy: string | null;
    at: Date;
  },
): Promise<MessageTemplateRow> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [
    `message_templates:${t.policyId}:${t.kind}:${t.language}`,
  ]);
  const r = await tx.query<MessageTemplateRow>(
    `insert into message_templates (policy_id, kind, language, version, subject, body, created_by, created_at)
     select $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6, $7
       from message_templates where policy_id = $1 and kind = $2 and language = $3
     returning *`,
    [t.policyId, t.kind, t.language, t.subject, t.body, t.createdBy, t.at],
  );
  return r.rows[0]!;
}
