// Tests a mailbox's connection for real: a stored mailbox by its id (with its stored password,
// opened here — MAILBOX.CREDENTIALS_UNREADABLE when this server's secret cannot open it), or
// settings not saved yet (the form's "Test the connection" before "Add"). Changes nothing.
import type { Queryable } from '../../db/client.ts';
import { findMailboxById } from '../../db/repositories/mailboxes.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import {
  testImapConnection,
  testSmtpListener,
  type ConnectionTest,
} from '../../mail/inbound/test-connection.ts';
import { AppError } from '../errors.ts';
import { openMailboxPassword } from './mailbox-password.ts';

export type ConnectionSettings =
  | {
      kind: 'imap';
      host: string;
      port: number;
      secure: boolean;
      username: string;
      password: string;
      folder: string;
    }
  | { kind: 'smtp'; listenHost: string; listenPort: number };

export async function testMailboxConnection(
  deps: { db: Queryable },
  _actor: Actor,
  input: { id: string } | ConnectionSettings,
): Promise<ConnectionTest> {
  let s: ConnectionSettings;
  if ('id' in input) {
    const m = await findMailboxById(deps.db, input.id);
    if (!m) throw new AppError('MAILBOX.NOT_FOUND', `no mailbox with id ${input.id}`);
    s =
      m.kind === 'imap'
        ? {
            kind: 'imap',
            host: m.host!,
            port: m.port!,
            secure: m.secure,
            username: m.username!,
            password: openMailboxPassword(m),
            folder: m.folder,
          }
        : { kind: 'smtp', listenHost: m.listenHost, listenPort: m.listenPort! };
  } else s = input;
  return s.kind === 'imap' ? testImapConnection(s) : testSmtpListener(s.listenHost, s.listenPort);
}
