// Data-subject requests in Chromium, by roles and accessible names: an administrator records a
// request to erase a customer's data, checks and confirms the requester's identity, extends the
// deadline with a reason (refused without one), is told why erasure is refused and until when,
// restricts the data instead and answers — each step shown at once in the request's state and
// clocks, and only the steps the API allows offered. An access request is carried out by its
// ZIP. And the privacy pages pass axe in English and Vietnamese at 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatDay } from '../../web/src/i18n/format.ts';
import { adminPages, fill, openAs, privacyFixture } from './admin-pages.ts';
import {
  apiAs,
  launchBrowser,
  openPage,
  pageProblems,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { auditPages, STRINGS } from './pages.ts';

const R = STRINGS.en.privacy.requests;
const B = R.act.buttons;

/** The request's facts, the row named `term`. */
const fact = (page: Page, term: string) =>
  page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

describe('data-subject requests in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an administrator records an erasure request, confirms identity, extends it with a reason, restricts instead of erasing and answers', async () => {
    const { customerId } = await privacyFixture(server.url);
    const { context, page } = await openPage(browser);
    await openAs(page, server.url, 'en', 'administrator', '/admin/privacy');
    const requests = page.getByRole('region', { name: R.title });
    const form = requests.getByRole('form', { name: R.new.title });
    // Without a customer: said beside the field.
    await form.getByRole('button', { name: R.new.submit }).click();
    await form.getByText(R.new.customerMissing).waitFor();
    await form.getByLabel(new RegExp(`^${R.new.customer}`)).fill(customerId);
    await form.getByRole('radio', { name: R.kinds.erasure }).check();
    await form.getByRole('button', { name: R.new.submit }).click();
    await requests.getByText(R.new.recorded).waitFor();
    const name = fill(R.linkText, { kind: R.kinds.erasure, customer: 'Priya Patel' });
    await requests.getByRole('link', { name: fill(R.new.open, { name }) }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await fact(page, R.status).getByText(R.statuses.received).waitFor();

    // What a new request allows: no answer, no erasure yet.
    const act = page.getByRole('region', { name: R.act.title });
    for (const b of [B.acknowledge, B['check-identity'], B.start, B.extend])
      await act.getByRole('button', { name: b }).waitFor();
    assert.equal(await act.getByRole('button', { name: B.answer }).count(), 0);
    assert.equal(await act.getByRole('button', { name: B.erase }).count(), 0);

    // The identity check pauses the clock; confirming it starts it again.
    await act.getByRole('button', { name: B['check-identity'] }).click();
    await act.getByText(R.act.done['check-identity']).waitFor();
    await fact(page, R.status).getByText(R.statuses.identity_check).waitFor();
    await fact(page, R.clocks).getByText(R.paused).waitFor();
    await act.getByRole('button', { name: B['confirm-identity'] }).click();
    await act.getByText(R.act.done['confirm-identity']).waitFor();
    await fact(page, R.status).getByText(R.statuses.in_progress).waitFor();
    await fact(page, R.clocks)
      .getByText(new RegExp(`^${R.answerBy}`))
      .waitFor();

    // An extension needs a reason, and is given once.
    await act.getByRole('button', { name: B.extend }).click();
    const extend = act.getByRole('form', { name: B.extend });
    await extend.getByRole('button', { name: R.act.extendConfirm }).click();
    await extend.getByText(STRINGS.en.errors['DSR.REASON_REQUIRED']).waitFor();
    await extend.getByLabel(R.act.extendReason).fill('Records are in three systems');
    await extend.getByRole('button', { name: R.act.extendConfirm }).click();
    await act.getByText(R.act.done.extend).waitFor();
    await fact(page, R.extensionReason).getByText('Records are in three systems').waitFor();
    await fact(page, R.clocks).getByText(R.extended).waitFor();
    assert.equal(await act.getByRole('button', { name: B.extend }).count(), 0);

    // Erasure is refused while the closed complaint's records must be kept: why, and until when.
    const refusal = await apiAs(
      server.url,
      'administrator',
      'POST',
      `/customers/${customerId}/erase`,
      {},
    ).catch((e: Error) => JSON.parse(e.message.slice(e.message.indexOf('{'))));
    const until = (refusal as { error: { details: { until: string } } }).error.details.until;
    await act.getByRole('button', { name: B.erase }).click();
    await act
      .getByRole('button', { name: fill(R.act.eraseConfirm, { customer: 'Priya Patel' }) })
      .click();
    const refused = act.getByRole('alert').filter({ hasText: R.act.refused.title });
    await refused
      .getByText(fill(R.act.refused.retention, { date: formatDay(until, 'en', 'Europe/London') }))
      .waitFor();
    await refused.getByText(R.act.refused.restrictInstead).waitFor();

    // Restricted instead, then answered: nothing more to do, and the answer is on the request.
    await act.getByRole('button', { name: B.restrict }).click();
    await act
      .getByRole('button', { name: fill(R.act.restrictConfirm, { customer: 'Priya Patel' }) })
      .click();
    await act.getByText(R.act.done.restrict).waitFor();
    await act.getByRole('button', { name: B.answer }).click();
    const answer = act.getByRole('form', { name: B.answer });
    await answer.getByRole('radio', { name: R.outcomes.restricted }).check();
    await answer
      .getByLabel(R.act.answerText)
      .fill('Your records must be kept until 2028; until then they are used for nothing else.');
    await answer.getByRole('button', { name: R.act.answerConfirm }).click();
    await act.getByText(R.act.done.answer).waitFor();
    await fact(page, R.status).getByText(R.statuses.answered).waitFor();
    await fact(page, R.outcome).getByText(R.outcomes.restricted).waitFor();
    await fact(page, R.clocks)
      .getByText(new RegExp(`^${R.answeredOn}`))
      .waitFor();
    assert.equal(await act.getByRole('button').count(), 0, 'nothing is left to do');
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('an access request, once started, is carried out by downloading the customer’s ZIP', async () => {
    const { customerId } = await privacyFixture(server.url);
    const { id } = await apiAs<{ id: string }>(
      server.url,
      'administrator',
      'POST',
      '/privacy/requests',
      { customerId, kind: 'access' },
    );
    const { context, page } = await openPage(browser);
    await openAs(page, server.url, 'en', 'administrator', `/admin/privacy/requests/${id}`);
    const act = page.getByRole('region', { name: R.act.title });
    assert.equal(await act.getByRole('link', { name: B.export }).count(), 0);
    await act.getByRole('button', { name: B.start }).click();
    await act.getByRole('button', { name: R.act.startConfirm, exact: true }).click();
    await act.getByText(R.act.done.start).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      act.getByRole('link', { name: B.export }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.zip$/);
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('an auditor reads a request and is offered nothing to do', async () => {
    const { requestId } = await privacyFixture(server.url);
    const { context, page } = await openPage(browser);
    await openAs(page, server.url, 'en', 'auditor', `/admin/privacy/requests/${requestId}`);
    await page.getByText(R.answerBy).waitFor();
    assert.equal(await page.getByRole('region', { name: R.act.title }).count(), 0);
    await context.close();
  });

  for (const lang of ['en', 'vi'] as const) {
    for (const width of WIDTHS) {
      test(`the privacy pages pass axe and reflow (${lang}, ${width} px)`, async () => {
        const pages = adminPages().filter((p) => p.name.startsWith('admin-privacy'));
        assert.equal(pages.length, 4);
        assert.deepEqual(
          await auditPages(browser, server.url, pages, lang, width, { problems: true }),
          [],
        );
      });
    }
  }
});
