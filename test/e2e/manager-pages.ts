// The managers' inbox and lessons register, each opened in a state worth looking at (a
// response under review with its preview; a lesson with corrective actions), for
// `npm run screenshots`.
import enManage from '../../web/src/i18n/locales/en-manage.ts';
import viManage from '../../web/src/i18n/locales/vi-manage.ts';
import { apiAs } from './case-helpers.ts';
import { complainByApi, STAFF } from './harness.ts';
import { openSignedIn, type AppPage } from './pages.ts';

const M = { en: enManage, vi: viManage } as const;

/** Set up once per server, however many times the pages are listed. */
const prepared = new Map<string, Promise<{ proposed: string; closed: string; refused: string }>>();

export function managerPages(): AppPage[] {
  const ready = (url: string) => {
    if (!prepared.has(url)) prepared.set(url, setUp(url));
    return prepared.get(url)!;
  };
  const setUp = async (url: string) => {
    const handler = await apiAs(url, STAFF.handler.email);
    const manager = await apiAs(url, STAFF.manager.email);
    const act = (who: typeof handler, ref: string, action: string, body: object = {}) =>
      who('POST', `/complaints/${ref}/actions/${action}`, body);
    const proposed = async (subject: string, language = 'en') => {
      const { reference } = await complainByApi(url, {
        subject,
        customer: {
          name: language === 'vi' ? 'Nguyễn Văn An' : 'Ann Customer',
          email: 'an@example.vn',
          language,
        },
      });
      await act(handler, reference, 'acknowledge');
      await act(handler, reference, 'start-investigation');
      await act(handler, reference, 'propose-response', {
        response:
          'We found a fault at the exchange on 3 November and repaired it. We have credited £12.50 for the days without service.',
        outcome: 'upheld',
        rootCause: 'Exchange fault',
      });
      return reference;
    };
    const first = await proposed('Broadband down for four days');
    await proposed('Mất kết nối internet từ thứ Hai', 'vi');
    const closed = await proposed('Line dropped every evening');
    await act(manager, closed, 'approve-response');
    await act(handler, closed, 'respond', { method: 'email' });
    await act(handler, closed, 'close', {
      summary: 'Evening drop-outs from a faulty line card at the exchange',
      lessonsLearned: 'Check line cards when drop-outs follow a daily pattern',
    });
    const users = (await manager('GET', '/users?active=true')) as {
      items: { id: string; role: string }[];
    };
    const owner = users.items.find((u) => u.role === 'handler')!.id;
    const a = (await manager('POST', `/lessons/${closed}/actions`, {
      description: 'Replace the line cards on the estate',
      ownerId: owner,
      dueOn: '2026-01-15',
    })) as { id: number };
    await manager('PATCH', `/lessons/${closed}/actions/${a.id}`, {
      doneOn: '2026-01-10',
      effectiveness: 'effective',
      effectivenessNote: 'No drop-outs reported since the cards were replaced',
    });
    await manager('POST', `/lessons/${closed}/actions`, {
      description: 'Alarm on repeated evening drop-outs',
      ownerId: owner,
      dueOn: '2026-02-01',
    });
    // A vexatious complaint whose customer asks for the deadlock letter: a refusal to decide.
    const { reference: refused } = await complainByApi(url, { subject: 'I want the letter now' });
    await act(handler, refused, 'acknowledge');
    await act(handler, refused, 'start-investigation');
    await act(manager, refused, 'flag', {
      flag: 'vexatious',
      reason: 'Forty calls in a week with abusive language',
    });
    await act(handler, refused, 'request-deadlock-letter');
    return { proposed: first, closed, refused };
  };
  return [
    {
      name: 'inbox-approvals',
      open: async (page, url, lang) => {
        const { proposed } = await ready(url);
        await openSignedIn(page, url, STAFF.manager.email, '/inbox/approvals');
        const review = M[lang].inbox.reviewOf.replace('{{reference}}', proposed);
        await page.getByRole('button', { name: review }).click();
        await page.getByRole('region', { name: review }).getByRole('region').waitFor();
      },
    },
    {
      name: 'inbox-decisions',
      open: async (page, url, lang) => {
        const { refused } = await ready(url);
        await openSignedIn(page, url, STAFF.manager.email, '/inbox/decisions');
        const review = M[lang].inbox.reviewOf.replace('{{reference}}', refused);
        await page.getByRole('button', { name: review }).click();
        const region = page.getByRole('region', { name: review });
        await region.getByRole('button').first().click();
        await region.getByRole('form').waitFor();
      },
    },
    {
      name: 'lessons',
      open: async (page, url, lang) => {
        await ready(url);
        await openSignedIn(page, url, STAFF.manager.email, '/lessons');
        await page.getByRole('article').first().waitFor();
        await page.getByText(M[lang].lessons.badge.effective, { exact: true }).first().waitFor();
      },
    },
  ];
}
