// The staff queue in Chromium, by roles and accessible names: clocks in words, the keyboard
// (j/k/Enter/?), a filter reflected in the URL, a saved view with its count, bulk assign, and
// logging a phone complaint resolved on first contact; axe finds nothing in English and
// Vietnamese at 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  complainByApi,
  launchBrowser,
  openPage,
  pageProblems,
  STAFF,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { appPages, auditPages, openSignedIn, STRINGS } from './pages.ts';

const Q = STRINGS.en.queue;

describe('the staff queue in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  const refs: string[] = [];
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    for (const subject of [
      'Invoice charged twice',
      'Engineer did not come',
      'Router keeps dropping',
    ]) {
      refs.push((await complainByApi(server.url, { subject })).reference);
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const queue = async (path = '/queue', width = 1280) => {
    const { context, page } = await openPage(browser, { width });
    await openSignedIn(page, server.url, STAFF.handler.email, path);
    await page.getByRole('list', { name: Q.list }).waitFor();
    return { context, page };
  };
  const focusedName = (page: Page) =>
    page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  test('rows nearest due first, every open clock as a badge counting down in its own unit', async () => {
    const { context, page } = await queue();
    const rows = page
      .getByRole('list', { name: Q.list })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('checkbox'),
      });
    assert.equal(await rows.count(), 3);
    const first = rows.first();
    await first.getByRole('link', { name: new RegExp(refs[0]!) }).waitFor();
    const clocks = first.getByRole('list', { name: Q.clocks });
    // A 24 working-hour clock counts down in working hours; a week-long one gives its due day.
    await clocks.getByText(/^Acknowledge: 2[34] working hours left$/).waitFor();
    await clocks.getByText(/^Deadlock: due \w{3} \d{1,2} \w{3} \d{2}:\d{2}$/).waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('keyboard: j and k move between complaints, Enter opens one, ? opens the shortcut sheet', async () => {
    const { context, page } = await queue();
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('j');
    assert.match(await focusedName(page), new RegExp(refs[0]!));
    await page.keyboard.press('j');
    assert.match(await focusedName(page), new RegExp(refs[1]!));
    await page.keyboard.press('k');
    assert.match(await focusedName(page), new RegExp(refs[0]!));
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: Q.shortcuts.title });
    await sheet.waitFor();
    await sheet.getByRole('cell', { name: Q.shortcuts.j }).waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/complaints/${refs[1]}$`));
    await context.close();
  });

  test('a saved view shows its count and puts its query in the URL', async () => {
    const { context, page } = await queue();
    const views = page.getByRole('navigation', { name: Q.views });
    const unassigned = views.getByRole('link', { name: `${Q.viewName.unassigned}, 3 complaints` });
    await unassigned.click();
    await page.waitForURL(/view=unassigned/);
    assert.match(page.url(), /assignee=none/);
    // The link is marked current once the view has re-rendered (waitForURL may resolve before).
    await views.locator('a[aria-current="page"]', { hasText: Q.viewName.unassigned }).waitFor();
    await context.close();
  });

  test('bulk assign: select two, assign them to me; "Assigned to me" then counts them', async () => {
    const { context, page } = await queue();
    await page.getByRole('checkbox', { name: Q.select.replace('{{reference}}', refs[0]!) }).check();
    await page.getByRole('checkbox', { name: Q.select.replace('{{reference}}', refs[2]!) }).check();
    const bulk = page.getByRole('region', { name: Q.bulk });
    await bulk.getByText(Q.selected_other.replace('{{count}}', '2')).waitFor();
    await bulk.getByLabel(Q.assignTo).selectOption({ label: STAFF.handler.name });
    await bulk.getByRole('button', { name: Q.assign, exact: true }).click();
    await bulk.getByText(Q.bulkDone_other.replace('{{count}}', '2')).waitFor();
    await page
      .getByRole('navigation', { name: Q.views })
      .getByRole('link', { name: `${Q.viewName.mine}, 2 complaints` })
      .waitFor();
    await page.getByText(`Assigned to ${STAFF.handler.name}`).first().waitFor();
    await context.close();
  });

  test('logging a phone complaint resolved on first contact records the result', async () => {
    const L = STRINGS.en.logComplaint;
    const { context, page } = await openPage(browser);
    await openSignedIn(page, server.url, STAFF.handler.email, '/queue');
    await page.getByRole('link', { name: Q.logNew }).click();
    await page.getByRole('heading', { level: 1, name: L.title }).waitFor();
    await page.getByRole('radio', { name: Q.channel.phone }).check();
    await page.getByLabel(L.name).fill('Pat Caller');
    await page.getByLabel(L.phone).fill('+44 20 7946 0000');
    await page.getByLabel(L.subject, { exact: true }).fill('Charged for a call I did not make');
    await page.getByLabel(L.description, { exact: true }).fill('A call to Spain on my bill.');
    await page.getByRole('checkbox', { name: L.firstContact }).check();
    await page.getByLabel(L.resolution).fill('Refunded £4.20 on the call; customer satisfied.');
    await page.getByRole('button', { name: L.submit }).click();
    const done = page.getByRole('status').filter({ hasText: /logged and recorded as resolved/ });
    await done.waitFor();
    const reference = /RD-\d{4}-\d{6}/.exec((await done.textContent()) ?? '')![0];
    const complaint = await page.evaluate(
      async (ref) => (await fetch(`/api/v1/complaints/${ref}`)).json(),
      reference,
    );
    assert.equal(complaint.status, 'resolved_on_first_contact');
    assert.equal(complaint.channel, 'phone');

    // A filter: the queue by status shows it, and the URL says so.
    await page.getByRole('link', { name: L.openIt.replace('{{reference}}', reference) }).waitFor();
    await page.goto(`${server.url}/queue`);
    await page.getByRole('button', { name: Q.showFilters }).click();
    await page.getByLabel(Q.f.status).selectOption('resolved_on_first_contact');
    await page.getByRole('button', { name: Q.apply }).click();
    await page.waitForURL(/status=resolved_on_first_contact/);
    // The previous list stays on screen (marked busy) until the filtered one arrives.
    const rows = page.getByRole('list', { name: Q.list }).getByRole('link');
    const shown = async () =>
      (await rows.allTextContents()).map((t) => /RD-\d{4}-\d{6}/.exec(t)?.[0]);
    for (let i = 0; i < 50 && (await shown()).join() !== reference; i++) {
      await page.waitForTimeout(100);
    }
    assert.deepEqual(await shown(), [reference]);
    await context.close();
  });

  for (const lang of ['en', 'vi'] as const) {
    for (const width of WIDTHS) {
      test(`axe: the queue's pages in ${lang} at ${width} px have no violations`, async () => {
        const mine = [
          'queue',
          'queue-filters',
          'queue-selected',
          'queue-shortcuts',
          'log-complaint',
          'log-complaint-errors',
          'notifications',
        ];
        assert.deepEqual(
          await auditPages(
            browser,
            server.url,
            appPages().filter((x) => mine.includes(x.name)),
            lang,
            width,
          ),
          [],
        );
      });
    }
  }
});
