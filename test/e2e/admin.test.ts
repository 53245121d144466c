// The administrator's and the auditor's screens in Chromium, by roles and accessible names:
// an administrator adds a policy version (a field error first, then success); an auditor
// verifies the chain and reads the result; axe finds nothing on any of these screens in
// English and Vietnamese at 1280 and 360 px; the links follow the session's capabilities.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
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
import { adminPages, draftEditor, openAs } from './admin-pages.ts';
import { auditPages, signIn, STRINGS } from './pages.ts';

const A = STRINGS.en.admin;
const U = STRINGS.en.audit;

describe('administration and audit in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an administrator adds a policy version: a problem is shown beside the draft first, then it is added', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.administrator.email);
    await page
      .getByRole('navigation', { name: STRINGS.en.staff.nav })
      .getByRole('link', { name: STRINGS.en.staff.admin })
      .click();
    await page.getByRole('main').getByRole('link', { name: A.sections.policies.title }).click();
    await page.getByRole('heading', { level: 1, name: A.sections.policies.title }).waitFor();
    const policy = page.getByLabel(A.policy);
    await policy.selectOption('uk-comms-ombudsman');
    const editor = draftEditor(page, 'en');
    await page.getByRole('heading', { level: 3, name: /Version 2/ }).waitFor();
    const start = await editor.inputValue();
    assert.match(start, /"id": "uk-comms-ombudsman"/);
    // A wrong value: refused, and the problem is named beside the draft with where it is.
    await editor.fill(start.replace(/"amount": \d+/, '"amount": -5'));
    await page.getByRole('button', { name: A.draft.add }).click();
    await page.getByText(/The draft has 1 problem/).waitFor();
    await page.getByText(/^clocks\.\w+\.amount$/).waitFor();
    assert.equal(await editor.getAttribute('aria-invalid'), 'true');
    assert.match(String(await editor.getAttribute('aria-describedby')), /draft-text-error/);
    // Corrected, and taking effect later: checked (a diff and the deadlines), then added.
    await editor.fill(
      start
        .replace(/"effectiveFrom": "[^"]+"/, '"effectiveFrom": "2030-01-01"')
        .replace(/"amount": 24/, '"amount": 48'),
    );
    await page.getByRole('button', { name: A.draft.check }).click();
    await page.getByText(A.draft.valid).waitFor();
    const diff = page.getByRole('table', { name: /What changes from version 2/ });
    await diff.getByRole('cell', { name: 'added' }).first().waitFor();
    await diff.getByRole('cell', { name: 'removed' }).first().waitFor();
    await page.getByRole('table', { name: new RegExp(A.draft.deadlines) }).waitFor();
    await page.getByRole('button', { name: A.draft.add }).click();
    await page.getByText('Version 3 was added.').waitFor();
    await page.getByRole('heading', { level: 3, name: /Version 3/ }).waitFor();
    // The API holds it too.
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('an auditor verifies the whole chain and one complaint’s, and reads the result in words', async () => {
    const { reference } = await complainByApi(server.url);
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.auditor.email);
    await page
      .getByRole('navigation', { name: STRINGS.en.staff.nav })
      .getByRole('link', { name: STRINGS.en.staff.audit })
      .click();
    await page.getByRole('heading', { level: 1, name: U.title }).waitFor();
    await page.getByRole('button', { name: U.verify.runAll }).click();
    await page.getByText(U.verify.intact).waitFor();
    await page.getByText(/events in \d+ chains were checked on/).waitFor();
    // One complaint: its events, and its chain alone.
    await page.getByLabel(U.filter.complaint).fill(reference);
    await page.getByRole('button', { name: U.filter.show }).click();
    const table = page.getByRole('table', { name: U.events.caption });
    await table.getByRole('cell', { name: reference }).first().waitFor();
    await page.getByRole('button', { name: `Verify the chain of ${reference}` }).click();
    await page.getByText(U.verify.intact).waitFor();
    await page.getByText(/^\d+ events in 1 chains were checked/).waitFor();
    // The export is the filtered trail.
    const href = await page.getByRole('link', { name: U.export.csv }).getAttribute('href');
    assert.match(String(href), new RegExp(`complaint=${reference}.*format=csv`));
    const csv = await page.evaluate(async (h) => (await fetch(h!)).text(), href);
    assert.match(csv.split('\r\n')[0]!, /^id,stream,seq,type/);
    assert.ok(csv.includes(reference));
    // A wrong reference: said beside the field.
    await page.getByLabel(U.filter.complaint).fill('not a reference!');
    await page.getByRole('button', { name: U.filter.show }).click();
    await page.getByText(U.filter.fix).waitFor();
    assert.equal(await page.getByLabel(U.filter.complaint).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('a draft can be checked with the keyboard alone', async () => {
    const { context, page } = await openPage(browser, { width: 360 });
    await openAs(page, server.url, 'en', 'administrator', '/admin/policies');
    const editor = draftEditor(page, 'en');
    await editor.focus();
    // Tab out of the text area, through the sample complaint's fields, to "Check the draft".
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name === A.draft.check) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), A.draft.check);
    await page.keyboard.press('Enter');
    await page
      .getByText(/must take effect|effectiveFrom|The draft is valid/)
      .first()
      .waitFor();
    await context.close();
  });

  test('an administrator creates a token (shown once, and it works), then revokes it', async () => {
    const { context, page } = await openPage(browser);
    await openAs(page, server.url, 'en', 'administrator', '/admin/tokens');
    await page
      .getByLabel(A.tokens.user)
      .selectOption({ label: `${STAFF.auditor.name} (${STAFF.auditor.email})` });
    await page.getByLabel(/^Name/).fill('e2e script');
    await page.getByRole('button', { name: A.tokens.createButton }).click();
    await page.getByText(A.tokens.onlyOnce).waitFor();
    const token = (await page
      .locator('code')
      .filter({ hasText: /\S{20,}/ })
      .first()
      .textContent())!.trim();
    const use = () =>
      fetch(`${server.url}/api/v1/audit/verification`, {
        headers: { authorization: `Bearer ${token}` },
      });
    assert.equal((await use()).status, 200);
    const table = page.getByRole('region', { name: `The tokens of ${STAFF.auditor.name}` });
    await table.getByText('e2e script', { exact: true }).waitFor();
    await table.getByRole('button', { name: 'Revoke e2e script' }).click();
    await page.getByText('The token e2e script was revoked: it no longer works.').waitFor();
    assert.equal((await use()).status, 401);
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('the links follow the capabilities: a handler sees neither, and the pages say so', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    const nav = page.getByRole('navigation', { name: STRINGS.en.staff.nav });
    await nav.getByRole('link', { name: STRINGS.en.staff.queue }).waitFor();
    assert.equal(await nav.getByRole('link', { name: STRINGS.en.staff.admin }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: STRINGS.en.staff.audit }).count(), 0);
    for (const path of ['/admin/policies', '/audit']) {
      await page.goto(`${server.url}${path}`);
      await page.getByText(STRINGS.en.staff.notAllowed).waitFor();
    }
    await context.close();
  });

  for (const lang of ['en', 'vi'] as const) {
    for (const width of WIDTHS) {
      test(`${lang} at ${width} px: axe finds nothing on any admin or audit screen, nothing overflows`, async () => {
        assert.deepEqual(
          await auditPages(browser, server.url, adminPages(), lang, width, { problems: true }),
          [],
        );
      });
    }
  }
});
