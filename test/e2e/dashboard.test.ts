// The manager's dashboard and the regulator returns in Chromium, by roles and accessible names:
// a manager approves a response (and sends it) in the case workspace and sees the clock's
// compliance move on the dashboard; a return shows a figure, lists the complaints behind it and
// is filed as a snapshot; an auditor reads returns but cannot file them. axe on /dashboard,
// a drill-down, /returns, /returns/fca-disp and a filed snapshot in English and Vietnamese at
// 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiAs, openWorkspace, takeAction, waitForStatus } from './case-helpers.ts';
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
import { auditPages, openSignedIn } from './pages.ts';
import { FCA_PERIOD, loaded, REPORTS, reportPages, seedReports } from './report-pages.ts';

const R = REPORTS.en;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of one cell of a table, found by the table's caption, the row's header and the
 *  column's header. */
async function cell(page: Page, table: string, row: string, column: string): Promise<string> {
  const t = page.getByRole('table', { name: table });
  const headers = (await t.getByRole('columnheader').allInnerTexts()).map(squash);
  const at = headers.indexOf(column);
  assert.ok(at > 0, `no column "${column}" in ${headers.join(' | ')}`);
  const r = t
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) });
  return squash(
    await r
      .getByRole('cell')
      .nth(at - 1)
      .innerText(),
  );
}

describe('the dashboard and the returns in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a manager approves a response and sees a clock’s compliance move', async (t) => {
    // A complaint whose response waits for approval (the handler's steps through the API).
    const { reference } = await complainByApi(server.url, {
      policy: 'uk-comms-ombudsman',
      customer: { name: 'Ann Approval', email: 'ann.approval@example.com', language: 'en' },
    });
    const handler = await apiAs(server.url, STAFF.handler.email);
    const act = (action: string, body: object = {}) =>
      handler('POST', `/complaints/${reference}/actions/${action}`, body);
    await act('acknowledge');
    await act('start-investigation');
    await act('propose-response', {
      response: 'We found a fault at the exchange and repaired it.',
      outcome: 'upheld',
      rootCause: 'network',
    });

    const { context, page } = await openPage(browser);
    t.after(() => context.close());
    const table = R.dashboard.tables.compliance;
    const clock = 'Target resolution';
    await openSignedIn(
      page,
      server.url,
      STAFF.manager.email,
      '/dashboard?policy=uk-comms-ombudsman',
    );
    await page.getByRole('table', { name: table }).waitFor();
    await loaded(page, 'en');
    assert.equal(await cell(page, table, clock, R.measures.met), '0');
    assert.equal(await cell(page, table, clock, R.measures.running), '1');
    assert.equal(await cell(page, table, clock, R.measures.shareMet), '—');

    // The manager approves the response in the workspace and sends it: the clock stops, met.
    await openWorkspace(page, server.url, reference);
    await takeAction(page, 'approve-response');
    await takeAction(page, 'respond');
    await waitForStatus(page, 'responded');

    // Back on the dashboard (the staff bar's link keeps the app; the period is this quarter).
    await page.goto(`${server.url}/dashboard?policy=uk-comms-ombudsman`);
    await page.getByRole('table', { name: table }).waitFor();
    await loaded(page, 'en');
    assert.equal(await cell(page, table, clock, R.measures.met), '1');
    assert.equal(await cell(page, table, clock, R.measures.running), '0');
    assert.equal(await cell(page, table, clock, R.measures.shareMet), '100%');

    // The figure drills down to the complaint behind it.
    await page
      .getByRole('link', { name: `${clock}, ${R.measures.met}: 1 — see the complaints` })
      .click();
    await page.getByRole('heading', { level: 1, name: R.drill.title }).waitFor();
    await page
      .getByRole('list', { name: R.drill.list })
      .getByRole('link', { name: reference })
      .click();
    await page.waitForURL(new RegExp(`/complaints/${reference}$`));
    assert.deepEqual(pageProblems(page), []);
  });

  test('a return shows a figure, lists the complaints behind it and is filed as a snapshot', async (t) => {
    await seedReports(server.url);
    const { context, page } = await openPage(browser);
    t.after(() => context.close());
    await openSignedIn(page, server.url, STAFF.manager.email, `/returns/fca-disp${FCA_PERIOD}`);
    const totals = R.returns.fca.totals;
    await page.getByRole('table', { name: totals }).waitFor();
    await loaded(page, 'en');
    assert.equal(await cell(page, totals, R.returns.m.opened, R.returns.value), '2');

    // A warning names the complaints concerned, each a link to its workspace.
    const warning = page.getByRole('list', {
      name: `${R.returns.warningRefs}: complaints received in the period have no cause code`,
    });
    assert.equal(await warning.getByRole('link').count(), 1);
    assert.match(
      (await warning.getByRole('link').first().getAttribute('href'))!,
      /^\/complaints\//,
    );

    // The figure's complaints.
    await page
      .getByRole('link', {
        name: `${R.returns.m.opened}, ${R.returns.value}: 2 — see the complaints`,
      })
      .click();
    await page.getByRole('heading', { level: 1, name: R.drill.title }).waitFor();
    await page.getByText('2 complaints').waitFor();
    assert.equal(await page.getByRole('list', { name: R.drill.list }).getByRole('link').count(), 2);
    await page.getByRole('link', { name: R.drill.backReturn }).click();

    // Filing asks first, then shows the snapshot as filed.
    await page.getByRole('button', { name: R.returns.file }).click();
    const dialog = page.getByRole('dialog', { name: R.returns.fileTitle });
    await dialog.getByRole('button', { name: R.returns.cancel }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: R.returns.file }).click();
    await dialog.getByRole('button', { name: R.returns.fileConfirm }).click();
    await page.waitForURL(/\/returns\/fca-disp\/filed\/\d+/);
    await page.getByText(R.returns.filedDone.replace('{{version}}', '1')).waitFor();
    await page
      .getByRole('heading', { level: 2, name: R.returns.snapshot.replace('{{version}}', '1') })
      .waitFor();
    assert.equal(await cell(page, totals, R.returns.m.opened, R.returns.value), '2');

    // The list of returns shows the filed version.
    await page.getByRole('link', { name: R.returns.backList }).click();
    await page
      .getByRole('link', { name: /^View version 1 for 1 January 2026 to 30 June 2026$/ })
      .waitFor();
    assert.deepEqual(pageProblems(page), []);
  });

  test('an auditor reads the dashboard and the returns but cannot file one', async (t) => {
    await seedReports(server.url);
    const { context, page } = await openPage(browser);
    t.after(() => context.close());
    await openSignedIn(page, server.url, STAFF.auditor.email, '/dashboard');
    await page.getByRole('table', { name: R.dashboard.tables.compliance }).waitFor();
    await page.goto(`${server.url}/returns/fca-disp${FCA_PERIOD}`);
    await page.getByText(R.returns.cannotFile).waitFor();
    assert.equal(await page.getByRole('button', { name: R.returns.file }).count(), 0);
  });

  for (const lang of ['en', 'vi'] as const) {
    for (const width of WIDTHS) {
      test(`axe finds nothing on the dashboard and the returns, ${lang} at ${width} px`, async () => {
        assert.deepEqual(await auditPages(browser, server.url, reportPages(), lang, width), []);
      });
    }
  }
});
