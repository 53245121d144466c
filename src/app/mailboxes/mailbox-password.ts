// A mailbox's IMAP password at rest: sealed (src/app/sealed.ts, the credentials key) and bound
// to the mailbox's id, server, port and user — so a sealed password copied to another row, or a
// mailbox pointed at another server by someone who can write the database, cannot be opened and
// is never sent there. Opened only where the IMAP connection is made (the reader, the test).
import type { Mailbox } from '../../db/repositories/mailboxes.ts';
import { AppError } from '../errors.ts';
import { sealCredential, unsealCredential } from '../sealed.ts';

/** What a mailbox's sealed password is bound to. */
export interface PasswordBinding {
  id: string;
  host: string | null;
  port: number | null;
  username: string | null;
}

const contextOf = (m: PasswordBinding): string =>
  ['redress mailbox password', m.id, m.host ?? '', String(m.port ?? ''), m.username ?? ''].join(
    '\0',
  );

export const sealMailboxPassword = (m: PasswordBinding, password: string): string =>
  sealCredential(password, contextOf(m));

/** The mailbox's password in clear ('' when none is stored); MAILBOX.CREDENTIALS_UNREADABLE
 *  when it cannot be opened (another server's secret, a changed row). */
export function openMailboxPassword(m: Mailbox): string {
  if (m.passwordSealed === null) return '';
  try {
    return unsealCredential(m.passwordSealed, contextOf(m));
  } catch {
    throw new AppError(
      'MAILBOX.CREDENTIALS_UNREADABLE',
      `the stored password of mailbox "${m.name}" cannot be opened with this server's secret ` +
        '(REDRESS_SECRET or REDRESS_SECRET_FILE changed, or the row was altered); start Redress with the secret it was ' +
        `stored under, or give the password again: redress mailbox password ${JSON.stringify(m.name)} --password-env <VAR>`,
    );
  }
}
