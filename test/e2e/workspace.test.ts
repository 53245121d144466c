// The case workspace in Chromium: what a handler sees (summary, every clock, the next step from
// the policy), an action's form with the server's preview, errors beside the field, presence
// of a colleague, and a note that survives the session's end. axe on every view, en and vi,
// at 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  apiAs,
  axeInBothLanguages,
  busyComplaint,
  CASE,
  openWorkspace,
  takeAction,
  waitForStatus,
} from './case-helpers.ts';
import {
  complainByApi,
  launchBrowser,
  openPage,
  pageProblems,
  PASSWORD,
  STAFF,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { signIn } from './pages.ts';

const L = CASE.en;

describe('the case workspace in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of WIDTHS) {
    test(`${width} px: summary, every clock and the next step; axe finds nothing in en and vi`, async () => {
      const c = await busyComplaint(server.url, STAFF.handler.email);
      const { context, page } = await openPage(browser, { width });
      await signIn(page, server.url, STAFF.handler.email);
      await openWorkspace(page, server.url, c.reference);
      const summary = page.getByRole('region', { name: L.summary.title });
      await summary.getByText('Large print, please').waitFor();
      await summary.getByText(L.status.awaiting_customer, { exact: true }).waitFor();
      // Every clock, not the nearest only: the policy's five for a web complaint.
      const clocks = page.getByRole('region', { name: L.clocks.title }).getByRole('article');
      assert.equal(await clocks.count(), 5);
      await clocks.getByText(L.clocks.status.paused, { exact: true }).first().waitFor();
      await page.getByRole('region', { name: L.next.title }).waitFor();
      // Public and internal entries are told apart in words.
      const messages = page.getByRole('region', { name: L.messages.title });
      await messages.getByText(L.timeline.internal, { exact: true }).first().waitFor();
      await messages.getByText(L.timeline.public, { exact: true }).first().waitFor();
      assert.deepEqual(await axeInBothLanguages(page), []);
      assert.deepEqual(pageProblems(page), []);
      await context.close();
    });
  }

  test('an action opens its form; the preview shows the message; required fields are said beside them', async () => {
    const c = await complainByApi(server.url);
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    await openWorkspace(page, server.url, c.reference);
    const next = page.getByRole('region', { name: L.next.title });
    await next.getByText(`${L.actions.acknowledge} ${L.next.by}`).waitFor();
    await takeAction(page, 'acknowledge');
    await waitForStatus(page, 'acknowledged');
    await takeAction(page, 'start-investigation');
    const ask = L.actions['request-information'];
    await page.getByRole('button', { name: ask, exact: true }).click();
    const form = page.getByRole('form', { name: ask });
    // Nothing typed: the error is beside the field, in words, and nothing is sent.
    await form.getByRole('button', { name: L.form.submit.replace('{{action}}', ask) }).click();
    await form.getByText(L.form.required).waitFor();
    await form.getByLabel(L.fields.questions).fill('Which days was the line down?');
    await form.getByRole('button', { name: L.form.preview }).click();
    const preview = form.getByRole('region', { name: L.preview.title });
    await preview.getByText('Which days was the line down?', { exact: false }).waitFor();
    await preview.getByText('Sent by email, in English.').waitFor();
    assert.deepEqual(await axeInBothLanguages(page), []);
    await form.getByRole('button', { name: L.form.submit.replace('{{action}}', ask) }).click();
    await page.getByText(L.done.replace('{{action}}', ask)).waitFor();
    await waitForStatus(page, 'awaiting_customer');
    await context.close();
  });

  test('a Vietnamese customer’s message is previewed in Vietnamese', async () => {
    const api = await apiAs(server.url, STAFF.handler.email);
    const c = (await api('POST', '/complaints', {
      policy: 'vn-datacentre',
      channel: 'email',
      customer: { name: 'Nguyễn Văn An', email: 'an@example.vn', language: 'vi' },
      subject: 'Máy chủ mất kết nối',
      description: 'Máy chủ của chúng tôi mất kết nối từ 8 giờ sáng.',
    })) as { reference: string };
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    await openWorkspace(page, server.url, c.reference);
    await takeAction(page, 'start-investigation');
    const ask = L.actions['request-information'];
    await page.getByRole('button', { name: ask, exact: true }).click();
    const form = page.getByRole('form', { name: ask });
    await form.getByLabel(L.fields.questions).fill('Số hợp đồng của quý khách là gì?');
    await form.getByRole('button', { name: L.form.preview }).click();
    const preview = form.getByRole('region', { name: L.preview.title });
    await preview.getByText('Sent by email, in Vietnamese.').waitFor();
    assert.equal(await preview.locator('[lang="vi"]').count(), 2);
    await context.close();
  });

  test('a colleague on the same complaint is named: “… is also working on this complaint”', async () => {
    const c = await complainByApi(server.url);
    const a = await openPage(browser);
    await signIn(a.page, server.url, STAFF.manager.email);
    await openWorkspace(a.page, server.url, c.reference);
    const b = await openPage(browser);
    await signIn(b.page, server.url, STAFF.handler.email);
    await openWorkspace(b.page, server.url, c.reference);
    await b.page
      .getByText(L.presence.viewing.replace('{{name}}', STAFF.manager.name))
      .waitFor({ timeout: 20_000 });
    await a.context.close();
    await b.context.close();
  });

  test('a web complaint with a known email: staff see the possible match, confirm, and link it', async () => {
    const handler = await apiAs(server.url, STAFF.handler.email);
    const earlier = (await handler('POST', '/complaints', {
      policy: 'uk-comms-ombudsman',
      channel: 'phone',
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      customer: { name: 'Cara Known', email: 'cara.known@example.com', phone: '020 7946 0100' },
      subject: 'Bill too high',
      description: 'My bill doubled this month.',
    })) as { reference: string };
    const c = await complainByApi(server.url, {
      customer: { name: 'Cara K', email: 'cara.known@example.com', language: 'en' },
    });
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    await openWorkspace(page, server.url, c.reference);
    const region = page.getByRole('region', { name: L.matches.title });
    await region
      .getByRole('list', { name: L.matches.theirComplaints.replace('{{name}}', 'Cara Known') })
      .getByRole('link', { name: earlier.reference })
      .waitFor();
    assert.deepEqual(await axeInBothLanguages(page), []);
    const link = L.matches.link.replace('{{name}}', 'Cara Known');
    await region.getByRole('button', { name: link }).click();
    await region.getByText(L.form.required).waitFor(); // the reason is required, said beside it
    await region
      .getByLabel(L.matches.how.replace('{{name}}', 'Cara Known'))
      .fill('Called 020 7946 0100, the number on her account; she confirmed the web form.');
    await region.getByRole('button', { name: link }).click();
    await region.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: L.timeline.title })
      .getByText(L.events.customer_linked)
      .waitFor();
    await page
      .getByRole('region', { name: L.summary.title })
      .getByText('Cara Known', { exact: true })
      .waitFor();
    await context.close();
  });

  test('a note in progress survives the end of the session: sign in again and it is there', async () => {
    const c = await complainByApi(server.url);
    const { context, page } = await openPage(browser);
    await signIn(page, server.url, STAFF.handler.email);
    await openWorkspace(page, server.url, c.reference);
    const notes = page.getByRole('region', { name: L.notes.title });
    await notes.getByLabel(L.fields.text, { exact: true }).fill('Called the customer, no answer.');
    await context.clearCookies();
    // Adding it finds the session gone — unless a call already under way (presence, the
    // timeline) found it first and the page is at sign-in already: the draft is kept either way.
    const signInHeading = page.getByRole('heading', { level: 1, name: 'Sign in' });
    await notes
      .getByRole('button', { name: L.notes.add })
      .click({ timeout: 5_000 })
      .catch(async (e) => {
        if (!(await signInHeading.isVisible())) throw e;
      });
    await signInHeading.waitFor();
    await page.getByLabel('Email', { exact: true }).fill(STAFF.handler.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/complaints/${c.reference}$`));
    const again = page.getByRole('region', { name: L.notes.title });
    assert.equal(
      await again.getByLabel(L.fields.text, { exact: true }).inputValue(),
      'Called the customer, no answer.',
    );
    await again.getByRole('button', { name: L.notes.add }).click();
    await page.getByText(L.done.replace('{{action}}', L.actions['add-note'])).waitFor();
    await page
      .getByRole('region', { name: L.messages.title })
      .getByText('Called the customer, no answer.')
      .waitFor();
    await context.close();
  });
});
