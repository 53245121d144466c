// Staff sign in and land on their role's home; pages need a session; an ended session sends
// the person to sign in and back where they were. The SPA fallback in a real browser.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  PASSWORD,
  STAFF,
  startServer,
  type E2EServer,
} from './harness.ts';
import { signIn } from './pages.ts';

describe('staff in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a handler lands on /queue, a manager on /dashboard, each with their name and role', async () => {
    for (const [who, home, title] of [
      ['handler', '/queue', 'Queue'],
      ['manager', '/dashboard', 'Dashboard'],
    ] as const) {
      const { context, page } = await openPage(browser);
      await signIn(page, server.url, STAFF[who].email);
      assert.equal(new URL(page.url()).pathname, home);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Signed in as ${STAFF[who].name}`).waitFor();
      await page
        .getByRole('navigation', { name: 'Staff navigation' })
        .getByRole('link', { name: title })
        .waitFor();
      // The staff's own strings follow a language switch too.
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      await context.close();
    }
  });

  test('wrong password: an error in words, and no way in', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(STAFF.handler.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is wrong.').waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await context.close();
  });

  test('a staff page without a session goes to sign in, then back to the page', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(STAFF.manager.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);
    await context.close();
  });

  test('when the session ends, the next call brings sign-in back, and then the page', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    await page.getByText('No complaints match.').waitFor();
    // The session ends (as on expiry): the cookie is gone, the page does not know yet.
    await context.clearCookies();
    // Any call now finds the session gone: the refresh, or a list still loading beside the queue
    // (assignees, views, notifications) that may answer first and take the page to sign-in.
    const ended = page.getByText(
      'Your session has ended. Sign in again to carry on where you were.',
    );
    await page
      .getByRole('button', { name: 'Refresh now' })
      .click({ timeout: 5_000 })
      .catch(async (e) => {
        if (!(await ended.isVisible())) throw e;
      });
    await ended.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(STAFF.handler.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/queue$/);
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    await context.close();
  });

  test('a reload without a valid session goes to sign in and back', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    await context.clearCookies();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(STAFF.handler.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/queue$/);
    await context.close();
  });

  test('sign out ends the session', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.goto(`${server.url}/queue`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await context.close();
  });

  test('SPA fallback: app pages open directly, unknown ones say so, the API stays JSON', async () => {
    const { context, page } = await openPage(browser);
    const r = await page.goto(`${server.url}/no-such-page`);
    assert.equal(r?.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    const api = await page.goto(`${server.url}/api/nope`);
    assert.equal(api?.status(), 404);
    assert.equal(JSON.parse(await page.innerText('body')).error.code, 'ROUTE.NOT_FOUND');
    const asset = await page.goto(`${server.url}/assets/missing.js`);
    assert.equal(asset?.status(), 404);
    await context.close();
  });
});
