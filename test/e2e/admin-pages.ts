// The administrator's and the auditor's screens, each opened in a state worth looking at, for
// the axe runs of admin.test.ts and for `npm run screenshots`.
import type { Page } from 'playwright-core';
import { STAFF } from './harness.ts';
import { signIn, STRINGS, type AppPage, type Lang } from './pages.ts';

const A = (lang: Lang) => STRINGS[lang].admin;
const U = (lang: Lang) => STRINGS[lang].audit;

export async function openAs(
  page: Page,
  url: string,
  lang: Lang,
  who: 'administrator' | 'auditor',
  path: string,
) {
  await signIn(page, url, STAFF[who].email, lang);
  await page.goto(`${url}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
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
