// The dashboard and the regulator returns, opened with complaints behind their figures, for the
// browser tests (dashboard.test.ts) and `npm run screenshots`.
import type { Page } from 'playwright-core';
import enReports from '../../web/src/i18n/locales/en-reports.ts';
import viReports from '../../web/src/i18n/locales/vi-reports.ts';
import { apiAs } from './case-helpers.ts';
import { closeByApi, complainByApi, STAFF } from './harness.ts';
import { openSignedIn, STRINGS, type AppPage, type Lang } from './pages.ts';

export const REPORTS = { en: enReports.reports, vi: viReports.reports } as const;

/** The FCA return's first half of 2026, where the seeded FCA complaints fall. */
export const FCA_PERIOD = '?periodStart=2026-01-01&periodEnd=2026-06-30';
const DAY = 86_400_000;

const seeded = new Map<string, Promise<void>>();

/** A few complaints behind the figures (once per server): on the UK code of practice one
 *  answered, closed and rated, one open by phone, one received weeks ago and now breaching its
 *  target; on the FCA policy two from the first half of 2026, one without a product code. */
export function seedReports(url: string): Promise<void> {
  if (!seeded.has(url)) seeded.set(url, seed(url));
  return seeded.get(url)!;
}

async function seed(url: string) {
  const api = await apiAs(url, STAFF.handler.email);
  const create = (body: Record<string, unknown>) =>
    api('POST', '/complaints', {
      customer: { name: 'Rhea Report', email: 'rhea@example.com' },
      subject: 'A complaint behind the figures',
      description: 'Seeded for the dashboard.',
      ...body,
    }) as Promise<{ reference: string }>;
  const closed = await complainByApi(url, {
    customer: { name: 'Cara Closed', email: 'cara@example.com', language: 'en' },
  });
  await closeByApi(url, closed.reference);
  await fetch(`${url}/api/v1/public/complaints/${closed.reference}/rate-satisfaction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tracking-token': closed.token },
    body: JSON.stringify({ score: 4, comment: 'Fixed quickly, thank you.' }),
  });
  const manager = await apiAs(url, STAFF.manager.email);
  const phone = await create({
    policy: 'uk-comms-ombudsman',
    channel: 'phone',
    category: 'billing',
    receivedAt: new Date(Date.now() - 3 * DAY).toISOString(),
  });
  await manager('POST', `/complaints/${phone.reference}/actions/flag`, {
    flag: 'vulnerable_customer',
    reason: 'Recently bereaved; asked for calls only.',
  });
  const late = await create({
    policy: 'uk-comms-ombudsman',
    channel: 'email',
    category: 'network',
    receivedAt: new Date(Date.now() - 40 * DAY).toISOString(),
  });
  await manager('POST', `/complaints/${late.reference}/actions/offer-redress`, {
    kind: 'money',
    description: 'A credit for the days without service.',
    amount: 25.5,
    currency: 'GBP',
  });
  await manager('POST', `/complaints/${late.reference}/actions/record-redress-accepted`, {});
  const fca = await create({
    policy: 'uk-fca-disp',
    channel: 'email',
    receivedAt: '2026-03-10T10:00:00Z',
  });
  await manager('POST', `/complaints/${fca.reference}/actions/classify`, {
    productCode: 'credit_cards',
    causeCode: 'general_admin',
    vulnerability: { identified: true, causedByFirm: false, driver: 'health' },
  });
  await create({ policy: 'uk-fca-disp', channel: 'post', receivedAt: '2026-04-20T10:00:00Z' });
}

/** Waits until no part of the page is still loading. */
export async function loaded(page: Page, lang: Lang) {
  await page.getByText(STRINGS[lang].app.loading).first().waitFor({ state: 'detached' });
}

const filed = new Map<string, Promise<number>>();
/** A filed FCA return (once per server), for the snapshot's page. */
function filedReturn(url: string): Promise<number> {
  if (!filed.has(url))
    filed.set(
      url,
      apiAs(url, STAFF.manager.email).then(async (api) => {
        const r = (await api('POST', '/returns/fca-disp/filed', {
          periodStart: '2026-01-01',
          periodEnd: '2026-06-30',
        })) as { id: number };
        return r.id;
      }),
    );
  return filed.get(url)!;
}

export function reportPages(): AppPage[] {
  return [
    {
      name: 'dashboard-figures',
      open: async (page, url, lang) => {
        await seedReports(url);
        await openSignedIn(page, url, STAFF.manager.email, '/dashboard');
        await page
          .getByRole('table', { name: REPORTS[lang].dashboard.tables.compliance })
          .waitFor();
        await loaded(page, lang);
      },
    },
    {
      name: 'returns',
      open: async (page, url, lang) => {
        await seedReports(url);
        await openSignedIn(page, url, STAFF.manager.email, '/returns');
        await page
          .getByRole('heading', { level: 2, name: REPORTS[lang].returns.kinds['fca-disp'] })
          .waitFor();
        await loaded(page, lang);
      },
    },
    {
      name: 'dashboard-drill',
      open: async (page, url, lang) => {
        await seedReports(url);
        await openSignedIn(
          page,
          url,
          STAFF.manager.email,
          '/dashboard/complaints?report=volumes&groupBy=channel&key=email&measure=received',
        );
        await page.getByRole('list', { name: REPORTS[lang].drill.list }).waitFor();
      },
    },
    {
      name: 'return-filed',
      open: async (page, url, lang) => {
        await seedReports(url);
        const id = await filedReturn(url);
        await openSignedIn(page, url, STAFF.manager.email, `/returns/fca-disp/filed/${id}`);
        await page.getByRole('table', { name: REPORTS[lang].returns.fca.totals }).waitFor();
        await loaded(page, lang);
      },
    },
    {
      name: 'return-fca-disp',
      open: async (page, url, lang) => {
        await seedReports(url);
        await openSignedIn(page, url, STAFF.manager.email, `/returns/fca-disp${FCA_PERIOD}`);
        await page.getByRole('table', { name: REPORTS[lang].returns.fca.totals }).waitFor();
        await loaded(page, lang);
      },
    },
  ];
}
