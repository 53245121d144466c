// The mailboxes Redress takes complaints from: an IMAP folder it reads, or an SMTP listener that
// other mail servers deliver to. The IMAP password is kept only sealed (src/app/mailboxes/
// mailbox-password.ts seals and opens it; this layer stores what it is given and never sees it
// in clear); the legacy column `password` (in clear, before migration 0019) is only read to be
// sealed at start and emptied.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../client.ts';

export interface Mailbox {
  id: string;
  name: string;
  kind: 'imap' | 'smtp';
  host: string | null;
  port: number | null;
  secure: boolean;
  username: string | null;
  /** The IMAP password sealed (src/app/mailboxes/mailbox-password.ts); null: none stored. */
  passwordSealed: string | null;
  folder: string;
  listenHost: string;
  listenPort: number | null;
  pollSeconds: number;
  policyId: string;
  address: string;
  active: boolean;
  /** The receiving hosts (authserv-ids) whose Authentication-Results this mailbox believes. */
  trustedAuthservIds: string[];
  createdAt: Date;
}

interface MailboxRow {
  id: string;
  name: string;
  kind: 'imap' | 'smtp';
  host: string | null;
  port: number | null;
  secure: boolean;
  username: string | null;
  password_sealed: string | null;
  folder: string;
  listen_host: string;
  listen_port: number | null;
  poll_seconds: number;
  policy_id: string;
  address: string;
  active: boolean;
  trusted_authserv_ids: string[] | null;
  created_at: Date | string;
}

function fromRow(r: MailboxRow): Mailbox {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    host: r.host,
    port: r.port === null ? null : Number(r.port),
    secure: r.secure,
    username: r.username,
    passwordSealed: r.password_sealed,
    folder: r.folder,
    listenHost: r.listen_host,
    listenPort: r.listen_port === null ? null : Number(r.listen_port),
    pollSeconds: Number(r.poll_seconds),
    policyId: r.policy_id,
    address: r.address.toLowerCase(),
    active: r.active,
    trustedAuthservIds: r.trusted_authserv_ids ?? [],
    createdAt: new Date(r.created_at),
  };
}

export type NewMailbox = Omit<
  Mailbox,
  'id' | 'createdAt' | 'active' | 'listenHost' | 'pollSeconds' | 'trustedAuthservIds'
> &
  Partial<Pick<Mailbox, 'id' | 'active' | 'listenHost' | 'pollSeconds' | 'trustedAuthservIds'>>;

export async function addMailbox(q: Queryable, m: NewMailbox): Promise<Mailbox> {
  const r = await q.query<MailboxRow>(
    `insert into mailboxes (id, name, kind, host, port, secure, username, password_sealed, folder, listen_host,
       listen_port, poll_seconds, policy_id, address, active, trusted_authserv_ids)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::text[]) returning *`,
    [
      m.id ?? randomUUID(),
      m.name,
      m.kind,
      m.host,
      m.port,
      m.secure,
      m.username,
      m.passwordSealed,
      m.folder,
      m.listenHost ?? '127.0.0.1',
      m.listenPort,
      m.pollSeconds ?? 60,
      m.policyId,
      m.address.toLowerCase(),
      m.active ?? true,
      (m.trustedAuthservIds ?? []).map((id) => id.trim().toLowerCase()).filter(Boolean),
    ],
  );
  return fromRow(r.rows[0]!);
}

export async function listMailboxes(
  q: Queryable,
  opts: { activeOnly?: boolean } = {},
): Promise<Mailbox[]> {
  const r = await q.query<MailboxRow>(
    `select * from mailboxes ${opts.activeOnly ? 'where active' : ''} order by name`,
  );
  return r.rows.map(fromRow);
}

export async function setMailboxActive(
  q: Queryable,
  name: string,
  active: boolean,
): Promise<boolean> {
  const r = await q.query('update mailboxes set active = $2 where name = $1', [name, active]);
  return r.rowCount > 0;
}

export async function findMailboxById(q: Queryable, id: string): Promise<Mailbox | null> {
  const r = await q.query<MailboxRow>('select * from mailboxes where id = $1', [id]);
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

/** Stores a mailbox's new sealed password (the legacy clear one, if any, is dropped). */
export async function setMailboxPasswordSealed(
  q: Queryable,
  id: string,
  sealed: string,
): Promise<boolean> {
  const r = await q.query(
    'update mailboxes set password_sealed = $2, password = null where id = $1',
    [id, sealed],
  );
  return r.rowCount > 0;
}

/** A mailbox whose password is still in the legacy clear column, with what its seal is bound to. */
export interface ClearPassword {
  id: string;
  host: string | null;
  port: number | null;
  username: string | null;
  password: string;
}

/** The rows whose password is still in clear, locked until the transaction ends (so a second
 *  process sealing at the same time waits, then finds them sealed). */
export async function lockClearPasswords(q: Queryable): Promise<ClearPassword[]> {
  const r = await q.query<ClearPassword>(
    `select id, host, port, username, password from mailboxes
     where password is not null order by id for update`,
  );
  return r.rows.map((row) => ({ ...row, port: row.port === null ? null : Number(row.port) }));
}

/** Replaces a row's clear password by its sealed form (only if it is still in clear). */
export async function replaceClearPassword(
  q: Queryable,
  id: string,
  sealed: string,
): Promise<boolean> {
  const r = await q.query(
    `update mailboxes set password_sealed = $2, password = null
     where id = $1 and password is not null`,
    [id, sealed],
  );
  return r.rowCount > 0;
}
