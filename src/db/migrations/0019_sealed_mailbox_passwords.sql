-- Mailbox passwords sealed at rest: an IMAP password is kept only sealed (AES-256-GCM under a key
-- derived from the server's secret, which the database never holds, bound to the mailbox's id,
-- server, port and user), in password_sealed. The old column `password` held it in clear; SQL
-- cannot seal (it has no key), so each start of Redress seals what it still holds, under the
-- migrations' lock, and empties it (src/app/mailboxes/seal-mailbox-passwords.ts). Nothing writes
-- it any more; a row never has both.
alter table mailboxes add column password_sealed text;
alter table mailboxes add constraint mailboxes_password_once
  check (password is null or password_sealed is null);
comment on column mailboxes.password is
  'legacy: a password stored in clear before 0019; sealed into password_sealed and emptied at start';
