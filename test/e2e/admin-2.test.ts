// The administrator's second round of screens in Chromium, by roles and accessible names: a
// calendar correction previewed, made and seen as a non-working day with its reason (and undone);
// a mailbox's connection tested against a real IMAP server (dovecot) before and after adding it;
// the privacy screen's retention preview, and a legal hold placed and released. The axe runs of
// these screens are admin.test.ts's loop over admin-pages.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DOVECOT_MISSING, dovecotBinary, startDovecot } from '../helpers/dovecot.ts';
import {
  apiAs,
  launchBrowser,
  openPage,
  pageProblems,
  STAFF,
  startServer,
  type E2EServer,
} from './harness.ts';
import {
  fill,
  openAs,
  previewCorrection,
  privacyFixture,
  submitInvalidUser,
  weekdayAhead,
} from './admin-pages.ts';
import { STRINGS } from './pages.ts';
import { formatDay } from '../../web/src/i18n/format.ts';

const A = STRINGS.en.admin;
const C = A.calendars;
const M = A.mailboxes;
const P = STRINGS.en.privacy;

describe('administration in Chromium: calendars, mailboxes, data protection', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an administrator corrects a day: sees which deadlines move, makes it, and sees the day non-working with its reason', async () => {
    // An open complaint under the Vietnamese procedure (by email: it takes no web form).
    const { reference } = await apiAs<{ reference: string }>(
      server.url,
      'handler',
      'POST',
      '/complaints',
      {
        policy: 'vn-datacentre',
        channel: 'email',
        receivedAt: new Date().toISOString(),
        customer: { name: 'Trần Thị Mai', email: 'mai@example.vn', language: 'vi' },
        subject: 'Máy chủ mất kết nối',
        description: 'Máy chủ của chúng tôi mất kết nối từ sáng thứ Hai.',
      },
    );
    const day = weekdayAhead(7);
    const longDay = formatDay(`${day}T12:00:00Z`, 'en', 'UTC');
    const { context, page } = await openPage(browser);
    await openAs(page, server.url, 'en', 'administrator', '/admin');
    await page.getByRole('main').getByRole('link', { name: A.sections.calendars.title }).click();
    await page.getByRole('heading', { level: 1, name: A.sections.calendars.title }).waitFor();
    // Vietnamese public holidays are listed by name.
    await previewCorrection(page, 'en', day, 'Government notice 45/2026: the office closes');
    await page.getByText(fill(C.correct.would.add, { day: longDay })).waitFor();
    await page.getByText(/The deadlines of \d+ open complaints? would move\./).waitFor();
    await page.getByRole('link', { name: reference }).waitFor();
    // Nothing changed yet.
    const before = await apiAs<{ holidays: { date: string }[] }>(
      server.url,
      'administrator',
      'GET',
      `/policies/vn-datacentre/calendar/${day.slice(0, 4)}`,
    );
    assert.ok(!before.holidays.some((h) => h.date === day));
    await page.getByRole('button', { name: C.correct.confirm }).click();
    await page.getByText(fill(C.correct.made.add, { day: longDay })).waitFor();
    await page.getByText(/The deadlines of \d+ open complaints? moved\./).waitFor();
    // The day is in the year's list as not worked, and the correction says why and who made it.
    const holidays = page.getByRole('table', {
      name: fill(C.holidaysCaption, { year: day.slice(0, 4) }),
    });
    const row = holidays.getByRole('row').filter({ hasText: longDay });
    await row.getByRole('cell', { name: C.kinds.correction }).waitFor();
    const corrections = page.getByRole('table', {
      name: fill(C.correctionsCaption, { year: day.slice(0, 4) }),
    });
    const made = corrections.getByRole('row').filter({ hasText: longDay });
    await made
      .getByRole('cell', { name: 'Government notice 45/2026: the office closes' })
      .waitFor();
    await made.getByText(STAFF.administrator.name).waitFor();
    await made.getByRole('cell', { name: C.changes.add }).waitFor();
    // The complaint's timeline has the re-timing with the reason.
    const complaint = await apiAs<{ timeline: { type: string; reason: string | null }[] }>(
      server.url,
      'administrator',
      'GET',
      `/complaints/${reference}`,
    );
    assert.ok(
      complaint.timeline.some(
        (e) =>
          e.type === 'clock_retimed' && e.reason === 'Government notice 45/2026: the office closes',
      ),
    );
    // Undone: the day is worked again, and the first correction no longer stands.
    await made.getByRole('button', { name: fill(C.undo.add, { date: longDay }) }).click();
    // The form is filled for working the day (waited for: the click re-renders it).
    await page.getByRole('radio', { name: C.correct.remove, checked: true }).waitFor();
    await page.getByLabel(C.correct.reason, { exact: true }).fill('Notice withdrawn');
    await page.getByRole('button', { name: C.correct.preview }).click();
    await page.getByRole('button', { name: C.correct.confirm }).click();
    await page.getByText(fill(C.correct.made.remove, { day: longDay })).waitFor();
    await holidays.getByRole('row').filter({ hasText: longDay }).waitFor({ state: 'detached' });
    await corrections.getByRole('cell', { name: C.standsNo }).waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('holiday names are in Vietnamese on the Vietnamese screen', async () => {
    const { context, page } = await openPage(browser, { locale: 'vi-VN' });
    await openAs(page, server.url, 'vi', 'administrator', '/admin/calendars');
    const V = STRINGS.vi.admin.calendars;
    await page.getByLabel(STRINGS.vi.admin.policy, { exact: true }).selectOption('vn-datacentre');
    await page.getByLabel(V.year, { exact: true }).selectOption('2026');
    const table = page.getByRole('table', { name: fill(V.holidaysCaption, { year: 2026 }) });
    await table.getByRole('cell', { name: 'Quốc khánh', exact: true }).waitFor();
    await table.getByRole('cell', { name: 'Tết Nguyên Đán', exact: true }).first().waitFor();
    await context.close();
  });

  test(
    'an administrator tests a mailbox against a real IMAP server, adds it, and tests it again',
    { skip: dovecotBinary() ? false : DOVECOT_MISSING },
    async () => {
      const dovecot = await startDovecot();
      try {
        const { context, page } = await openPage(browser);
        await openAs(page, server.url, 'en', 'administrator', '/admin/mailboxes');
        const form = page.getByRole('form', { name: M.add.title });
        await form.getByLabel(new RegExp(`^${M.add.address}`)).fill('complaints@example.com');
        await form.getByLabel(M.add.host, { exact: true }).fill(dovecot.host);
        await form.getByRole('checkbox', { name: M.add.tls }).uncheck();
        await form.getByLabel(M.add.port, { exact: true }).fill(String(dovecot.port));
        await form.getByLabel(M.add.username, { exact: true }).fill(dovecot.user);
        await form.getByLabel(M.add.password, { exact: true }).fill('not-the-password');
        await form.getByRole('button', { name: M.test.button, exact: true }).click();
        await form.getByText(M.test.auth_failed).waitFor({ timeout: 30_000 });
        await form.getByLabel(M.add.password, { exact: true }).fill(dovecot.password);
        await form.getByRole('button', { name: M.test.button, exact: true }).click();
        await form
          .getByText(fill(M.test.okImap, { folder: 'INBOX', messages: 0, unseen: 0 }))
          .waitFor({ timeout: 30_000 });
        await form.getByRole('button', { name: M.add.submit }).click();
        await page
          .getByText(fill(M.add.added, { name: 'complaints@example.com' }))
          .first()
          .waitFor();
        // Listed with its connection; the password is nowhere in the page or the API.
        const list = page.getByRole('table', { name: M.listCaption });
        await list
          .getByText(
            fill(M.imapWhere, {
              user: dovecot.user,
              host: dovecot.host,
              port: dovecot.port,
              folder: 'INBOX',
            }),
          )
          .waitFor();
        assert.ok(!(await page.content()).includes(dovecot.password));
        const api = await apiAs(server.url, 'administrator', 'GET', '/mailboxes');
        assert.ok(!JSON.stringify(api).includes(dovecot.password));
        await list
          .getByRole('button', {
            name: fill(M.test.buttonFor, { name: 'complaints@example.com' }),
          })
          .click();
        await list
          .getByText(fill(M.test.okImap, { folder: 'INBOX', messages: 0, unseen: 0 }))
          .waitFor({ timeout: 30_000 });
        await list
          .getByRole('button', { name: fill(M.showMails, { name: 'complaints@example.com' }) })
          .click();
        await page.getByText(M.noMail).waitFor();
        assert.deepEqual(pageProblems(page), []);
        await context.close();
      } finally {
        await dovecot.destroy();
      }
    },
  );

  test('departments and users share one form: a refusal beside its field, then added and changed', async () => {
    const D = A.departments;
    const U = A.users;
    const { context, page } = await openPage(browser);
    await openAs(page, server.url, 'en', 'administrator', '/admin/departments');
    const add = page.getByRole('region', { name: D.add });
    await add.getByLabel(new RegExp(`^${D.id}`)).fill('complaints-review');
    await add.getByLabel(D.name, { exact: true }).fill('Complaints review');
    await add.getByRole('button', { name: D.create }).click();
    await add.getByText(fill(D.created, { name: 'Complaints review' })).waitFor();
    // The same id again: refused beside the id field.
    await add.getByLabel(new RegExp(`^${D.id}`)).fill('complaints-review');
    await add.getByLabel(D.name, { exact: true }).fill('Another');
    await add.getByRole('button', { name: D.create }).click();
    const id = add.getByLabel(new RegExp(`^${D.id}`));
    await page.waitForFunction(
      () => document.getElementById('department-id')?.getAttribute('aria-invalid') === 'true',
    );
    assert.match(String(await id.getAttribute('aria-describedby')), /department-id-error/);
    await page.getByRole('button', { name: fill(D.rename, { name: 'Complaints review' }) }).click();
    await page
      .getByLabel(fill(D.newName, { id: 'complaints-review' }))
      .fill('Complaints quality review');
    await page.getByRole('button', { name: D.saveName }).click();
    await page.getByText(fill(D.renamed, { name: 'Complaints quality review' })).waitFor();

    await page.goto(`${server.url}/admin/users`);
    const newUser = page.getByRole('region', { name: U.add });
    await newUser.getByLabel(U.email, { exact: true }).fill(STAFF.auditor.email);
    await newUser.getByLabel(U.name, { exact: true }).fill('Someone Else');
    await newUser.getByRole('button', { name: U.create }).click();
    await page.waitForFunction(
      () => document.getElementById('user-email')?.getAttribute('aria-invalid') === 'true',
    );
    await newUser.getByLabel(U.email, { exact: true }).fill('reviewer@e2e.test');
    await newUser.getByRole('button', { name: U.create }).click();
    await newUser.getByText(fill(U.created, { name: 'Someone Else' })).waitFor();
    assert.equal(
      await newUser.getByLabel(U.email, { exact: true }).getAttribute('aria-invalid'),
      null,
    );
    await page.getByRole('button', { name: fill(U.change, { name: 'Someone Else' }) }).click();
    await page.getByLabel(U.role).last().selectOption('manager');
    await page.getByRole('button', { name: U.save }).click();
    await page.getByText(fill(U.saved, { name: 'Someone Else' })).waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('on a Vietnamese screen the server’s refusal is said in Vietnamese beside each field', async () => {
    const { context, page } = await openPage(browser, { locale: 'vi-VN', width: 360 });
    await openAs(page, server.url, 'vi', 'administrator', '/admin/users');
    const form = await submitInvalidUser(page, 'vi');
    const V = STRINGS.vi;
    const errorOf = async (label: string) => {
      const field = form.getByLabel(label, { exact: true });
      assert.equal(await field.getAttribute('aria-invalid'), 'true', label);
      const ids = String(await field.getAttribute('aria-describedby')).split(' ');
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      return texts.join(' ');
    };
    assert.ok((await errorOf(V.admin.users.email)).includes(V.fieldIssue.email));
    assert.ok((await errorOf(V.admin.users.name)).includes(V.fieldIssue.required));
    // Not the server's English, anywhere on the form.
    assert.equal(await form.getByText(/Invalid|expected|Too small/).count(), 0);
    if (process.env.REDRESS_SHOTS)
      await page.screenshot({
        path: `${process.env.REDRESS_SHOTS}/users-refused-vi-360.png`,
        fullPage: true,
      });
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });

  test('the privacy screen previews retention; a legal hold is placed and released with reasons', async () => {
    const { reference, requestId } = await privacyFixture(server.url);
    const { context, page } = await openPage(browser);
    await openAs(page, server.url, 'en', 'administrator', '/admin');
    await page.getByRole('main').getByRole('link', { name: A.sections.privacy.title }).click();
    await page.getByRole('heading', { level: 1, name: A.sections.privacy.title }).waitFor();
    const retention = page.getByRole('region', { name: P.retention.title });
    await retention.getByText(fill(P.retention.ahead_one, { n: 1 })).waitFor();
    await retention
      .getByRole('cell', { name: fill(P.retention.complaints_one, { n: 1 }) })
      .waitFor();
    await retention.getByText(P.retention.heldNone).waitFor();
    // A hold on the complaint: it leaves the preview.
    const holds = page.getByRole('region', { name: P.holds.title });
    await holds.getByLabel(P.holds.reference, { exact: true }).fill(reference);
    await holds
      .getByLabel(P.holds.reason, { exact: true })
      .fill('Claim issued in the county court');
    await holds.getByRole('button', { name: P.holds.placeButton }).click();
    await holds.getByText(fill(P.holds.placed, { what: reference })).waitFor();
    const table = holds.getByRole('table', { name: P.holds.caption });
    await table.getByRole('cell', { name: 'Claim issued in the county court' }).waitFor();
    await table.getByText(STAFF.administrator.name).waitFor();
    await retention.getByText(fill(P.retention.held_one, { n: 1 })).waitFor();
    await retention.getByText(P.retention.nothing).waitFor();
    // Released with a reason: back in the preview, and kept in the list of every hold.
    await table.getByRole('button', { name: fill(P.holds.release, { what: reference }) }).click();
    await holds.getByLabel(P.holds.releaseReason).fill('The claim was settled');
    await holds
      .getByRole('button', { name: fill(P.holds.releaseConfirm, { what: reference }) })
      .click();
    await holds.getByText(fill(P.holds.released, { what: reference })).waitFor();
    await holds.getByText(P.holds.none).waitFor();
    await retention.getByText(fill(P.retention.ahead_one, { n: 1 })).waitFor();
    await holds.getByRole('checkbox', { name: P.holds.showReleased }).check();
    await holds.getByText('The claim was settled').waitFor();
    // The data request is listed with its clock, and opens.
    const requests = page.getByRole('region', { name: P.requests.title });
    await requests.getByText(new RegExp(`^${P.requests.answerBy}`)).waitFor();
    await requests
      .getByRole('link', {
        name: fill(P.requests.linkText, { kind: P.requests.kinds.access, customer: 'Priya Patel' }),
      })
      .click();
    await page.waitForURL(new RegExp(`/admin/privacy/requests/${requestId}$`));
    await page.getByText(P.requests.regimes.uk).waitFor();
    assert.deepEqual(pageProblems(page), []);
    await context.close();
  });
});
