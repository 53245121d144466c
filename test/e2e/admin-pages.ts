// The administrator's and the auditor's screens, each opened in a state worth looking at, for
// the axe runs of admin.test.ts and for `npm run screenshots`.
import type { Page } from 'playwright-core';
import { freePort } from '../helpers/dovecot.ts';
import { apiAs, closeByApi, complainByApi, STAFF } from './harness.ts';
import { openSignedIn, STRINGS, type AppPage, type Lang } from './pages.ts';

const A = (lang: Lang) => STRINGS[lang].admin;
const U = (lang: Lang) => STRINGS[lang].audit;
const P = (lang: Lang) => STRINGS[lang].privacy;

/** Opens a page signed in (without the form: the login route allows 20 a minute); the
 *  language is the browser context's. */
export async function openAs(
  page: Page,
  url: string,
  _lang: Lang,
  who: 'administrator' | 'auditor',
  path: string,
) {
  await openSignedIn(page, url, STAFF[who].email, path);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The new-user form sent with an email that is none and no name: the server refuses both, and
 *  each field says why in the language shown (waits until both do). */
export async function submitInvalidUser(page: Page, lang: Lang) {
  const users = A(lang).users;
  const form = page.getByRole('region', { name: users.add });
  await form.getByLabel(users.email, { exact: true }).fill('not an email');
  await form.getByLabel(users.name, { exact: true }).fill('');
  await form.getByRole('button', { name: users.create }).click();
  await form.getByText(STRINGS[lang].fieldIssue.email, { exact: true }).waitFor();
  await form.getByText(STRINGS[lang].fieldIssue.required, { exact: true }).waitFor();
  return form;
}

/** A string with its {{placeholders}} filled. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

export interface PrivacyFixture {
  reference: string;
  customerId: string;
  requestId: string;
}
const privacyFixtures = new Map<string, Promise<PrivacyFixture>>();

/** Once per server: a closed complaint (anonymised two years after closing) and a request for
 *  access to its customer's data, for the privacy screen to show. */
export function privacyFixture(url: string): Promise<PrivacyFixture> {
  let f = privacyFixtures.get(url);
  if (!f) {
    f = (async () => {
      const { reference } = await complainByApi(url, {
        customer: { name: 'Priya Patel', email: 'priya@example.com', language: 'en' },
      });
      await closeByApi(url, reference);
      const c = await apiAs<{ customer: { id: string } }>(
        url,
        'administrator',
        'GET',
        `/complaints/${reference}`,
      );
      const r = await apiAs<{ id: string }>(url, 'administrator', 'POST', '/privacy/requests', {
        customerId: c.customer.id,
        kind: 'access',
      });
      return { reference, customerId: c.customer.id, requestId: r.id };
    })();
    privacyFixtures.set(url, f);
  }
  return f;
}

const erasures = new Map<string, Promise<string>>();

/** Once per server: a request to erase the fixture customer's data, in progress (so erasure is
 *  offered, and refused: the closed complaint's retention period runs two years). */
export function erasureFixture(url: string): Promise<string> {
  let e = erasures.get(url);
  if (!e) {
    e = (async () => {
      const { customerId } = await privacyFixture(url);
      const r = await apiAs<{ id: string }>(url, 'administrator', 'POST', '/privacy/requests', {
        customerId,
        kind: 'erasure',
      });
      await apiAs(url, 'administrator', 'POST', `/privacy/requests/${r.id}/actions/start`, {});
      return r.id;
    })();
    erasures.set(url, e);
  }
  return e;
}

const mailboxes = new Map<string, Promise<string>>();

/** Once per server: an SMTP listener mailbox (nothing listens: the e2e server runs no worker). */
export function smtpMailbox(url: string): Promise<string> {
  let m = mailboxes.get(url);
  if (!m) {
    m = (async () => {
      const box = await apiAs<{ name: string }>(url, 'administrator', 'POST', '/mailboxes', {
        kind: 'smtp',
        listenPort: await freePort(),
        address: 'listener@example.com',
        policyId: 'uk-comms-ombudsman',
      });
      return box.name;
    })();
    mailboxes.set(url, m);
  }
  return m;
}

/** A working day (Monday to Friday) at least a week ahead, as YYYY-MM-DD. */
export function weekdayAhead(days = 7): string {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Fills the calendar correction form (the year picked to match the day) and asks what it would do. */
export async function previewCorrection(
  page: Page,
  lang: Lang,
  day: string,
  reason: string,
  policy = 'vn-datacentre',
) {
  const C = A(lang).calendars;
  await page.getByLabel(A(lang).policy, { exact: true }).selectOption(policy);
  await page.getByLabel(C.year, { exact: true }).selectOption(day.slice(0, 4));
  await page
    .getByRole('table', { name: fill(C.holidaysCaption, { year: day.slice(0, 4) }) })
    .waitFor();
  await page.getByLabel(C.correct.date, { exact: true }).fill(day);
  await page.getByRole('radio', { name: C.correct.add }).check();
  await page.getByLabel(C.correct.reason, { exact: true }).fill(reason);
  await page.getByRole('button', { name: C.correct.preview }).click();
  await page.getByRole('button', { name: C.correct.confirm }).waitFor();
}

/** The draft editor's text area (its label names it). */
export const draftEditor = (page: Page, lang: Lang) =>
  page.getByRole('textbox', { name: A(lang).draft.text });

export function adminPages(): AppPage[] {
  return [
    {
      name: 'admin',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin');
        await page
          .getByRole('link', { name: A(lang).sections.policies.title })
          .first()
          .waitFor();
      },
    },
    {
      name: 'admin-policies',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/policies');
        await draftEditor(page, lang).waitFor();
        await page
          .getByRole('button', { name: A(lang).policies.readText.replace('{{n}}', '1') })
          .first()
          .click();
        await page.getByRole('heading', { level: 4 }).first().waitFor();
      },
    },
    {
      name: 'admin-policies-errors',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/policies');
        const editor = draftEditor(page, lang);
        await editor.fill((await editor.inputValue()).replace(/"amount": \d+/, '"amount": -24'));
        await page.getByRole('button', { name: A(lang).draft.check }).click();
        await page.getByText(/^clocks\.\w+\.amount$/).waitFor();
      },
    },
    {
      name: 'admin-policies-checked',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/policies');
        const editor = draftEditor(page, lang);
        await editor.fill(
          (await editor.inputValue())
            .replace(/"effectiveFrom": "[^"]+"/, '"effectiveFrom": "2031-01-01"')
            .replace('"amount": 24', '"amount": 48'),
        );
        await page.getByRole('button', { name: A(lang).draft.check }).click();
        await page.getByRole('table', { name: new RegExp(A(lang).draft.deadlines) }).waitFor();
      },
    },
    {
      name: 'admin-calendars',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/calendars');
        await page.getByRole('heading', { level: 2, name: A(lang).calendars.holidays }).waitFor();
      },
    },
    {
      name: 'admin-calendars-preview',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/calendars');
        await previewCorrection(page, lang, weekdayAhead(), 'Office closed for a move');
      },
    },
    {
      name: 'admin-templates',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/templates');
        await page
          .getByRole('button', { name: new RegExp(`^${A(lang).templates.edit}`) })
          .first()
          .click();
        await page.getByRole('textbox', { name: A(lang).templates.body }).waitFor();
        await page.getByText(A(lang).templates.complete).first().waitFor();
      },
    },
    {
      name: 'admin-users',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/users');
        await page.getByRole('cell', { name: STAFF.auditor.email }).waitFor();
      },
    },
    {
      name: 'admin-users-refused',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/users');
        await submitInvalidUser(page, lang);
      },
    },
    {
      name: 'admin-departments',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/departments');
        await page.getByRole('heading', { level: 2, name: A(lang).departments.add }).waitFor();
      },
    },
    {
      name: 'admin-mailboxes',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/mailboxes');
        await page.getByRole('heading', { level: 2, name: A(lang).mailboxes.flagged }).waitFor();
        await page.getByText(A(lang).mailboxes.noFlagged).waitFor();
      },
    },
    {
      name: 'admin-mailboxes-listed',
      open: async (page, url, lang) => {
        const M = A(lang).mailboxes;
        const name = await smtpMailbox(url);
        await openAs(page, url, lang, 'administrator', '/admin/mailboxes');
        await page.getByRole('button', { name: fill(M.showMails, { name }) }).click();
        await page.getByText(M.noMail).waitFor();
        await page.getByRole('button', { name: fill(M.test.buttonFor, { name }) }).click();
        await page.getByText(M.test.not_listening).waitFor();
      },
    },
    {
      name: 'admin-mailboxes-tested',
      open: async (page, url, lang) => {
        const M = A(lang).mailboxes;
        await openAs(page, url, lang, 'administrator', '/admin/mailboxes');
        await page.getByLabel(new RegExp(`^${M.add.address}`)).fill('complaints@example.com');
        await page.getByLabel(new RegExp(`^${M.add.host}$`)).fill('127.0.0.1');
        await page.getByRole('checkbox', { name: M.add.tls }).uncheck();
        await page.getByLabel(new RegExp(`^${M.add.port}`)).fill('1');
        await page.getByLabel(new RegExp(`^${M.add.username}`)).fill('complaints');
        await page.getByLabel(new RegExp(`^${M.add.password}`)).fill('secret');
        await page.getByRole('button', { name: M.test.button, exact: true }).click();
        await page.getByText(M.test.refused).waitFor();
      },
    },
    {
      name: 'admin-privacy',
      open: async (page, url, lang) => {
        await privacyFixture(url);
        await openAs(page, url, lang, 'administrator', '/admin/privacy');
        await page.getByRole('heading', { level: 2, name: P(lang).retention.title }).waitFor();
        await page.getByRole('heading', { level: 3 }).first().waitFor();
        await page
          .getByRole('link', { name: new RegExp(P(lang).requests.kinds.access) })
          .first()
          .waitFor();
      },
    },
    {
      name: 'admin-privacy-request',
      open: async (page, url, lang) => {
        const { requestId } = await privacyFixture(url);
        await openAs(page, url, lang, 'administrator', `/admin/privacy/requests/${requestId}`);
        await page.getByText(P(lang).requests.answerBy).waitFor();
        await page
          .getByRole('button', { name: P(lang).requests.act.buttons.acknowledge })
          .waitFor();
      },
    },
    {
      name: 'admin-privacy-request-extend',
      open: async (page, url, lang) => {
        const R = P(lang).requests;
        const { requestId } = await privacyFixture(url);
        await openAs(page, url, lang, 'administrator', `/admin/privacy/requests/${requestId}`);
        await page.getByRole('button', { name: R.act.buttons.extend }).click();
        await page.getByRole('button', { name: R.act.extendConfirm }).click();
        await page.getByText(STRINGS[lang].errors['DSR.REASON_REQUIRED']).waitFor();
      },
    },
    {
      name: 'admin-privacy-request-refused',
      open: async (page, url, lang) => {
        const R = P(lang).requests;
        const id = await erasureFixture(url);
        await openAs(page, url, lang, 'administrator', `/admin/privacy/requests/${id}`);
        await page.getByRole('button', { name: R.act.buttons.erase }).click();
        await page
          .getByRole('button', { name: fill(R.act.eraseConfirm, { customer: 'Priya Patel' }) })
          .click();
        await page.getByText(R.act.refused.title).waitFor();
      },
    },
    {
      name: 'admin-tokens',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'administrator', '/admin/tokens');
        await page.getByRole('heading', { level: 2, name: A(lang).tokens.create }).waitFor();
      },
    },
    {
      name: 'audit',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'auditor', '/audit');
        await page.getByRole('table', { name: U(lang).events.caption }).waitFor();
      },
    },
    {
      name: 'audit-verified',
      open: async (page, url, lang) => {
        await openAs(page, url, lang, 'auditor', '/audit');
        await page.getByRole('button', { name: U(lang).verify.runAll }).click();
        await page.getByText(U(lang).verify.intact).waitFor();
      },
    },
  ];
}
