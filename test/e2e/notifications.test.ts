// Notifications in Chromium, by roles and accessible names: a customer answers a request for
// information on the tracking page's route; the handler the complaint is assigned to sees it in
// the staff bar's count and on /notifications (in English, then in Vietnamese), opens the
// complaint from it, and marks it read; a mention reaches the colleague mentioned. axe finds
// nothing on the list in either language at either width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiAs } from './case-helpers.ts';
import {
  axeViolations,
  complainByApi,
  launchBrowser,
  openPage,
  STAFF,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { chooseLanguage, openSignedIn, STRINGS } from './pages.ts';

const N = { en: STRINGS.en.notifications, vi: STRINGS.vi.notifications };

describe('notifications in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  let reference = '';
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const c = await complainByApi(server.url, { subject: 'Line dead since Monday' });
    reference = c.reference;
    const handler = await apiAs(server.url, STAFF.handler.email);
    const me = (await handler('GET', '/auth/session')) as { user: { id: string } };
    const act = (action: string, body: object = {}) =>
      handler('POST', `/complaints/${reference}/actions/${action}`, body);
    await act('assign', { assigneeId: me.user.id });
    await act('acknowledge');
    await act('start-investigation');
    await act('request-information', { questions: ['Which days was the line down?'] });
    // The customer answers through the tracking link's route.
    const r = await fetch(
      `${server.url}/api/v1/public/complaints/${reference}/reply?token=${c.token}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Monday to Wednesday.' }),
      },
    );
    assert.equal(r.status, 200, await r.text());
    // A manager's note mentions the handler.
    const manager = await apiAs(server.url, STAFF.manager.email);
    await manager('POST', `/complaints/${reference}/actions/add-note`, {
      text: '@handler please offer a credit for the three days.',
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the handler sees the answer and the mention, in words, opens the complaint, and marks them read', async () => {
    const { context, page } = await openPage(browser);
    await openSignedIn(page, server.url, STAFF.handler.email, '/queue');
    const link = page.getByRole('link', { name: N.en.menuUnread_other.replace('{{count}}', '2') });
    await link.click();
    await page.getByRole('heading', { level: 1, name: N.en.title }).waitFor();
    const list = page.getByRole('list', { name: N.en.title });
    await list.getByText(N.en.text.information_received).waitFor();
    await list
      .getByText(
        N.en.text.mention
          .replace('{{author}}', STAFF.manager.name)
          .replace('{{excerpt}}', '@handler please offer a credit for the three days.'),
      )
      .waitFor();
    assert.equal(await list.getByRole('listitem').count(), 2);

    // In Vietnamese the same notices are in Vietnamese, not the server's English sentence.
    await chooseLanguage(page, 'vi');
    const vlist = page.getByRole('list', { name: N.vi.title });
    await vlist.getByText(N.vi.text.information_received).waitFor();
    assert.equal(await vlist.getByText(N.en.text.information_received).count(), 0);
    await chooseLanguage(page, 'en');

    // Opening the complaint from the notice.
    await list
      .getByRole('listitem')
      .filter({ hasText: N.en.text.information_received })
      .getByRole('link', { name: N.en.open.replace('{{reference}}', reference) })
      .click();
    await page.waitForURL(new RegExp(`/complaints/${reference}$`));
    await page.goBack();

    // Marking read: it leaves the list, the count in the bar follows.
    await page
      .getByRole('button', {
        name: `${N.en.markRead}: ${reference}, ${N.en.text.information_received}`,
      })
      .click();
    await page.getByText(N.en.markedRead).waitFor();
    await page.getByRole('link', { name: N.en.menuUnread_one.replace('{{count}}', '1') }).waitFor();
    assert.equal(await list.getByRole('listitem').count(), 1);
    await context.close();
  });

  for (const width of WIDTHS) {
    test(`axe: the list of notifications in en and vi at ${width} px has no violations`, async () => {
      const { context, page } = await openPage(browser, { width });
      await openSignedIn(page, server.url, STAFF.handler.email, '/notifications');
      await page.getByRole('list', { name: N.en.title }).waitFor();
      const found = (await axeViolations(page)).map((v) => `en: ${v}`);
      await chooseLanguage(page, 'vi');
      await page.getByRole('list', { name: N.vi.title }).waitFor();
      found.push(...(await axeViolations(page)).map((v) => `vi: ${v}`));
      assert.deepEqual(found, []);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      assert.equal(overflow, false, 'nothing is wider than the screen');
      await context.close();
    });
  }
});
