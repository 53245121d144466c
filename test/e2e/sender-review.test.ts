// An email that claims a complaint from a sender Redress cannot verify, in Chromium: the
// complaint it became says so, in words, with a link to the claimed one; a handler confirms it
// is the same customer and the email joins the claimed complaint; an auditor cannot. axe in en
// and vi at 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeInBothLanguages, CASE, openWorkspace } from './case-helpers.ts';
import {
  launchBrowser,
  openPage,
  pageProblems,
  STAFF,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { unverifiedReply } from './mail-pages.ts';
import { openSignedIn } from './pages.ts';

const L = CASE.en;
const fill = (s: string, ref: string) => s.replace('{{reference}}', ref);

describe('an email from an unverified sender, in the case workspace', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([
      startServer({}, { smtpMailbox: true }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of WIDTHS) {
    test(`${width} px: the claim in words, a link, the confirmation; axe finds nothing in en and vi`, async () => {
      const { original, flagged } = await unverifiedReply(server);
      const { context, page } = await openPage(browser, { width });
      await openSignedIn(page, server.url, STAFF.handler.email, `/complaints/${flagged}`);
      await openWorkspace(page, server.url, flagged);
      const review = page.getByRole('region', { name: L.senderReview.title });
      await review.getByText(fill(L.senderReview.claimed, original)).waitFor();
      await review.getByText(L.senderReview.refusals.envelope_mismatch).waitFor();
      await review.getByRole('link', { name: fill(L.senderReview.open, original) }).waitFor();
      await review.getByRole('button', { name: L.senderReview.confirm }).waitFor();
      assert.deepEqual(await axeInBothLanguages(page), []);
      assert.deepEqual(pageProblems(page), []);
      await context.close();
    });
  }

  test('a handler confirms: the email joins the claimed complaint; the claimed one lists the claim', async () => {
    const { original, flagged } = await unverifiedReply(server);
    const { context, page } = await openPage(browser);
    await openSignedIn(page, server.url, STAFF.handler.email, `/complaints/${original}`);
    await openWorkspace(page, server.url, original);
    const claims = page.getByRole('region', { name: L.mailClaims.title });
    await claims.getByText(L.mailClaims.pending).waitFor();
    assert.deepEqual(await axeInBothLanguages(page), []);
    assert.equal(
      await page
        .getByRole('region', { name: L.messages.title })
        .getByText('It came today', { exact: false })
        .count(),
      0,
      'nothing of the unverified email on the claimed complaint',
    );
    await claims.getByRole('link', { name: new RegExp(flagged) }).click();
    await openWorkspace(page, server.url, flagged);
    const review = page.getByRole('region', { name: L.senderReview.title });
    await review.getByLabel(L.senderReview.note, { exact: false }).fill('She phoned to say so.');
    await review.getByRole('button', { name: L.senderReview.confirm }).click();
    await page.getByText(fill(L.senderReview.done, original)).waitFor();
    await review
      .getByText(fill(L.senderReview.confirmed.split(' {{date}}')[0]!, original))
      .first()
      .waitFor();
    await review.getByRole('link', { name: fill(L.senderReview.open, original) }).click();
    await openWorkspace(page, server.url, original);
    await page
      .getByRole('region', { name: L.messages.title })
      .getByText('It came today', { exact: false })
      .waitFor();
    await page
      .getByRole('region', { name: L.timeline.title })
      .getByText(L.events.mail_sender_confirmed)
      .waitFor();
    await page
      .getByRole('region', { name: L.mailClaims.title })
      .getByText(L.mailClaims.confirmed)
      .waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('an auditor sees the claim but is offered no confirmation', async () => {
    const { flagged } = await unverifiedReply(server);
    const { context, page } = await openPage(browser);
    await openSignedIn(page, server.url, STAFF.auditor.email, `/complaints/${flagged}`);
    await openWorkspace(page, server.url, flagged);
    const review = page.getByRole('region', { name: L.senderReview.title });
    await review.getByText(L.senderReview.refusals.envelope_mismatch).waitFor();
    assert.equal(await review.getByRole('button', { name: L.senderReview.confirm }).count(), 0);
    await context.close();
  });
});
