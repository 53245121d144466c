// GET /reports/satisfaction per survey question, and GET /reports/satisfaction/comments: five
// complaints closed in April 2026, four of them rated (one twice), with figures worked out by
// hand below — not by the code under test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrate } from '../../src/db/migrate.ts';
import { factsDisagreements } from '../../src/db/queries/reports/facts-check.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { act } from './report-fixture.ts';

const PERIOD = 'from=2026-04-01&to=2026-04-30&policy=uk-comms-ombudsman';
const day = (d: number) => new Date(`2026-04-${String(d).padStart(2, '0')}T10:00:00Z`);

type Row = Record<string, string | number | null>;

for (const engine of engines()) {
  describe(`the satisfaction report per question (${engine})`, () => {
    let t: TestApp;
    const refs: Record<string, string> = {};

    /** Registered on the 1st, closed on the given day of April. */
    const closedOn = async (d: number) => {
      t.setNow(day(1));
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ receivedAt: day(1).toISOString() }),
      });
      assert.equal(r.statusCode, 201, r.body);
      const { reference, trackingToken } = r.json() as { reference: string; trackingToken: string };
      t.setNow(day(d));
      await act(t, reference, 'acknowledge');
      await act(t, reference, 'start-investigation');
      await act(t, reference, 'propose-response', {
        response: 'We repaired the line.',
        outcome: 'upheld',
        rootCause: 'network',
      });
      const approved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${reference}/actions/approve-response`,
        headers: t.as('manager'),
        payload: {},
      });
      assert.ok([200, 409].includes(approved.statusCode), approved.body);
      await act(t, reference, 'respond');
      await act(t, reference, 'close');
      return { reference, trackingToken };
    };
    const rate = async (c: { reference: string; trackingToken: string }, body: object) => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/complaints/${c.reference}/rate-satisfaction`,
        headers: { 'x-tracking-token': c.trackingToken },
        payload: body,
      });
      assert.equal(r.statusCode, 200, r.body);
    };
    const get = (url: string, role: 'manager' | 'auditor' | 'handler' = 'manager') =>
      t.app.inject({ method: 'GET', url, headers: t.as(role) });

    before(async () => {
      t = await startApp(engine, { now: day(1) });
      // A: all four answered, with a comment; closed on the 6th, rated on the 7th.
      const a = await closedOn(6);
      t.setNow(day(7));
      await rate(a, {
        score: 5,
        keptInformed: 4,
        speed: 5,
        fairness: 5,
        comment: 'Quick and fair.',
      });
      // B: all four, no comment.
      const b = await closedOn(8);
      await rate(b, { score: 4, keptInformed: 2, speed: 3, fairness: 4 });
      // C: fairness left out, a comment.
      const c = await closedOn(10);
      t.setNow(day(12));
      await rate(c, { score: 2, keptInformed: 1, speed: 1, comment: 'Nobody called me back.' });
      // D: first 1 with "kept informed" 1, then again with the overall score alone: the second
      // answers replace the first (so D has no "kept informed" any more).
      const d = await closedOn(14);
      await rate(d, { score: 1, keptInformed: 1 });
      t.setNow(day(15));
      await rate(d, { score: 4 });
      // E: closed, never rated.
      const e = await closedOn(16);
      Object.assign(refs, {
        a: a.reference,
        b: b.reference,
        c: c.reference,
        d: d.reference,
        e: e.reference,
      });
      t.setNow(day(30));
    });
    after(() => t.close());

    test('the totals give, per question, how many answered, the average and each score', async () => {
      const r = await get(`/api/v1/reports/satisfaction?${PERIOD}`);
      assert.equal(r.statusCode, 200, r.body);
      const { totals, columns } = r.json() as { totals: Row; columns: string[] };
      // Ratings: A 5, B 4, C 2, D 4 → 4 rated, 2 with a comment, average 15 / 4 = 3.75.
      assert.equal(totals.rated, 4);
      assert.equal(totals.withComment, 2);
      assert.equal(totals.averageScore, 3.75);
      // Kept informed: A 4, B 2, C 1 (D's 1 was replaced) → 3 answered, 7 / 3 = 2.33.
      assert.deepEqual(pick(totals, 'keptInformed'), {
        answered: 3,
        average: 2.33,
        scores: [1, 1, 0, 1, 0],
      });
      // Speed: A 5, B 3, C 1 → 9 / 3 = 3.
      assert.deepEqual(pick(totals, 'speed'), { answered: 3, average: 3, scores: [1, 0, 1, 0, 1] });
      // Fairness: A 5, B 4 → 9 / 2 = 4.5.
      assert.deepEqual(pick(totals, 'fairness'), {
        answered: 2,
        average: 4.5,
        scores: [0, 0, 0, 1, 1],
      });
      // Overall: A 5, B 4, C 2, D 4.
      assert.deepEqual(pick(totals, 'overall'), {
        answered: 4,
        average: 3.75,
        scores: [0, 1, 0, 2, 1],
      });
      for (const q of ['keptInformed', 'speed', 'fairness', 'overall']) {
        const cap = q[0]!.toUpperCase() + q.slice(1);
        for (const c of [`${q}Answered`, `average${cap}`, `${q}1`, `${q}5`])
          assert.ok(columns.includes(c), `${c} in ${columns.join()}`);
      }
    });

    test('by score, each row has its own answers per question', async () => {
      const r = await get(`/api/v1/reports/satisfaction?${PERIOD}&groupBy=score`);
      const rows = new Map((r.json() as { rows: Row[] }).rows.map((x) => [String(x.key), x]));
      assert.deepEqual([...rows.keys()], ['2', '4', '5']);
      // Score 4: B (2, 3, 4) and D (overall only).
      const four = rows.get('4')!;
      assert.equal(four.rated, 2);
      assert.equal(four.keptInformedAnswered, 1);
      assert.equal(four.averageKeptInformed, 2);
      assert.equal(four.averageSpeed, 3);
      assert.equal(four.averageFairness, 4);
      // Score 2: C, who left fairness out.
      assert.equal(rows.get('2')!.averageFairness, null);
      assert.equal(rows.get('2')!.fairnessAnswered, 0);
      assert.equal(rows.get('5')!.keptInformed4, 1);
    });

    test('a figure drills down to exactly its complaints', async () => {
      const r = await get(
        `/api/v1/reports/satisfaction/complaints?${PERIOD}&groupBy=policy&key=uk-comms-ombudsman&measure=keptInformed1`,
      );
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual((r.json() as { references: string[] }).references, [refs.c]);
      const speed = await get(
        `/api/v1/reports/satisfaction/complaints?${PERIOD}&groupBy=policy&key=uk-comms-ombudsman&measure=speedAnswered`,
      );
      assert.deepEqual(
        (speed.json() as { references: string[] }).references,
        [refs.a!, refs.b!, refs.c!].sort(),
      );
    });

    test('the CSV has the same columns and the totals last', async () => {
      const json = (await get(`/api/v1/reports/satisfaction?${PERIOD}`)).json() as {
        columns: string[];
      };
      const r = await get(`/api/v1/reports/satisfaction?${PERIOD}&format=csv`);
      assert.equal(r.statusCode, 200);
      const lines = r.body.trim().split(/\r\n/);
      assert.equal(lines[0], json.columns.join(','));
      const header = lines[0]!.split(',');
      const total = lines.at(-1)!.split(',');
      const at = (c: string) => total[header.indexOf(c)];
      assert.equal(at('key'), 'total');
      assert.equal(at('averageKeptInformed'), '2.33');
      assert.equal(at('fairness5'), '1');
      assert.equal(at('overall4'), '2');
    });

    test('the comments: latest closed first, with the score and when it was rated', async () => {
      const r = await get(`/api/v1/reports/satisfaction/comments?${PERIOD}`);
      assert.equal(r.statusCode, 200, r.body);
      const { items } = r.json() as { items: Row[] };
      assert.deepEqual(items, [
        {
          reference: refs.c,
          policy: 'uk-comms-ombudsman',
          score: 2,
          comment: 'Nobody called me back.',
          closedAt: day(10).toISOString(),
          ratedAt: day(12).toISOString(),
        },
        {
          reference: refs.a,
          policy: 'uk-comms-ombudsman',
          score: 5,
          comment: 'Quick and fair.',
          closedAt: day(6).toISOString(),
          ratedAt: day(7).toISOString(),
        },
      ]);
      const one = await get(`/api/v1/reports/satisfaction/comments?${PERIOD}&limit=1`);
      assert.deepEqual(
        (one.json() as { items: Row[] }).items.map((i) => i.reference),
        [refs.c],
      );
      // Outside the period: none.
      const march = await get(
        `/api/v1/reports/satisfaction/comments?from=2026-03-01&to=2026-03-31`,
      );
      assert.deepEqual((march.json() as { items: Row[] }).items, []);
    });

    test('the comments are for those who read the reports', async () => {
      assert.equal(
        (await get(`/api/v1/reports/satisfaction/comments?${PERIOD}`, 'auditor')).statusCode,
        200,
      );
      const handler = await get(`/api/v1/reports/satisfaction/comments?${PERIOD}`, 'handler');
      assert.equal(handler.statusCode, 403, handler.body);
      const bad = await get(`/api/v1/reports/satisfaction/comments?from=2026-04-30&to=2026-04-01`);
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal((bad.json() as { error: { code: string } }).error.code, 'REPORT.BAD_PERIOD');
    });

    test('the complaint shows its comment and when it was rated; the answers facts agree', async () => {
      const c = (await get(`/api/v1/complaints/${refs.c}`, 'handler')).json() as Row & {
        satisfactionAnswers: unknown;
        capabilities: Record<string, boolean>;
      };
      assert.equal(c.satisfactionComment, 'Nobody called me back.');
      assert.equal(c.satisfactionRatedAt, day(12).toISOString());
      assert.deepEqual(c.satisfactionAnswers, { keptInformed: 1, speed: 1, overall: 2 });
      assert.equal(c.capabilities['tracking.link'], true);
      const e = (await get(`/api/v1/complaints/${refs.e}`, 'auditor')).json() as Row & {
        capabilities: Record<string, boolean>;
      };
      assert.equal(e.satisfactionRatedAt, null);
      assert.equal(e.satisfactionComment, null);
      assert.equal(e.capabilities['tracking.link'], false);
      assert.deepEqual(await factsDisagreements(t.db), []);
    });

    test('on a database migrated before 0021, with ratings given, the migration fills the answers in', async () => {
      // As a database migrated before 0021 existed: ratings given, no answers in the facts.
      await t.db
        .exec(`update complaint_facts set kept_informed = null, speed = null, fairness = null;
        delete from schema_migrations where name = '0021_survey_answers_in_facts';`);
      assert.notDeepEqual(await factsDisagreements(t.db), []);
      assert.deepEqual(await migrate(t.db), ['0021_survey_answers_in_facts']);
      assert.deepEqual(await factsDisagreements(t.db), []);
      const r = await get(`/api/v1/reports/satisfaction?${PERIOD}`);
      assert.equal((r.json() as { totals: Row }).totals.averageKeptInformed, 2.33);
    });
  });
}

/** A question's answered count, average and the counts of scores 1 to 5, from a report row. */
function pick(row: Row, q: string) {
  const cap = q[0]!.toUpperCase() + q.slice(1);
  return {
    answered: row[`${q}Answered`],
    average: row[`average${cap}`],
    scores: [1, 2, 3, 4, 5].map((n) => row[`${q}${n}`]),
  };
}
