// The web form and the tracking page with the keyboard alone: Tab and Shift+Tab to move,
// typing into fields, Enter and Space to press. No mouse, no focus() from the test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, startServer, type E2EServer } from './harness.ts';

/** Presses Tab (or Shift+Tab) until the element has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${target}`);
}

describe('keyboard alone', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the skip link, the web form, the receipt and the tracking page', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/complain`);
    await page.getByRole('heading', { level: 1, name: 'Make a complaint' }).waitFor();
    // The first Tab reaches the skip link, and Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Enter');
    assert.ok(await page.getByRole('main').evaluate((el) => el === document.activeElement));

    const fill = async (name: string, text: string, exact = false) => {
      const field = page.getByRole('textbox', { name, exact });
      await tabTo(page, field);
      await page.keyboard.type(text);
    };
    // Sending an empty form: the summary takes focus; Shift+Tab back up is possible too.
    const send = page.getByRole('button', { name: 'Send complaint' });
    await tabTo(page, send);
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    assert.ok(await summary.evaluate((el) => el === document.activeElement));
    await tabTo(page, summary.getByRole('link', { name: 'Enter your name' }));
    await page.keyboard.press('Enter');
    assert.ok(
      await page
        .getByRole('textbox', { name: /Your name/ })
        .evaluate((el) => el === document.activeElement),
    );
    await page.keyboard.type('Kim Keyboard');
    await fill('Your email address', 'kim@example.com');
    await fill('Subject', 'Invoice charged twice');
    await fill('Your complaint', 'I was charged twice for November.', true);
    await tabTo(page, send);
    await page.keyboard.press('Space');

    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    const follow = page.getByRole('link', { name: 'Follow your complaint' });
    await tabTo(page, follow);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Complaint RD-/ }).waitFor();
    await page.getByText('Invoice charged twice').first().waitFor();

    await fill('Your message', 'Here is my bank statement reference: 1234.');
    await tabTo(page, page.getByRole('button', { name: 'Send reply' }));
    await page.keyboard.press('Enter');
    await page.getByRole('article').filter({ hasText: 'bank statement reference' }).waitFor();

    // A folded action opens with Enter on its summary, and its button works with Space.
    const escalation = page.getByText('Ask for escalation', { exact: true }).first();
    await tabTo(page, escalation, { back: true, max: 80 });
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Ask for escalation' }));
    await page.keyboard.press('Space');
    await page.getByText('You asked for escalation').waitFor();
    await context.close();
  });
});
