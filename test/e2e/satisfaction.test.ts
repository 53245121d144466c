// The customer's rating, seen by staff in Chromium, by roles and accessible names: a rated
// complaint's comment is on the manager's dashboard with its score and a link to the complaint;
// the workspace shows each survey answer in words; a handler reveals the customer's tracking
// link and copies it, and an auditor has no such control. axe, reflow and page errors on both
// pages in English and Vietnamese at 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CASE } from './case-helpers.ts';
import {
  launchBrowser,
  openPage,
  pageProblems,
  STAFF,
  startServer,
  WIDTHS,
  type E2EServer,
} from './harness.ts';
import { auditPages, openSignedIn, STRINGS } from './pages.ts';
import { REPORTS } from './report-pages.ts';
import {
  ANSWERS,
  COMMENTS,
  openDashboardComments,
  openRatedWorkspace,
  satisfactionPages,
  seedRated,
} from './satisfaction-pages.ts';

const R = REPORTS.en;
const L = CASE.en;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the survey’s answers for staff in Chromium', () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await seedRated(server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a rated complaint’s comment is on the dashboard and links to its answers', async (t) => {
    const [, en] = await seedRated(server.url);
    const { context, page } = await openPage(browser);
    t.after(() => context.close());
    await openDashboardComments(page, server.url, 'en');
    const comments = page.getByRole('region', { name: R.satisfaction.commentsTitle });
    const item = comments.getByRole('listitem').filter({ hasText: COMMENTS.en });
    await item.waitFor();
    const text = squash(await item.innerText());
    assert.ok(
      text.includes(R.satisfaction.overall.replace('{{score}}', String(ANSWERS.score))),
      text,
    );
    assert.ok(text.includes(R.satisfaction.rated), text);
    // Both customers' words, whatever their language.
    await comments.getByText(COMMENTS.vi).waitFor();
    // Each question's answers, in a table of their own.
    const questions = page.getByRole('table', { name: R.satisfaction.questionsCaption });
    await questions.getByRole('rowheader', { name: R.satisfaction.questions.fairness }).waitFor();

    await item.getByRole('link', { name: en!.reference }).click();
    await page.waitForURL(new RegExp(`/complaints/${en!.reference}$`));
    await page.getByRole('heading', { level: 3, name: L.survey.title }).waitFor();
    const answers = await surveyAnswers(page);
    assert.deepEqual(answers, {
      [L.survey.question.keptInformed]: `${ANSWERS.keptInformed} out of 5`,
      [L.survey.question.speed]: `${ANSWERS.speed} out of 5`,
      [L.survey.question.fairness]: `${ANSWERS.fairness} out of 5`,
      [L.survey.question.overall]: `${ANSWERS.score} out of 5`,
      [L.survey.comment]: COMMENTS.en,
      [L.survey.ratedAt]: answers[L.survey.ratedAt]!,
    });
    assert.match(answers[L.survey.ratedAt]!, /\d{4}/);
    assert.deepEqual(pageProblems(page), []);
  });

  test('a handler reveals the customer’s tracking link and copies it', async (t) => {
    const [, en] = await seedRated(server.url);
    const { context, page } = await openPage(browser);
    t.after(() => context.close());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    await openRatedWorkspace(page, server.url, 'en', en!.reference);
    assert.equal(await page.getByRole('textbox', { name: L.trackingLink.label }).count(), 0);
    await page.getByRole('button', { name: L.trackingLink.show }).click();
    const link = page.getByRole('textbox', { name: L.trackingLink.label });
    await link.waitFor();
    assert.equal(await link.inputValue(), en!.trackingUrl);
    // The button that asked is gone: focus is on the link.
    assert.equal(await link.evaluate((el) => el === document.activeElement), true);
    await page.getByRole('button', { name: L.trackingLink.copy }).click();
    await page.getByRole('status').filter({ hasText: STRINGS.en.app.copied }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), en!.trackingUrl);
    assert.deepEqual(pageProblems(page), []);
  });

  test('an auditor reads the answers but has no tracking link to give', async (t) => {
    const [, en] = await seedRated(server.url);
    const { context, page } = await openPage(browser);
    t.after(() => context.close());
    await openSignedIn(page, server.url, STAFF.auditor.email, `/complaints/${en!.reference}`);
    await page.getByRole('heading', { level: 3, name: L.survey.title }).waitFor();
    await page.getByText(COMMENTS.en).waitFor();
    assert.equal(await page.getByRole('button', { name: L.trackingLink.show }).count(), 0);
    assert.equal(await page.getByText(L.trackingLink.term, { exact: true }).count(), 0);
  });

  test('the dashboard’s comments and the rated workspace pass axe in both languages at 1280 and 360 px', async () => {
    const found: string[] = [];
    for (const lang of ['en', 'vi'] as const)
      for (const width of WIDTHS)
        found.push(
          ...(
            await auditPages(browser, server.url, satisfactionPages(), lang, width, {
              problems: true,
            })
          ).map((f) => `${lang} ${width}: ${f}`),
        );
    assert.deepEqual(found, []);
  });
});

/** The survey's answers as the workspace lists them: term → text. */
async function surveyAnswers(page: import('playwright-core').Page) {
  const list = page.getByRole('region', { name: L.survey.title });
  const terms = (await list.getByRole('term').allInnerTexts()).map(squash);
  const values = (await list.getByRole('definition').allInnerTexts()).map(squash);
  return Object.fromEntries(terms.map((k, i) => [k, values[i]!]));
}
