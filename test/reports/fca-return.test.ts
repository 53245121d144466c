// The FCA complaints return (DISP 1 Annex 1R) for the first fixed half-year of the PS25/19
// consolidated return, 1 January – 30 June 2027, on the uk-fca-disp preset (Europe/London,
// GB-ENG). Every expected number below was worked out by hand from the complaints listed here,
// not by the code under test; each complaint's comment says which cells it lands in.
//
// GB-ENG bank holidays used: Fri 1 Jan 2027 (New Year's Day), Fri 26 Mar 2027 (Good Friday),
// Mon 29 Mar 2027 (Easter Monday), Mon 30 Aug 2027 (summer bank holiday). BST from 28 Mar 2027.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { factsDisagreements } from '../../src/db/queries/reports/facts-check.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';
import { act, register } from './report-fixture.ts';

const answered = recordErrors();
const PERIOD = 'periodStart=2027-01-01&periodEnd=2027-06-30&policy=uk-fca-disp';

interface Step {
  at: string;
  action: string;
  payload?: object;
}

interface Case {
  name: string;
  channel: string;
  receivedAt: string;
  classify?: object;
  steps: Step[];
}

const respondWith = (at: string, outcome: string): Step[] => [
  { at, action: 'acknowledge' },
  { at, action: 'start-investigation' },
  {
    at,
    action: 'propose-response',
    payload: { response: 'Our answer.', outcome, rootCause: 'process' },
  },
  { at, action: 'approve-response' },
  { at, action: 'respond' },
  { at, action: 'close' },
];
const firstContact = (at: string, outcome: string): Step[] => [
  {
    at,
    action: 'resolve-on-first-contact',
    payload: { outcome, resolution: 'Settled on the call' },
  },
  { at, action: 'close', payload: { rootCause: 'process' } },
];
const code = (productCode: string, causeCode: string) => ({ productCode, causeCode });

