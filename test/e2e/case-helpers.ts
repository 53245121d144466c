// What the case workspace's browser tests share: calls to the API as a signed-in person (for
// setting up what a test does not walk through in the browser), the workspace's strings, and
// taking an action through its button and form, by roles and accessible names.
import type { Page } from 'playwright-core';
import enCase from '../../web/src/i18n/locales/en-case.ts';
import viCase from '../../web/src/i18n/locales/vi-case.ts';
import { axeViolations, complainByApi, PASSWORD, STAFF } from './harness.ts';
import { chooseLanguage, openSignedIn, type AppPage, type Lang } from './pages.ts';

export const CASE = { en: enCase.case, vi: viCase.case } as const;

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<unknown>;

const callers = new Map<string, Promise<ApiCall>>();

/** Signs in over the API (cookie and CSRF token) and returns a caller for /api/v1; one
 *  sign-in per server and person (the login route is rate-limited). */
export function apiAs(url: string, email: string): Promise<ApiCall> {
  const key = `${url} ${email}`;
  if (!callers.has(key)) callers.set(key, signInOverApi(url, email));
  return callers.get(key)!;
}

async function signInOverApi(url: string, email: string): Promise<ApiCall> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Opens the workspace of a complaint (signed in already) and waits for its heading. */
export async function openWorkspace(page: Page, url: string, reference: string, lang: Lang = 'en') {
  await page.goto(`${url}/complaints/${reference}`);
  await page
    .getByRole('heading', {
      level: 1,
      name: CASE[lang].heading.replace('{{reference}}', reference),
    })
    .waitFor();
}

/**
 * Takes an action by its button, fills its form (labels from the case strings), and confirms;
 * waits until the workspace says it is done.
 */
export async function takeAction(
  page: Page,
  action: keyof typeof enCase.case.actions,
  fields: Record<string, string> = {},
  opts: { select?: Record<string, string>; lang?: Lang } = {},
) {
  const L = CASE[opts.lang ?? 'en'];
  const name = L.actions[action];
  await page
    .getByRole('region', { name: L.actionsTitle })
    .getByRole('button', { name, exact: true })
    .click();
  const form = page.getByRole('form', { name, exact: true });
  for (const [field, value] of Object.entries(fields)) {
    await form.getByLabel(L.fields[field as keyof typeof L.fields], { exact: false }).fill(value);
  }
  for (const [field, value] of Object.entries(opts.select ?? {})) {
    await form
      .getByLabel(L.fields[field as keyof typeof L.fields], { exact: false })
      .selectOption(value);
  }
  await form.getByRole('button', { name: L.form.submit.replace('{{action}}', name) }).click();
  await page.getByText(L.done.replace('{{action}}', name)).waitFor();
}

/** axe on the page as it is, in English and then in Vietnamese (back to English after). */
export async function axeInBothLanguages(page: Page): Promise<string[]> {
  const found = (await axeViolations(page)).map((v) => `en: ${v}`);
  await chooseLanguage(page, 'vi');
  found.push(...(await axeViolations(page)).map((v) => `vi: ${v}`));
  await chooseLanguage(page, 'en');
  return found;
}

/** The workspace's status line, e.g. "Investigating". */
export async function waitForStatus(page: Page, status: keyof typeof enCase.case.status) {
  // The status is the summary's first item.
  await page
    .getByRole('region', { name: CASE.en.summary.title })
    .getByRole('definition')
    .first()
    .getByText(CASE.en.status[status], { exact: true })
    .waitFor();
}

/** A complaint with some history: acknowledged, investigated, a note, information asked for. */
export async function busyComplaint(url: string, handlerEmail: string) {
  const c = await complainByApi(url, {
    customer: {
      name: 'Ann Customer',
      email: 'ann@example.com',
      phone: '020 7946 0000',
      language: 'en',
      needs: 'Large print, please',
    },
    remedySought: 'A working line and a refund for the days without it.',
  });
  const api = await apiAs(url, handlerEmail);
  const act = (action: string, body: object = {}) =>
    api('POST', `/complaints/${c.reference}/actions/${action}`, body);
  await act('acknowledge');
  await act('start-investigation');
  await act('add-note', {
    text: 'Line test shows a fault at the exchange. @manager for a credit?',
  });
  await act('request-information', { questions: ['Which days was the line down?'] });
  return c;
}

/** The workspace's screens for the screenshots: a complaint with history, and an open form. */
export function workspacePages(): AppPage[] {
  let c: { reference: string } | null = null;
  const open = async (page: Page, url: string, lang: Lang) => {
    c ??= await busyComplaint(url, STAFF.handler.email);
    await openSignedIn(page, url, STAFF.handler.email, `/complaints/${c.reference}`);
    await page
      .getByRole('heading', {
        level: 1,
        name: CASE[lang].heading.replace('{{reference}}', c.reference),
      })
      .waitFor();
  };
  return [
    { name: 'workspace', open },
    {
      name: 'workspace-form',
      open: async (page, url, lang) => {
        await open(page, url, lang);
        const L = CASE[lang];
        await page.getByRole('button', { name: L.actions['report-progress'], exact: true }).click();
        const form = page.getByRole('form', { name: L.actions['report-progress'] });
        await form
          .getByLabel(L.fields.message, { exact: false })
          .fill(
            lang === 'vi'
              ? 'Kỹ thuật viên sẽ đến kiểm tra vào thứ Năm.'
              : 'An engineer will visit on Thursday.',
          );
        await form.getByRole('button', { name: L.form.preview }).click();
        await page.getByRole('region', { name: L.preview.title }).waitFor();
      },
    },
  ];
}
