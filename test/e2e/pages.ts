// Every page of the web app with what it needs to show, for the axe run and the screenshots.
import type { Browser, Page } from 'playwright-core';
import enAdmin from '../../web/src/i18n/locales/en-admin.ts';
import enComplain from '../../web/src/i18n/locales/en-complain.ts';
import enQueue from '../../web/src/i18n/locales/en-queue.ts';
import enStaff from '../../web/src/i18n/locales/en-staff.ts';
import en from '../../web/src/i18n/locales/en.ts';
import viAdmin from '../../web/src/i18n/locales/vi-admin.ts';
import viComplain from '../../web/src/i18n/locales/vi-complain.ts';
import viQueue from '../../web/src/i18n/locales/vi-queue.ts';
import viStaff from '../../web/src/i18n/locales/vi-staff.ts';
import vi from '../../web/src/i18n/locales/vi.ts';
import {
  axeViolations,
  closeByApi,
  complainByApi,
  openPage,
  pageProblems,
  PASSWORD,
  STAFF,
  staffAct,
} from './harness.ts';

export type Lang = 'en' | 'vi';
/** The app's own strings, so that pages are found by the names a person reads. */
export const STRINGS = {
  en: { ...en, ...enComplain, ...enStaff, ...enQueue, ...enAdmin },
  vi: { ...vi, ...viComplain, ...viStaff, ...viQueue, ...viAdmin },
} as const;

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

/**
 * Opens each page in its own context at a width and in a language, and lists what is wrong: a
 * wrong `<html lang>`, anything wider than the window (WCAG 1.4.10 reflow: wide tables scroll
 * inside their own region), every axe violation, and — with `problems` — the page's errors.
 */
