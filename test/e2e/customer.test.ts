// The customer's side in a real browser, by role and accessible name only: the web form, the
// receipt, the tracking page and a reply; errors beside the fields for a bad form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  closeByApi,
  complainByApi,
  launchBrowser,
  openPage,
  pageProblems,
  staffAct,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { chooseLanguage, STRINGS } from './pages.ts';

describe('the customer in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('web form → reference and tracking link → tracking page → reply shown', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Make a complaint' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Make a complaint' }).waitFor();
    await page.getByLabel('name').fill('Ann Customer');
    await page.getByLabel('email').fill('ann@example.com');
    await page.getByLabel('phone').fill('07700 900123');
    await page.getByLabel('How should we contact you?').selectOption({ label: 'By email' });
    await page.getByLabel('subject').fill('Broadband down since Monday');
    await page
      .getByRole('textbox', { name: 'Your complaint' })
      .fill('No connection since Monday 8am.');
    await page
      .getByLabel('What would put it right?')
      .fill('A refund for the days without service.');
    await page.getByLabel('Choose files').setInputFiles({
      name: 'bill.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('My bill for November.'),
    });
    await page.getByRole('list', { name: 'Files to send' }).getByText('bill.txt').waitFor();
    await page.getByRole('button', { name: 'Send complaint' }).click();

    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    const reference = (await page.getByText(/^RD-\d{4}-\d+$/).textContent())!;
    assert.match(reference, /^RD-\d{4}-\d+$/);
    await page.getByText(/We will acknowledge your complaint by .+ \d{4}/).waitFor();
    const link = (await page.getByText(/\/track\/RD-.*token=/).textContent())!;
    assert.ok(link.includes(`/track/${reference}?token=`), link);

    await page.getByRole('link', { name: 'Follow your complaint' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    await page.getByText('Broadband down since Monday').first().waitFor();
    // Status in words, beside its term.
    await page
      .getByRole('definition')
      .filter({ hasText: /^Received$/ })
      .waitFor();
    await page.getByRole('link', { name: 'Download bill.txt' }).waitFor();

    await page.getByLabel('Your message').fill('Still no connection today.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('status').getByText('Thank you. We have recorded this.').waitFor();
    await page.getByRole('article').filter({ hasText: 'Still no connection today.' }).waitFor();
    await page.getByText('You replied').waitFor();

    // The language switch: the page in Vietnamese, <html lang> with it.
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: `Khiếu nại ${reference}` }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    await page.getByRole('button', { name: 'Gửi trả lời' }).waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('a bad form shows each error beside its field and a summary that takes focus', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/complain`);
    await page.getByLabel('email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    assert.ok(await summary.evaluate((el) => el === document.activeElement));
    const name = page.getByRole('textbox', { name: 'Your name' });
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    const describedBy = (await name.getAttribute('aria-describedby'))!;
    assert.match(
      await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText(),
      /Enter your name/,
    );
    const email = page.getByRole('textbox', { name: 'Your email address' });
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    await page
      .getByText('Enter an email address in the correct format, like name@example.com')
      .first()
      .waitFor();
    await page.getByText('Enter subject').first().waitFor();
    // The summary's links take the person to the field.
    await summary.getByRole('link', { name: 'Enter your name' }).click();
    assert.ok(await name.evaluate((el) => el === document.activeElement));
    await context.close();
  });

  test('a file too large or of a refused type is refused before upload', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/complain`);
    await page.getByLabel('Choose files').setInputFiles([
      { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
      { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024) },
    ]);
    await page.getByText('setup.exe is not a type of file we can accept').waitFor();
    await page.getByText('huge.pdf is larger than 10 MB').waitFor();
    assert.equal(await page.getByRole('list', { name: 'Files to send' }).count(), 0);
    await context.close();
  });

  test('the form keeps what was typed across a reload', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/complain`);
    await page.getByLabel('subject').fill('Kept subject');
    await page.reload();
    assert.equal(await page.getByLabel('subject').inputValue(), 'Kept subject');
    await context.close();
  });

  test('a reply on the tracking page to a request for information resumes the complaint', async () => {
    const c = await complainByApi(server.url, {
      customer: { name: 'Rob Reply', email: 'rob@example.com', language: 'en' },
    });
    await staffAct(server.url, 'handler', c.reference, 'acknowledge');
    await staffAct(server.url, 'handler', c.reference, 'start-investigation');
    await staffAct(server.url, 'handler', c.reference, 'request-information', {
      questions: ['Which router do you use?'],
    });
    const { context, page } = await openPage(browser);
    await page.goto(c.trackingUrl.replace(/^https?:\/\/[^/]+/, server.url));
    const status = page.getByRole('definition').filter({ hasText: /^Waiting for information/ });
    await status.waitFor();
    // Only the customer's promises: never the internal target; the ombudsman as a right "from".
    const promises = page.getByRole('region', { name: 'Our promises to you' });
    await promises.getByText(/you may go to the ombudsman from .+ \d{4}/).waitFor();
    assert.equal(await promises.getByText(/aim to resolve/).count(), 0);
    assert.equal(await promises.getByText(/ombudsman by /).count(), 0);

    await page.getByLabel('Your message').fill('A Hub 3, bought in 2024.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('status').getByText('Thank you. We have recorded this.').waitFor();
    await page
      .getByRole('definition')
      .filter({ hasText: /^Being investigated$/ })
      .waitFor();
    await page.getByText('Your information was received').waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('after closing, the customer rates the handling: kept informed, speed, fairness, overall (1 to 5) and a comment', async () => {
    const c = await complainByApi(server.url, {
      customer: { name: 'Rita Rater', email: 'rita@example.com', language: 'en' },
    });
    await closeByApi(server.url, c.reference);
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/track/${c.reference}?token=${c.token}`);
    await page
      .getByRole('definition')
      .filter({ hasText: /^Closed$/ })
      .waitFor();
    // What the API does not list is not offered.
    assert.equal(await page.getByText('Withdraw your complaint').count(), 0);
    await page.getByText('Rate how we handled your complaint').click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Choose a rating from 1 to 5').first().waitFor();
    const group = (name: string) => page.getByRole('group', { name });
    await group('How satisfied are you with how we kept you informed? (optional)')
      .getByRole('radio', { name: '3 — neither satisfied nor dissatisfied' })
      .check();
    await group('How satisfied are you with how quickly we dealt with your complaint?')
      .getByRole('radio', { name: '2 — dissatisfied' })
      .check();
    await group('How satisfied are you that the outcome was fair?')
      .getByRole('radio', { name: '5 — very satisfied' })
      .check();
    await group('Overall, how satisfied are you with how we handled your complaint?')
      .getByRole('radio', { name: '4 — satisfied' })
      .check();
    await page.getByLabel('Comments').fill('Fixed, though it took two weeks.');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByRole('status').getByText('Thank you. We have recorded this.').waitFor();
    await page.getByText('You rated our handling').waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test("a link opens in the complaint's language", async () => {
    const c = await complainByApi(server.url, {
      customer: { name: 'Nguyễn Văn An', email: 'an@example.vn', language: 'vi' },
    });
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/track/${c.reference}?token=${c.token}`);
    await page.getByRole('heading', { level: 1, name: `Khiếu nại ${c.reference}` }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    await context.close();
  });

  test('the tracking page, open and closed, has no axe violations in English and Vietnamese at 1280 and 360 px', async () => {
    const open = await complainByApi(server.url, {
      customer: { name: 'Axe Open', email: 'axe.open@example.com', language: 'en' },
    });
    const closed = await complainByApi(server.url, {
      customer: { name: 'Axe Closed', email: 'axe.closed@example.com', language: 'en' },
    });
    await closeByApi(server.url, closed.reference);
    const deadlocked = await complainByApi(server.url, {
      customer: { name: 'Axe Deadlock', email: 'axe.deadlock@example.com', language: 'en' },
    });
    await staffAct(server.url, 'manager', deadlocked.reference, 'deadlock', {
      reason: 'final position',
      customerMessage: 'We have done all we can.',
    });
    for (const lang of ['en', 'vi'] as const) {
      for (const width of WIDTHS) {
        for (const c of [open, closed, deadlocked]) {
          const { context, page } = await openPage(browser, { width });
          await page.goto(`${server.url}/track/${c.reference}?token=${c.token}`);
          await chooseLanguage(page, lang);
          await page
            .getByRole('heading', { level: 2, name: STRINGS[lang].track.promises })
            .waitFor();
          if (c === deadlocked) {
            await page
              .getByRole('heading', { level: 2, name: STRINGS[lang].track.adrTitle })
              .waitFor();
          }
          assert.deepEqual(await axeViolations(page), [], `${c.reference} ${lang} ${width}`);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth > window.innerWidth,
          );
          assert.equal(overflow, false, `${c.reference} ${lang} ${width}: scrolls sideways`);
          await context.close();
        }
      }
    }
  });
});
