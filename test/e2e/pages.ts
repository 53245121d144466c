// Every page of the web app with what it needs to show, for the axe run and the screenshots.
import type { Page } from 'playwright-core';
import enStaff from '../../web/src/i18n/locales/en-staff.ts';
import en from '../../web/src/i18n/locales/en.ts';
import viStaff from '../../web/src/i18n/locales/vi-staff.ts';
import vi from '../../web/src/i18n/locales/vi.ts';
import { closeByApi, complainByApi, PASSWORD, STAFF, staffAct } from './harness.ts';

export type Lang = 'en' | 'vi';
/** The app's own strings, so that pages are found by the names a person reads. */
export const STRINGS = { en: { ...en, ...enStaff }, vi: { ...vi, ...viStaff } } as const;

export interface AppPage {
  name: string;
  /** Opens the page (signing in first for staff pages) and waits until it has its content. */
  open(page: Page, url: string, lang: Lang): Promise<void>;
}

export async function signIn(page: Page, url: string, email: string, lang: Lang = 'en') {
  const L = STRINGS[lang].login;
  await page.goto(`${url}/login`);
  await page.getByLabel(L.email).fill(email);
  await page.getByLabel(L.password).fill(PASSWORD);
  await page.getByRole('button', { name: L.submit }).click();
  await page.waitForURL(/\/(queue|dashboard)$/);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).waitFor();
const h2 = (page: Page, name: string) => page.getByRole('heading', { level: 2, name }).waitFor();

export function appPages(): AppPage[] {
  let tracked: { reference: string; token: string } | null = null;
  let closed: { reference: string; token: string } | null = null;
  let deadlocked: { reference: string; token: string } | null = null;
  return [
    {
      name: 'home',
      open: async (page, url, lang) => {
        await page.goto(`${url}/`);
        await h2(page, STRINGS[lang].home.trackTitle);
      },
    },
    {
      name: 'complain',
      open: async (page, url, lang) => {
        await page.goto(`${url}/complain`);
        await page.getByLabel(STRINGS[lang].complain.description, { exact: true }).waitFor();
      },
    },
    {
      name: 'complain-errors',
      open: async (page, url, lang) => {
        await page.goto(`${url}/complain`);
        await page.getByRole('button', { name: STRINGS[lang].complain.send }).click();
        await h2(page, STRINGS[lang].field.errorSummary);
      },
    },
    {
      name: 'receipt',
      open: async (page, url, lang) => {
        const C = STRINGS[lang].complain;
        await page.goto(`${url}/complain`);
        await page.getByLabel(C.name).fill('Ann Customer');
        await page.getByLabel(C.email).fill('ann@example.com');
        await page.getByLabel(C.subject, { exact: true }).fill('Broadband down since Monday');
        await page
          .getByLabel(C.description, { exact: true })
          .fill('No connection since Monday 8am.');
        await page.getByRole('button', { name: C.send }).click();
        await h2(page, STRINGS[lang].receipt.promises);
      },
    },
    {
      name: 'track',
      open: async (page, url, lang) => {
        tracked ??= await complainByApi(url);
        await page.goto(`${url}/track/${tracked.reference}?token=${tracked.token}&lang=${lang}`);
        await h2(page, STRINGS[lang].track.promises);
      },
    },
    {
      name: 'track-closed',
      open: async (page, url, lang) => {
        if (!closed) {
          closed = await complainByApi(url, {
            customer: { name: 'Cara Closed', email: 'cara@example.com', language: 'en' },
          });
          await closeByApi(url, closed.reference);
        }
        await page.goto(`${url}/track/${closed.reference}?token=${closed.token}&lang=${lang}`);
        await h2(page, STRINGS[lang].track.actions);
      },
    },
    {
      name: 'track-deadlocked',
      open: async (page, url, lang) => {
        if (!deadlocked) {
          deadlocked = await complainByApi(url, {
            customer: { name: 'Dan Deadlock', email: 'dan@example.com', language: 'en' },
          });
          await staffAct(url, 'manager', deadlocked.reference, 'deadlock', {
            reason: 'final position',
            customerMessage: 'We have done all we can to resolve your complaint.',
          });
        }
        await page.goto(
          `${url}/track/${deadlocked.reference}?token=${deadlocked.token}&lang=${lang}`,
        );
        await h2(page, STRINGS[lang].track.adrTitle);
      },
    },
    {
      name: 'track-not-found',
      open: async (page, url, _lang) => {
        await page.goto(`${url}/track/RD-2026-999999?token=wrong`);
        await page.getByRole('alert').waitFor();
      },
    },
    {
      name: 'procedure',
      open: async (page, url, _lang) => {
        await page.goto(`${url}/procedure/uk-comms-ombudsman`);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
      },
    },
    {
      name: 'procedure-vn',
      open: async (page, url, _lang) => {
        await page.goto(`${url}/procedure/vn-datacentre`);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
      },
    },
    {
      name: 'login',
      open: async (page, url, _lang) => {
        await page.goto(`${url}/login`);
        await h1(page);
      },
    },
    {
      name: 'queue',
      open: async (page, url, lang) => {
        await signIn(page, url, STAFF.handler.email, lang);
        await page.getByRole('heading', { level: 2, name: STRINGS[lang].staff.links }).waitFor();
      },
    },
    {
      name: 'dashboard',
      open: async (page, url, lang) => {
        await signIn(page, url, STAFF.manager.email, lang);
        await page.getByRole('heading', { level: 2, name: STRINGS[lang].staff.links }).waitFor();
      },
    },
    {
      name: 'not-found',
      open: async (page, url, _lang) => {
        await page.goto(`${url}/no-such-page`);
        await h1(page);
      },
    },
  ];
}

/** Picks a language on a page that is open, by the language switch. */
export async function chooseLanguage(page: Page, lang: Lang) {
  await page.getByRole('button', { name: lang === 'vi' ? 'Tiếng Việt' : 'English' }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}
