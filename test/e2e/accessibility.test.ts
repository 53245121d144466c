// axe (WCAG 2.0–2.2 A and AA) finds nothing on any page, in English and Vietnamese, at 1280 px
// and 360 px; and the language switch sets <html lang> on every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  openPage,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { appPages, auditPages } from './pages.ts';

describe('accessibility of every page (axe, WCAG 2.2 AA)', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the check finds violations when there are some', async () => {
    const { context, page } = await openPage(browser);
    await page.setContent('<html><body><input type="text"><img src="x.png"></body></html>');
    assert.ok((await axeViolations(page)).length >= 2);
    await context.close();
  });

  for (const lang of ['en', 'vi'] as const) {
    for (const width of WIDTHS) {
      test(`${lang} at ${width} px: no violations, <html lang="${lang}">`, async () => {
        assert.deepEqual(await auditPages(browser, server.url, appPages(), lang, width), []);
      });
    }
  }
});