const CASES: Case[] = [
  // A — received Thu 25 Mar 2027 10:00 GMT. Business days after it: Tue 30 Mar (1), Wed 31 (2),
  // Thu 1 Apr (3) — Good Friday and Easter Monday do not count. Closed Thu 1 Apr 16:00 BST:
  // WITHIN 3 business days (a count that ignored the holidays would put it after). Upheld.
  // → banking_credit_cards × general_admin: opened; closed within 3 BD; upheld.
  {
    name: 'A',
    channel: 'phone',
    receivedAt: '2027-03-25T10:00:00Z',
    classify: code('current_accounts', 'general_admin'),
    steps: firstContact('2027-04-01T15:00:00Z', 'upheld'),
  },
  // B — received the same Thursday; closed Fri 2 Apr 10:00 BST, one business day too late:
  // AFTER 3 business days, within 8 weeks. Not upheld.
  // → banking_credit_cards × terms_disputed_sums: opened; closed after 3 BD within 8 weeks.
  {
    name: 'B',
    channel: 'phone',
    receivedAt: '2027-03-25T11:00:00Z',
    classify: code('credit_cards', 'terms_disputed_sums'),
    steps: firstContact('2027-04-02T09:00:00Z', 'not_upheld'),
  },
  // C — received Mon 1 Feb 2027; answered (not upheld) 2 Feb, REOPENED 15 Feb, answered again
  // (upheld) and closed 20 Apr. Eight weeks ran out on 29 Mar: closed AFTER 8 weeks. Counted
  // once as opened and once as closed, with the outcome it closed with (upheld).
  // → home_finance × arrears: opened; closed after 8 weeks; upheld.
  {
    name: 'C',
    channel: 'email',
    receivedAt: '2027-02-01T10:00:00Z',
    classify: code('mortgages', 'arrears'),
    steps: [
      ...respondWith('2027-02-02T10:00:00Z', 'not_upheld').slice(0, 5),
      { at: '2027-02-15T10:00:00Z', action: 'reopen', payload: { reason: 'Not satisfied' } },
      { at: '2027-02-15T10:00:00Z', action: 'start-investigation' },
      {
        at: '2027-04-20T09:00:00Z',
        action: 'propose-response',
        payload: { response: 'On review…', outcome: 'upheld', rootCause: 'process' },
      },
      { at: '2027-04-20T09:00:00Z', action: 'approve-response' },
      { at: '2027-04-20T09:00:00Z', action: 'respond' },
      { at: '2027-04-20T09:00:00Z', action: 'close' },
    ],
  },
  // D — received Mon 1 Mar 2027, closed Mon 15 Mar PARTLY UPHELD (counts as upheld): after 3 BD,
  // within 8 weeks. The customer is vulnerable (health) and the firm caused it.
  // → insurance_pure_protection × advising_selling_arranging: opened; closed after 3 BD within
  //   8 weeks; upheld; both vulnerability counts.
  {
    name: 'D',
    channel: 'email',
    receivedAt: '2027-03-01T10:00:00Z',
    classify: {
      ...code('general_insurance', 'advising_selling_arranging'),
      vulnerability: { identified: true, causedByFirm: true, driver: 'health' },
    },
    steps: respondWith('2027-03-15T10:00:00Z', 'partly_upheld'),
  },
  // E — received Mon 5 Apr 2027; REJECTED (not upheld) on Mon 12 Apr with a GOODWILL payment of
  // £50 paid that day: after 3 BD within 8 weeks; not upheld; £50 redress paid. Vulnerable
  // (life events), not caused by the firm.
  // → banking_credit_cards × general_admin: opened; closed after 3 BD within 8 weeks; £50.
  {
    name: 'E',
    channel: 'email',
    receivedAt: '2027-04-05T09:00:00Z',
    classify: {
      ...code('current_accounts', 'general_admin'),
      vulnerability: { identified: true, causedByFirm: false, driver: 'life_events' },
    },
    steps: [
      {
        at: '2027-04-12T09:00:00Z',
        action: 'offer-redress',
        payload: { kind: 'money', description: 'Goodwill', amount: 50, currency: 'GBP' },
      },
      { at: '2027-04-12T09:00:00Z', action: 'record-redress-accepted' },
      { at: '2027-04-12T09:00:00Z', action: 'record-redress-completed' },
      ...respondWith('2027-04-12T10:00:00Z', 'not_upheld'),
    ],
  },
  // F — PERIOD BOUNDARY: received Thu 31 Dec 2026 23:30 GMT (before the period), closed Mon 4 Jan
  // 2027 upheld. 1 Jan is a bank holiday, so Mon 4 Jan is business day 1: within 3 BD.
  // → banking_credit_cards: outstanding at start; closed within 3 BD; upheld. Not opened.
  {
    name: 'F',
    channel: 'phone',
    receivedAt: '2026-12-31T23:30:00Z',
    classify: code('overdrafts', 'other'),
    steps: firstContact('2027-01-04T10:00:00Z', 'upheld'),
  },
  // G — PERIOD BOUNDARY: received 30 Jun 2027 23:30 UTC = 1 Jul 00:30 BST, after the period in
  // the policy's zone. In no cell.
  {
    name: 'G',
    channel: 'email',
    receivedAt: '2027-06-30T23:30:00Z',
    classify: code('current_accounts', 'other'),
    steps: [],
  },
  // H — received 30 Jun 2027 22:30 UTC = 23:30 BST, the last hour of the period; still open.
  // → banking_credit_cards × other: opened.
  {
    name: 'H',
    channel: 'email',
    receivedAt: '2027-06-30T22:30:00Z',
    classify: code('current_accounts', 'other'),
    steps: [],
  },
  // I — received Mon 10 May 2027 with no product or cause code; open.
  // → (unclassified) × (unclassified): opened; the two warnings name it.
  { name: 'I', channel: 'email', receivedAt: '2027-05-10T10:00:00Z', steps: [] },
  // K — received and closed in November 2026: before the period, in no cell.
  {
    name: 'K',
    channel: 'email',
    receivedAt: '2026-11-02T10:00:00Z',
    classify: code('mortgages', 'arrears'),
    steps: respondWith('2026-11-20T10:00:00Z', 'upheld'),
  },
];

const ZERO_ROW = {
  outstandingAtStart: 0,
  opened: 0,
  closed: 0,
  closedWithin3BusinessDays: 0,
  closedAfter3BusinessDaysWithin8Weeks: 0,
  closedAfter8Weeks: 0,
  upheld: 0,
  redressPaid: 0,
};

