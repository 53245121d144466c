// A start-up step: IMAP passwords stored in clear before migration 0019 are sealed and the clear
// column emptied. SQL cannot do it (the key is the server's, never the database's), so it runs
// after the migrations, in one transaction under their lock: processes starting together wait
// for each other, and the second finds nothing left to seal. Idempotent: a row is in clear
// exactly while its legacy column is not null; once sealed it is never touched again.
import type { Db } from '../../db/client.ts';
import { underMigrationLock } from '../../db/migrate.ts';
import { lockClearPasswords, replaceClearPassword } from '../../db/repositories/mailboxes.ts';
import { sealMailboxPassword } from './mailbox-password.ts';

/** Seals every password still in clear; returns how many it sealed. */
export async function sealMailboxPasswords(db: Db): Promise<number> {
  return underMigrationLock(db, async (tx) => {
    let sealed = 0;
    for (const row of await lockClearPasswords(tx)) {
      if (await replaceClearPassword(tx, row.id, sealMailboxPassword(row, row.password))) sealed++;
    }
    return sealed;
  });
}
