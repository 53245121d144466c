// The managers' inboxes and the lessons-learned register in Chromium: a manager approves a
// response from the approvals inbox having read the message as it will be sent, and the count
// drops; sends another back with a reason, which the handler then reads on the complaint; finds
// a closed complaint in the register by its root cause and adds a corrective action with an
// owner and due date, then marks it done and effective. axe on every inbox tab and on the
// register, en and vi, at 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import enManage from '../../web/src/i18n/locales/en-manage.ts';
import { apiAs, axeInBothLanguages, CASE, openWorkspace } from './case-helpers.ts';
import {
  complainByApi,
  launchBrowser,
  openPage,
  pageProblems,
  STAFF,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { openSignedIn } from './pages.ts';

const L = enManage;
const C = CASE.en;
const DRAFT = 'We found a fault at the exchange and repaired it on Thursday.';

describe('the managers’ inboxes and the lessons register in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  const refs: Record<
    'approve' | 'reject' | 'escalate' | 'decline' | 'deadlock' | 'closed',
    string
  > = {
    decline: '',
    approve: '',
    reject: '',
    escalate: '',
    deadlock: '',
    closed: '',
  };

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const handler = await apiAs(server.url, STAFF.handler.email);
    const manager = await apiAs(server.url, STAFF.manager.email);
    const act = (who: typeof handler, ref: string, action: string, body: object = {}) =>
      who('POST', `/complaints/${ref}/actions/${action}`, body);
    const investigating = async (subject: string) => {
      const { reference } = await complainByApi(server.url, { subject });
      await act(handler, reference, 'acknowledge');
      await act(handler, reference, 'start-investigation');
      return reference;
    };
    const propose = (ref: string) =>
      act(handler, ref, 'propose-response', {
        response: DRAFT,
        outcome: 'upheld',
        rootCause: 'Exchange fault',
      });
    refs.approve = await investigating('Broadband down for four days');
    await propose(refs.approve);
    refs.reject = await investigating('Wrong bill for October');
    await propose(refs.reject);
    refs.escalate = await investigating('Nobody called me back');
    await act(handler, refs.escalate, 'request-escalation', { reason: 'Customer is unhappy' });
    refs.decline = await investigating('Wants the director to call');
    await act(handler, refs.decline, 'request-escalation', { reason: 'Wants the director' });
    refs.deadlock = await investigating('Abusive caller wants a letter');
    await act(manager, refs.deadlock, 'flag', { flag: 'vexatious', reason: 'Repeated abuse' });
    await act(handler, refs.deadlock, 'request-deadlock-letter');
    refs.closed = await investigating('Line dropped every evening');
    await propose(refs.closed);
    await act(manager, refs.closed, 'approve-response');
    await act(handler, refs.closed, 'respond', { method: 'email' });
    await act(handler, refs.closed, 'close', {
      summary: 'Evening drop-outs from a faulty line card',
      lessonsLearned: 'Check line cards when drop-outs follow a pattern',
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const tab = (page: Page, name: keyof typeof L.inbox.tab, count: number) =>
    page.getByRole('navigation', { name: L.inbox.tabs }).getByRole('link', {
      name: `${L.inbox.tab[name]} ${L.inbox.waiting_other.replace('{{count}}', String(count))}`,
    });

  test('a manager approves a response seeing the message as sent, and sends another back with a reason', async () => {
    const { context, page } = await openPage(browser);
    try {
      await openSignedIn(page, server.url, STAFF.manager.email, '/queue');
      await page
        .getByRole('navigation', { name: 'Staff navigation' })
        .getByRole('link', { name: 'Inbox' })
        .click();
      await page.getByRole('heading', { level: 2, name: L.inbox.heading.approvals }).waitFor();
      await tab(page, 'approvals', 2).waitFor();

      await page.getByRole('button', { name: `Review ${refs.approve}` }).click();
      const review = page.getByRole('region', { name: `Review ${refs.approve}` });
      await review.getByText(DRAFT).first().waitFor();
      // The final response as sending it would compose it, with the draft inside.
      const preview = review.getByRole('region', { name: C.preview.title });
      await preview.getByText(DRAFT, { exact: false }).waitFor();
      await preview.getByText(refs.approve, { exact: false }).first().waitFor();
      const approve = C.actions['approve-response'];
      await review.getByRole('button', { name: approve, exact: true }).click();
      const form = review.getByRole('form', { name: approve });
      await form
        .getByRole('button', { name: C.form.submit.replace('{{action}}', approve) })
        .click();
      await page
        .getByText(
          L.inbox.done.replace('{{action}}', approve).replace('{{reference}}', refs.approve),
        )
        .waitFor();
      await tab(page, 'approvals', 1).waitFor();

      const reject = C.actions['reject-response'];
      await page.getByRole('button', { name: `Review ${refs.reject}` }).click();
      const second = page.getByRole('region', { name: `Review ${refs.reject}` });
      await second.getByRole('button', { name: reject, exact: true }).click();
      const rejectForm = second.getByRole('form', { name: reject });
      await rejectForm
        .getByLabel(C.fields.reason, { exact: false })
        .fill('Say when the refund will reach the account');
      await rejectForm
        .getByRole('button', { name: C.form.submit.replace('{{action}}', reject) })
        .click();
      await tab(page, 'approvals', 0).waitFor();
      await page.getByText(L.inbox.empty).waitFor();
      assert.deepEqual(pageProblems(page), []);
    } finally {
      await context.close();
    }

    // The handler reads the reason on the complaint.
    const h = await openPage(browser);
    try {
      await openSignedIn(h.page, server.url, STAFF.handler.email, '/queue');
      await openWorkspace(h.page, server.url, refs.reject);
      await h.page
        .getByText(`${C.fields.reason}: Say when the refund will reach the account`)
        .waitFor();
      // The navigation follows the capabilities: no inbox for a handler; the register to read.
      const nav = h.page.getByRole('navigation', { name: 'Staff navigation' });
      await nav.getByRole('link', { name: 'Lessons learned' }).click();
      await h.page.getByRole('article').first().waitFor();
      await h.page.getByText(L.lessons.readOnly).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Inbox' }).count(), 0);
      assert.equal(
        await h.page.getByRole('button', { name: /Add a corrective action/ }).count(),
        0,
      );
    } finally {
      await h.context.close();
    }
  });

  test('a manager declines a request for escalation with a reason: the count drops, the note stays', async () => {
    const { context, page } = await openPage(browser);
    try {
      await openSignedIn(page, server.url, STAFF.manager.email, '/inbox/escalations');
      await page.getByRole('heading', { level: 2, name: L.inbox.heading.escalations }).waitFor();
      await tab(page, 'escalations', 2).waitFor();
      await page.getByRole('button', { name: `Review ${refs.decline}` }).click();
      const review = page.getByRole('region', { name: `Review ${refs.decline}` });
      await review
        .getByText(L.inbox.customerReason.replace('{{reason}}', 'Wants the director'))
        .waitFor();
      await review.getByRole('button', { name: L.inbox.decline }).click();
      const form = review.getByRole('form', { name: L.inbox.decline });
      await form.getByLabel(L.inbox.declineNote).fill('The handler is calling back today');
      await form.getByRole('button', { name: L.inbox.decline }).click();
      await page.getByText(L.inbox.declined.replace('{{reference}}', refs.decline)).waitFor();
      await tab(page, 'escalations', 1).waitFor();
      await openWorkspace(page, server.url, refs.decline);
      await page
        .getByText(L.inbox.declinedNote.replace('{{reason}}', 'The handler is calling back today'))
        .first()
        .waitFor();
      assert.deepEqual(pageProblems(page), []);
    } finally {
      await context.close();
    }
  });

  test('the register finds a closed complaint by root cause; a corrective action is added, done and effective', async () => {
    const { context, page } = await openPage(browser);
    try {
      await openSignedIn(page, server.url, STAFF.manager.email, '/lessons');
      await page.getByRole('heading', { level: 1, name: L.lessons.title }).waitFor();
      const search = page.getByRole('form', { name: L.lessons.search });
      await search.getByLabel(L.lessons.rootCause).selectOption('Exchange fault');
      await search.getByRole('button', { name: L.lessons.apply }).click();
      await page.getByText(L.lessons.results_one.replace('{{count}}', '1')).waitFor();
      const lesson = page.getByRole('article', { name: new RegExp(refs.closed) });
      await lesson.getByText('Check line cards when drop-outs follow a pattern').waitFor();

      await lesson
        .getByRole('button', { name: L.lessons.addTo.replace('{{reference}}', refs.closed) })
        .click();
      const add = lesson.getByRole('form', {
        name: L.lessons.addTo.replace('{{reference}}', refs.closed),
      });
      await add.getByLabel(L.lessons.description).fill('Replace the line cards on the estate');
      await add.getByLabel(L.lessons.owner).selectOption({ label: STAFF.handler.name });
      await add.getByLabel(L.lessons.dueOn).fill('2030-01-31');
      await add.getByRole('button', { name: L.lessons.add }).click();
      await lesson.getByText('Replace the line cards on the estate').waitFor();
      await lesson.getByText(`Owner: ${STAFF.handler.name}`, { exact: false }).waitFor();
      await lesson.getByText(L.lessons.notDone, { exact: true }).waitFor();

      const edit = L.lessons.editOf.replace(
        '{{description}}',
        'Replace the line cards on the estate',
      );
      await lesson.getByRole('button', { name: edit }).click();
      const form = lesson.getByRole('form', { name: edit });
      await form.getByLabel(L.lessons.doneOn, { exact: false }).fill('2026-11-30');
      await form.getByLabel(L.lessons.effectiveness).selectOption('effective');
      await form.getByLabel(L.lessons.note, { exact: false }).fill('No drop-outs since');
      await form.getByRole('button', { name: L.lessons.save }).click();
      await lesson.getByText(L.lessons.badge.effective, { exact: true }).waitFor();
      await lesson.getByText('No drop-outs since').waitFor();
      await lesson.getByText(/Done on .*2026/).waitFor();
      assert.deepEqual(pageProblems(page), []);
    } finally {
      await context.close();
    }
  });

  for (const width of WIDTHS) {
    test(`${width} px: axe finds nothing on every inbox tab and the register, in en and vi`, async () => {
      const { context, page } = await openPage(browser, { width });
      try {
        const found: string[] = [];
        await openSignedIn(page, server.url, STAFF.manager.email, '/inbox');
        for (const name of ['approvals', 'escalations', 'decisions', 'flags'] as const) {
          await page.goto(`${server.url}/inbox/${name}`);
          await page.getByRole('heading', { level: 2, name: L.inbox.heading[name] }).waitFor();
          await page
            .getByRole('navigation', { name: L.inbox.tabs })
            .getByRole('link')
            .first()
            .waitFor();
          if (name !== 'approvals') {
            // Open the first review: the request, the flags' reasons and the deciding actions.
            await page
              .getByRole('button', { name: /^Review / })
              .first()
              .click();
            await page
              .getByRole('region', { name: /^Review / })
              .getByRole('button')
              .first()
              .waitFor();
          }
          found.push(...(await axeInBothLanguages(page)).map((v) => `${name}: ${v}`));
        }
        await page.goto(`${server.url}/lessons`);
        await page.getByRole('article').first().waitFor();
        found.push(...(await axeInBothLanguages(page)).map((v) => `lessons: ${v}`));
        assert.deepEqual(found, []);
        assert.deepEqual(pageProblems(page), []);
      } finally {
        await context.close();
      }
    });
  }
});