export async function auditPages(
  browser: Browser,
  url: string,
  pages: readonly AppPage[],
  lang: Lang,
  width: number,
  opts: { problems?: boolean } = {},
): Promise<string[]> {
  const found: string[] = [];
  for (const p of pages) {
    const { context, page } = await openPage(browser, {
      width,
      locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
    });
    await p.open(page, url, lang);
    const htmlLang = await page.evaluate(() => document.documentElement.lang);
    if (htmlLang !== lang) found.push(`${p.name}: <html lang="${htmlLang}">, not ${lang}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) found.push(`${p.name}: ${overflow}px wider than the window`);
    for (const v of await axeViolations(page)) found.push(`${p.name}: ${v}`);
    if (opts.problems) found.push(...pageProblems(page).map((e) => `${p.name}: ${e}`));
    await context.close();
  }
  return found;
}

const sessions = new Map<string, { name: string; value: string; csrf: string }>();

/** Signs the page's browser context in without the form (one login per server and person,
 *  reused: the login route allows 20 a minute), then opens `path`. */
export async function openSignedIn(page: Page, url: string, email: string, path: string) {
  let s = sessions.get(`${url} ${email}`);
  if (!s) {
    const r = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
    const [pair] = (r.headers.get('set-cookie') ?? '').split(';');
    const at = pair!.indexOf('=');
    const { csrfToken } = (await r.json()) as { csrfToken: string };
    s = { name: pair!.slice(0, at), value: pair!.slice(at + 1), csrf: csrfToken };
    sessions.set(`${url} ${email}`, s);
  }
  await page.context().addCookies([{ name: s.name, value: s.value, url }]);
  await page
    .context()
    .addInitScript((token) => sessionStorage.setItem('redress.csrf', token), s.csrf);
  await page.goto(`${url}${path}`);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).waitFor();
const h2 = (page: Page, name: string) => page.getByRole('heading', { level: 2, name }).waitFor();

export function appPages(): AppPage[] {
  let tracked: { reference: string; token: string } | null = null;
  let closed: { reference: string; token: string } | null = null;
  let deadlocked: { reference: string; token: string } | null = null;
  let queued = false;
  /** A few complaints, so that the queue shows rows with their clocks. */
  const fillQueue = async (url: string) => {
    if (queued) return;
    queued = true;
    await complainByApi(url, { subject: 'Invoice charged twice in November' });
    await complainByApi(url, { subject: 'Engineer did not come on Tuesday' });
    await complainByApi(url, {
      subject: 'Mất kết nối internet từ thứ Hai',
      customer: { name: 'Nguyễn Văn An', email: 'an@example.vn', language: 'vi' },
    });
  };
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
      // The rating form opened: the four survey questions and a comment.
      name: 'track-rating',
      open: async (page, url, lang) => {
        if (!closed) {
          closed = await complainByApi(url, {
            customer: { name: 'Cara Closed', email: 'cara@example.com', language: 'en' },
          });
          await closeByApi(url, closed.reference);
        }
        await page.goto(`${url}/track/${closed.reference}?token=${closed.token}&lang=${lang}`);
        await page.getByText(STRINGS[lang].actions.rate, { exact: true }).click();
        await page.getByRole('group', { name: STRINGS[lang].actions.rateScore }).waitFor();
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
        await fillQueue(url);
        await signIn(page, url, STAFF.handler.email, lang);
        await page.getByRole('list', { name: STRINGS[lang].queue.list }).waitFor();
      },
    },
    {
      name: 'queue-filters',
      open: async (page, url, lang) => {
        const Q = STRINGS[lang].queue;
        await fillQueue(url);
        await openSignedIn(page, url, STAFF.handler.email, '/queue');
        await page.getByRole('button', { name: Q.showFilters }).click();
        await page.getByLabel(Q.f.channel).selectOption('web');
        await page.getByRole('button', { name: Q.apply }).click();
        await page.getByText(Q.activeFilters_one.replace('{{count}}', '1')).waitFor();
      },
    },
    {
      name: 'queue-selected',
      open: async (page, url, lang) => {
        const Q = STRINGS[lang].queue;
        await fillQueue(url);
        await openSignedIn(page, url, STAFF.handler.email, '/queue');
        await page.getByRole('checkbox', { name: Q.selectPage }).check();
        await page.getByRole('heading', { level: 2, name: Q.bulk }).waitFor();
      },
    },
    {
      name: 'queue-shortcuts',
      open: async (page, url, lang) => {
        await fillQueue(url);
        await openSignedIn(page, url, STAFF.handler.email, '/queue');
        await page.getByRole('list', { name: STRINGS[lang].queue.list }).waitFor();
        await page.keyboard.press('?');
        await page.getByRole('dialog', { name: STRINGS[lang].queue.shortcuts.title }).waitFor();
      },
    },
    {
      name: 'log-complaint',
      open: async (page, url, lang) => {
        await openSignedIn(page, url, STAFF.handler.email, '/complaints/new');
        await page
          .getByRole('heading', { level: 1, name: STRINGS[lang].logComplaint.title })
          .waitFor();
      },
    },
    {
      name: 'log-complaint-errors',
      open: async (page, url, lang) => {
        const L = STRINGS[lang].logComplaint;
        await openSignedIn(page, url, STAFF.handler.email, '/complaints/new');
        await page.getByRole('button', { name: L.submit }).click();
        await page.getByRole('alert').first().waitFor();
      },
    },
    {
      name: 'notifications',
      open: async (page, url, lang) => {
        await openSignedIn(page, url, STAFF.handler.email, '/notifications');
        await page.getByText(STRINGS[lang].notifications.empty).waitFor();
      },
    },
    {
      name: 'dashboard',
      open: async (page, url, lang) => {
        await signIn(page, url, STAFF.manager.email, lang);
        await page
          .getByRole('heading', { level: 1, name: STRINGS[lang].staff.dashboardTitle })
          .waitFor();
        await page.getByText(STRINGS[lang].app.loading).first().waitFor({ state: 'detached' });
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