for (const engine of engines()) {
  describe(`FCA DISP 1 Annex 1R return, H1 2027 (${engine})`, () => {
    let t: TestApp;
    const ref: Record<string, string> = {};
    let fca: {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the return's tables, read as JSON
      figures: Record<string, any>;
      deadline: { dueAt: string };
      warnings: { code: string; count: number; references: string[] }[];
    };
    const get = (url: string, role: 'manager' | 'handler' | 'auditor' = 'manager') =>
      t.app.inject({ method: 'GET', url, headers: t.as(role) });

    before(async () => {
      t = await startApp(engine);
      for (const c of CASES) {
        t.setNow(new Date(Date.parse(c.receivedAt) + 60_000));
        ref[c.name] = await register(t, {
          policy: 'uk-fca-disp',
          channel: c.channel,
          receivedAt: c.receivedAt,
          subject: `Case ${c.name}`,
        });
        if (c.classify) await act(t, ref[c.name]!, 'classify', c.classify);
        for (const s of c.steps) {
          t.setNow(new Date(s.at));
          await act(t, ref[c.name]!, s.action, s.payload ?? {});
        }
      }
      t.setNow(new Date('2027-08-02T09:00:00Z'));
      const r = await get(`/api/v1/returns/fca-disp?${PERIOD}`);
      assert.equal(r.statusCode, 200, r.body);
      fca = r.json();
    });
    after(() => t.close());

    test('the facts rows the return reads agree with every case: reopened, reclassified, redress paid', async () => {
      assert.deepEqual(await factsDisagreements(t.db), []);
      const reopened = await t.db.query<{ n: number }>(
        'select count(*)::int as n from complaint_facts where reopened',
      );
      assert.ok(reopened.rows[0]!.n > 0, 'a reopened case is marked');
    });

    test('totals: opened, outstanding at start, closed by how long it took, upheld, redress paid', () => {
      assert.deepEqual(fca.figures.totals, {
        outstandingAtStart: 1, // F
        opened: 7, // A B C D E H I
        closed: 6, // A B C D E F
        closedWithin3BusinessDays: 2, // A F
        closedAfter3BusinessDaysWithin8Weeks: 3, // B D E
        closedAfter8Weeks: 1, // C
        upheld: 4, // A C D(part) F
        redressPaid: 50, // E's goodwill payment
      });
    });

    test('per product group', () => {
      const rows = Object.fromEntries(
        fca.figures.byProductGroup.map((r: { productGroup: string }) => [r.productGroup, r]),
      );
      assert.deepEqual(rows.banking_credit_cards, {
        productGroup: 'banking_credit_cards',
        outstandingAtStart: 1, // F
        opened: 4, // A B E H
        closed: 4, // A B E F
        closedWithin3BusinessDays: 2, // A F
        closedAfter3BusinessDaysWithin8Weeks: 2, // B E
        closedAfter8Weeks: 0,
        upheld: 2, // A F
        redressPaid: 50, // E
      });
      assert.deepEqual(rows.home_finance, {
        ...ZERO_ROW,
        productGroup: 'home_finance',
        opened: 1,
        closed: 1,
        closedAfter8Weeks: 1,
        upheld: 1, // C
      });
      assert.deepEqual(rows.insurance_pure_protection, {
        ...ZERO_ROW,
        productGroup: 'insurance_pure_protection',
        opened: 1,
        closed: 1,
        closedAfter3BusinessDaysWithin8Weeks: 1,
        upheld: 1, // D
      });
      assert.deepEqual(rows.investments, { ...ZERO_ROW, productGroup: 'investments' });
      assert.deepEqual(rows['(unclassified)'], {
        ...ZERO_ROW,
        productGroup: '(unclassified)',
        opened: 1, // I
      });
    });

    test('opened by product group and cause', () => {
      const t1 = fca.figures.openedByProductGroupAndCause;
      assert.deepEqual(t1.banking_credit_cards, {
        advising_selling_arranging: 0,
        terms_disputed_sums: 1, // B
        general_admin: 2, // A E
        arrears: 0,
        other: 1, // H
        '(unclassified)': 0,
      });
      assert.equal(t1.home_finance.arrears, 1); // C (K closed before the period)
      assert.equal(t1.insurance_pure_protection.advising_selling_arranging, 1); // D
      assert.equal(t1['(unclassified)']['(unclassified)'], 1); // I
      const sum = Object.values(t1 as Record<string, Record<string, number>>)
        .flatMap((r) => Object.values(r))
        .reduce((a, b) => a + b, 0);
      assert.equal(sum, 7);
    });

    test('the PS25/19 consolidated return: a fixed half-year from 2027, two vulnerability counts', () => {
      assert.deepEqual(fca.figures.consolidated, {
        applies: true,
        halfYear: '2027-H1',
        vulnerableCustomers: 2, // D E
        vulnerabilityCausedOrWorsenedByFirm: 1, // D
      });
    });

    test('the DISP 1.10A publication table gives shares of complaints closed', () => {
      const pub = Object.fromEntries(
        fca.figures.publication.map((r: { productGroup: string }) => [r.productGroup, r]),
      );
      assert.deepEqual(pub.banking_credit_cards, {
        productGroup: 'banking_credit_cards',
        opened: 4,
        closed: 4,
        percentClosedWithin3BusinessDays: 50, // A F of 4
        percentClosedWithin8Weeks: 100,
        percentUpheld: 50, // A F of 4
      });
      assert.equal(pub.home_finance.percentClosedWithin8Weeks, 0); // C took longer
      assert.equal(pub['(unclassified)'].percentUpheld, null); // nothing closed
      assert.equal(pub.investments, undefined); // nothing to publish
    });

    test('the deadline is the close of the 30th business day after 30 June 2027', () => {
      // Thu 1 Jul … Wed 11 Aug 2027 is 30 business days (no bank holiday until 30 Aug).
      assert.equal(fca.deadline.dueAt, '2027-08-11T23:00:00.000Z');
    });

    test('warnings name the complaint without product or cause codes', () => {
      const w = Object.fromEntries(fca.warnings.map((x) => [x.code, x]));
      assert.deepEqual(Object.keys(w).sort(), ['openedWithoutCause', 'openedWithoutProduct']);
      assert.deepEqual(w.openedWithoutProduct!.references, [ref.I]);
      assert.equal(w.openedWithoutCause!.count, 1);
    });

    test('each cell drills down to its complaints', async () => {
      const cell = async (q: string) => {
        const r = await get(`/api/v1/returns/fca-disp/complaints?${PERIOD}&${q}`);
        assert.equal(r.statusCode, 200, r.body);
        return (r.json().references as string[]).sort();
      };
      assert.deepEqual(
        await cell('measure=closedWithin3BusinessDays&productGroup=banking_credit_cards'),
        [ref.A, ref.F].sort(),
      );
      assert.deepEqual(
        await cell('measure=opened&productGroup=banking_credit_cards&cause=general_admin'),
        [ref.A, ref.E].sort(),
      );
      assert.deepEqual(await cell('measure=upheld'), [ref.A, ref.C, ref.D, ref.F].sort());
      assert.deepEqual(await cell('measure=redressPaid'), [ref.E]);
      const bad = await get(`/api/v1/returns/fca-disp/complaints?${PERIOD}&measure=colour`);
      assert.equal(bad.json().error.code, 'REPORT.UNKNOWN_GROUPING');
    });

    test('a filed return never changes; filing again makes version 2 with the new figures', async () => {
      const file = async () => {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/returns/fca-disp/filed',
          headers: t.as('manager'),
          payload: { periodStart: '2027-01-01', periodEnd: '2027-06-30', policy: 'uk-fca-disp' },
        });
        assert.equal(r.statusCode, 201, r.body);
        return r.json();
      };
      const v1 = await file();
      assert.equal(v1.version, 1);
      assert.match(v1.digest, /^[0-9a-f]{64}$/);
      assert.deepEqual(v1.figures.totals, fca.figures.totals);

      // The data changes after filing: I gets its codes.
      await act(t, ref.I!, 'classify', code('investment_linked', 'other'));
      const now = (await get(`/api/v1/returns/fca-disp?${PERIOD}`)).json();
      assert.equal(
        now.figures.byProductGroup.find(
          (r: { productGroup: string }) => r.productGroup === 'investments',
        ).opened,
        1,
      );
      assert.deepEqual(now.warnings, []);

      const again = (await get(`/api/v1/returns/fca-disp/filed/${v1.id}`, 'auditor')).json();
      assert.deepEqual(again, v1);
      await assert.rejects(
        t.db.query(`update filed_returns set figures = '{}' where id = $1`, [v1.id]),
        /filed returns cannot be changed/,
      );
      await assert.rejects(t.db.query('delete from filed_returns'), /cannot be changed/);

      const v2 = await file();
      assert.equal(v2.version, 2);
      assert.notEqual(v2.digest, v1.digest);
      const list = (await get('/api/v1/returns/fca-disp/filed')).json();
      assert.deepEqual(
        list.items.map((x: { version: number }) => x.version),
        [2, 1],
      );
    });

    test('handlers may not read returns; auditors may read but not file', async () => {
      assert.equal((await get(`/api/v1/returns/fca-disp?${PERIOD}`, 'handler')).statusCode, 403);
      assert.equal((await get(`/api/v1/returns/fca-disp?${PERIOD}`, 'auditor')).statusCode, 200);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/returns/fca-disp/filed',
        headers: t.as('auditor'),
        payload: { periodStart: '2027-01-01', periodEnd: '2027-06-30' },
      });
      assert.equal(r.statusCode, 403);
      const unknown = await get(`/api/v1/returns/nonsense?${PERIOD}`);
      assert.equal(unknown.json().error.code, 'REPORT.NOT_FOUND');
      const missing = await get('/api/v1/returns/fca-disp/filed/999999');
      assert.equal(missing.json().error.code, 'RETURN.NOT_FILED');
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}
