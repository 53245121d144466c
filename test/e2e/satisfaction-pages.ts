// Rated complaints for the browser tests of the survey's answers (satisfaction.test.ts) and
// `npm run screenshots`: the dashboard's satisfaction section with the customers' comments, and
// the workspace of a rated complaint with its answers and its tracking link shown.
import type { Page } from 'playwright-core';
import { CASE } from './case-helpers.ts';
import { closeByApi, complainByApi, STAFF } from './harness.ts';
import { openSignedIn, type AppPage, type Lang } from './pages.ts';
import { loaded, REPORTS } from './report-pages.ts';

export interface Rated {
  reference: string;
  trackingUrl: string;
  comment: string;
}

/** The survey's answers the tests read back (kept informed, speed, fairness, overall). */
export const ANSWERS = { keptInformed: 4, speed: 2, fairness: 5, score: 3 } as const;
export const COMMENTS = {
  en: 'The engineer kept me posted every day, but it took three weeks to fix.',
  vi: 'Nhân viên gọi cập nhật cho tôi hằng ngày, nhưng ba tuần mới sửa xong.',
} as const;

const seeded = new Map<string, Promise<Rated[]>>();

/** Two complaints closed and rated with a comment, one in each language (once per server). */
export function seedRated(url: string): Promise<Rated[]> {
  if (!seeded.has(url)) seeded.set(url, seed(url));
  return seeded.get(url)!;
}

async function seed(url: string): Promise<Rated[]> {
  const rated: Rated[] = [];
  for (const lang of ['vi', 'en'] as const) {
    const c = await complainByApi(url, {
      customer: {
        name: lang === 'vi' ? 'Trần Thị Mai' : 'Rob Rater',
        email: `rated.${lang}@example.com`,
        language: lang,
      },
      subject: lang === 'vi' ? 'Mất mạng nhiều ngày' : 'Line down for three weeks',
    });
    await closeByApi(url, c.reference);
    const r = await fetch(`${url}/api/v1/public/complaints/${c.reference}/rate-satisfaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tracking-token': c.token },
      body: JSON.stringify({ ...ANSWERS, comment: COMMENTS[lang] }),
    });
    if (r.status !== 200) throw new Error(`rating failed: ${r.status} ${await r.text()}`);
    rated.push({ reference: c.reference, trackingUrl: c.trackingUrl, comment: COMMENTS[lang] });
  }
  return rated;
}

/** The dashboard, its satisfaction section's comments loaded. */
export async function openDashboardComments(page: Page, url: string, lang: Lang) {
  await openSignedIn(page, url, STAFF.manager.email, '/dashboard?policy=uk-comms-ombudsman');
  const R = REPORTS[lang];
  await page
    .getByRole('region', { name: R.satisfaction.commentsTitle })
    .getByRole('listitem')
    .first()
    .waitFor();
  await loaded(page, lang);
}

/** A rated complaint's workspace, as the handler sees it. */
export async function openRatedWorkspace(page: Page, url: string, lang: Lang, reference: string) {
  await openSignedIn(page, url, STAFF.handler.email, `/complaints/${reference}`);
  await page.getByRole('heading', { level: 3, name: CASE[lang].survey.title }).waitFor();
}

export function satisfactionPages(): AppPage[] {
  return [
    {
      name: 'satisfaction-dashboard',
      open: async (page, url, lang) => {
        await seedRated(url);
        await openDashboardComments(page, url, lang);
      },
    },
    {
      name: 'satisfaction-workspace',
      open: async (page, url, lang) => {
        const [vi, en] = await seedRated(url);
        const L = CASE[lang];
        await openRatedWorkspace(page, url, lang, (lang === 'vi' ? vi : en)!.reference);
        await page.getByRole('button', { name: L.trackingLink.show }).click();
        await page.getByRole('textbox', { name: L.trackingLink.label }).waitFor();
      },
    },
  ];
}
