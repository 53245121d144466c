// Mail that claims a complaint from a sender Redress cannot verify, delivered to the e2e
// server's SMTP listener: a complaint by email, then a "reply" to it whose envelope sender is
// not its From address. For the browser tests and the screenshots.
import type { Page } from 'playwright-core';
import nodemailer from 'nodemailer';
import { composeMail, uniqueId } from '../mail/fixtures.ts';
import { CASE } from './case-helpers.ts';
import { E2E_MAILBOX, STAFF, type E2EServer } from './harness.ts';
import { openSignedIn, type AppPage, type Lang } from './pages.ts';

async function deliver(server: E2EServer, envelopeFrom: string, raw: Buffer): Promise<string> {
  if (server.smtpPort === null) throw new Error('start the server with { smtpMailbox: true }');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: server.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({
      envelope: { from: envelopeFrom, to: [E2E_MAILBOX] },
      raw,
    });
    const reference = /taken as (RD-\d{4}-\d{6})/.exec(info.response)?.[1];
    if (!reference) throw new Error(`not taken: ${info.response}`);
    return reference;
  } finally {
    transport.close();
  }
}

/** A complaint by email, and a forged reply to it (the complaint it became). */
export async function unverifiedReply(
  server: E2EServer,
): Promise<{ original: string; flagged: string }> {
  const messageId = uniqueId('rosa');
  const original = await deliver(
    server,
    'rosa@example.com',
    await composeMail({
      from: 'Rosa Customer <rosa@example.com>',
      to: E2E_MAILBOX,
      messageId,
      subject: 'My router was never delivered',
      text: 'I ordered a router three weeks ago and it has not arrived.',
    }),
  );
  const flagged = await deliver(
    server,
    'someone@elsewhere.example',
    await composeMail({
      from: 'Rosa Customer <rosa@example.com>',
      to: E2E_MAILBOX,
      inReplyTo: messageId,
      references: [messageId],
      subject: `Re: My router was never delivered [${original}]`,
      text: 'It came today, thank you. The tracking number was 4471.',
    }),
  );
  return { original, flagged };
}

/** The workspace of the complaint an unverified reply became. */
export function senderReviewPages(server: E2EServer): AppPage[] {
  let made: Promise<{ original: string; flagged: string }> | null = null;
  return [
    {
      name: 'workspace-sender-review',
      open: async (page: Page, url: string, lang: Lang) => {
        made ??= unverifiedReply(server);
        const { flagged } = await made;
        await openSignedIn(page, url, STAFF.handler.email, `/complaints/${flagged}`);
        await page
          .getByRole('region', { name: CASE[lang].senderReview.title })
          .getByRole('button', { name: CASE[lang].senderReview.confirm })
          .waitFor();
      },
    },
    {
      name: 'workspace-mail-claims',
      open: async (page: Page, url: string, lang: Lang) => {
        made ??= unverifiedReply(server);
        const { original } = await made;
        await openSignedIn(page, url, STAFF.handler.email, `/complaints/${original}`);
        await page
          .getByRole('region', { name: CASE[lang].mailClaims.title })
          .getByText(CASE[lang].mailClaims.pending)
          .waitFor();
      },
    },
  ];
}
