// GET /reports/{name}: figures for a period, as JSON and CSV, that agree with each complaint's
// own detail (its timeline and clocks), and drill down to the complaints behind every figure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { factsDisagreements } from '../../src/db/queries/reports/facts-check.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';
import { act, generateFixture, register, type FixtureComplaint } from './report-fixture.ts';

const answered = recordErrors();
const START = new Date('2026-01-05T00:00:00Z');
const COUNT = 30;
/** Long after every fixture action: the report's "now". */
const REPORT_NOW = new Date('2026-06-30T12:00:00Z');
const PERIOD = 'from=2026-01-01&to=2026-12-31';

interface Detail {
  reference: string;
  channel: string;
  isOpen: boolean;
  closedAt: string | null;
  outcome: string | null;
  policy: { id: string };
  redress: {
    amount?: number;
    currency?: string;
    acceptedAt?: string | null;
    completedAt?: string | null;
  } | null;
  deadlines: { clock: string; status: string; stoppedAt: string | null }[];
  timeline: { type: string }[];
}

type Row = Record<string, string | number | null>;

function byKey(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [String(r.key), r]));
}

function count<T>(items: T[], key: (t: T) => string | null, measure: (t: T) => number) {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it) ?? '(none)';
    m.set(k, (m.get(k) ?? 0) + measure(it));
  }
  return m;
}

for (const engine of engines()) {
  describe(`reports (${engine})`, () => {
    let t: TestApp;
    let fixture: FixtureComplaint[];
    let details: Detail[];

    const get = async (url: string, role: 'manager' | 'auditor' | 'handler' = 'manager') => {
      return t.app.inject({ method: 'GET', url, headers: t.as(role) });
    };
    const report = async (name: string, query = '') => {
      const r = await get(`/api/v1/reports/${name}?${PERIOD}${query}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as { rows: Row[]; totals: Row; columns: string[]; drillDown: string };
    };
    const drill = async (name: string, query: string) => {
      const r = await get(`/api/v1/reports/${name}/complaints?${PERIOD}${query}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as { references: string[]; total: number };
    };

    before(async () => {
      t = await startApp(engine);
      fixture = await generateFixture(t, START, COUNT, 5);
      t.setNow(REPORT_NOW);
      details = [];
      for (const f of fixture) {
        const r = await get(`/api/v1/complaints/${f.reference}`);
        details.push(r.json() as Detail);
      }
    });
    after(() => t.close());

    test('volumes by channel count every complaint received, open and closed, as each complaint’s detail says', async () => {
      const r = await report('volumes', '&groupBy=channel');
      const rows = byKey(r.rows);
      const received = count(
        details,
        (d) => d.channel,
        () => 1,
      );
      const open = count(
        details,
        (d) => d.channel,
        (d) => Number(d.isOpen),
      );
      const closed = count(
        details,
        (d) => d.channel,
        (d) => Number(d.closedAt !== null),
      );
      assert.deepEqual([...rows.keys()].sort(), [...received.keys()].sort());
      for (const [k, n] of received) {
        assert.equal(rows.get(k)!.received, n, `received ${k}`);
        assert.equal(rows.get(k)!.open, open.get(k), `open ${k}`);
        assert.equal(rows.get(k)!.closed, closed.get(k), `closed ${k}`);
      }
      assert.equal(r.totals.received, COUNT);
    });

    test('clock compliance per clock agrees with every complaint’s clocks (met, breached, breached still open)', async () => {
      const r = await report('clock-compliance');
      const rows = byKey(r.rows);
      const clocks = details.flatMap((d) => d.deadlines);
      const met = count(
        clocks,
        (c) => c.clock,
        (c) => Number(c.status === 'met'),
      );
      const breached = count(
        clocks,
        (c) => c.clock,
        (c) => Number(c.status === 'breached'),
      );
      const open = count(
        clocks,
        (c) => c.clock,
        (c) => Number(c.status === 'breached' && c.stoppedAt === null),
      );
      assert.deepEqual([...rows.keys()].sort(), [...met.keys()].sort());
      for (const [clock, n] of met) {
        const row = rows.get(clock)!;
        assert.equal(row.met, n, `${clock} met`);
        assert.equal(row.breached, breached.get(clock), `${clock} breached`);
        assert.equal(row.breachedOpen, open.get(clock), `${clock} breached still open`);
        const decided = n + breached.get(clock)!;
        assert.equal(row.shareMet, decided ? Math.round((n / decided) * 10000) / 10000 : null);
      }
      // Some of each: the fixture acts before and after clocks fall due.
      assert.ok(Number(r.totals.met) > 0 && Number(r.totals.breached) > 0);
    });

    test('every complaint’s facts row, kept as it was written, agrees with the complaint and its timeline', async () => {
      const n = await t.db.query<{ n: number }>('select count(*)::int as n from complaint_facts');
      assert.equal(n.rows[0]!.n, fixture.length);
      assert.deepEqual(await factsDisagreements(t.db), []);
    });

    test('first-contact, escalations, deadlocks and ADR referrals are read from the timelines', async () => {
      const fcr = byKey((await report('first-contact')).rows);
      const had = (d: Detail, type: string) => d.timeline.some((e) => e.type === type);
      const settled = count(
        details,
        (d) => d.channel,
        (d) => Number(had(d, 'resolved_on_first_contact')),
      );
      for (const [k, n] of settled) assert.equal(fcr.get(k)!.resolvedOnFirstContact, n, k);
      assert.ok(Number(fcr.get('phone')!.rate) > 0);

      const adr = (await report('adr')).totals;
      assert.equal(adr.escalated, details.filter((d) => had(d, 'escalated')).length);
      assert.equal(adr.deadlocked, details.filter((d) => had(d, 'deadlocked')).length);
      assert.equal(adr.referred, details.filter((d) => had(d, 'referred_to_adr')).length);
      assert.equal(adr.decidedNotUpheld, adr.referred);
      assert.ok(Number(adr.deadlocked) > Number(adr.referred), 'some deadlocks went no further');
    });

    test('outcomes count complaints closed in the period; part upheld counts as upheld in the rate', async () => {
      const r = await report('outcomes', '&groupBy=outcome');
      const closed = details.filter((d) => d.closedAt !== null);
      const expected = count(
        closed,
        (d) => d.outcome,
        () => 1,
      );
      const rows = byKey(r.rows);
      for (const [k, n] of expected) assert.equal(rows.get(k)!.closed, n, k);
      const upheld = closed.filter((d) => d.outcome === 'upheld' || d.outcome === 'partly_upheld');
      assert.equal(r.totals.upheldAny, upheld.length);
      assert.equal(
        r.totals.upheldRate,
        Math.round((upheld.length / closed.length) * 10000) / 10000,
      );
    });

    test('redress sums offered, accepted and paid per currency', async () => {
      const r = await report('redress');
      const gbp = byKey(r.rows).get('GBP')!;
      const offered = details.filter((d) => d.redress);
      const sum = (ds: Detail[]) => ds.reduce((s, d) => s + (d.redress!.amount ?? 0), 0);
      assert.equal(gbp.offered, offered.length);
      assert.equal(gbp.offeredAmount, sum(offered));
      assert.equal(gbp.paidAmount, sum(offered.filter((d) => d.redress!.completedAt)));
      assert.ok(Number(gbp.paid) > 0 && Number(gbp.paid) < offered.length);
    });

    test('every figure drills down to exactly the complaints it counts', async () => {
      for (const [name, groupBy] of [
        ['volumes', 'channel'],
        ['volumes', 'month'],
        ['clock-compliance', 'clock'],
        ['outcomes', 'outcome'],
        ['adr', 'all'],
        ['root-causes', 'rootCause'],
        ['vulnerable', 'driver'],
      ] as const) {
        const r = await report(name, `&groupBy=${groupBy}`);
        const countMeasures = r.columns.filter(
          (c) => c !== 'key' && !/average|share|rate|Amount|escalations/i.test(c),
        );
        for (const row of r.rows) {
          for (const m of countMeasures) {
            const d = await drill(
              name,
              `&groupBy=${groupBy}&key=${encodeURIComponent(String(row.key))}&measure=${m}`,
            );
            if (name === 'clock-compliance') {
              // A cell counts clocks; a complaint has at most one clock of each name.
              assert.ok(d.total <= Number(row[m]), `${name} ${row.key} ${m}`);
              if (groupBy === 'clock') assert.equal(d.total, row[m], `${name} ${row.key} ${m}`);
            } else {
              assert.equal(d.total, row[m], `${name} ${groupBy} ${row.key} ${m}`);
            }
            for (const ref of d.references) {
              assert.ok(
                fixture.some((f) => f.reference === ref),
                ref,
              );
            }
          }
        }
      }
    });

    test('a narrower period counts only complaints received inside it (dates in the policy’s zone)', async () => {
      // Complaint 0 is received 2026-01-05T10:00Z, one every 5 days: 5 Jan … 24 Jan is four.
      const r = await get(
        '/api/v1/reports/volumes?from=2026-01-05&to=2026-01-20&policy=uk-comms-ombudsman&groupBy=policy',
      );
      const inside = fixture.filter(
        (f) =>
          f.policy === 'uk-comms-ombudsman' &&
          f.receivedAt >= '2026-01-05' &&
          f.receivedAt < '2026-01-21',
      );
      assert.equal(inside.length, 4);
      assert.equal(r.json().totals.received, 4);
      assert.equal(r.json().period.startsAt, '2026-01-05T00:00:00.000Z');
      assert.equal(r.json().period.endsBefore, '2026-01-21T00:00:00.000Z');
    });

    test('?format=csv and Accept: text/csv give the same rows as CSV, with the totals last', async () => {
      const json = await report('volumes', '&groupBy=channel');
      const a = await get(`/api/v1/reports/volumes?${PERIOD}&groupBy=channel&format=csv`);
      assert.equal(a.statusCode, 200);
      assert.match(a.headers['content-type'] as string, /^text\/csv/);
      const lines = a.body.trimEnd().split('\r\n');
      assert.equal(lines[0], json.columns.join(','));
      assert.equal(lines.length, json.rows.length + 2);
      assert.equal(lines.at(-1), `total,${COUNT},${json.totals.open},${json.totals.closed}`);
      const b = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/volumes?${PERIOD}&groupBy=channel`,
        headers: { ...t.as('auditor'), accept: 'text/csv' },
      });
      assert.equal(b.body, a.body);
    });

    test('the lessons register lists closed complaints’ lessons and finds them by a word', async () => {
      const all = await get(`/api/v1/reports/lessons?${PERIOD}`);
      assert.equal(all.statusCode, 200, all.body);
      assert.ok(all.json().items.length > 0);
      const one = await get(`/api/v1/reports/lessons?${PERIOD}&q=Lesson%206`);
      assert.deepEqual(
        one.json().items.map((l: { lessonsLearned: string }) => l.lessonsLearned),
        ['Lesson 6'],
      );
    });

    test('ages put every open complaint in one age band of its state', async () => {
      const r = await report('ages');
      const open = details.filter((d) => d.isOpen);
      assert.equal(r.totals.open, open.length);
      for (const row of r.rows) {
        const bands = ['under1Week', 'weeks1To4', 'weeks4To8', 'over8Weeks'];
        assert.equal(
          bands.reduce((s, b) => s + Number(row[b]), 0),
          row.open,
        );
      }
    });

    test('handlers may not read reports; an unknown report, grouping or period is a 4xx', async () => {
      assert.equal((await get(`/api/v1/reports/volumes?${PERIOD}`, 'handler')).statusCode, 403);
      const unknown = await get(`/api/v1/reports/nonsense?${PERIOD}`);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'REPORT.NOT_FOUND');
      const grouping = await get(`/api/v1/reports/volumes?${PERIOD}&groupBy=colour`);
      assert.equal(grouping.json().error.code, 'REPORT.UNKNOWN_GROUPING');
      const backwards = await get('/api/v1/reports/volumes?from=2026-02-01&to=2026-01-01');
      assert.equal(backwards.json().error.code, 'REPORT.BAD_PERIOD');
      assert.equal((await get('/api/v1/reports/volumes?from=2026-02-30&to=x')).statusCode, 400);
    });

    test('classify checks codes against the taxonomy of the complaint’s own policy version', async () => {
      t.setNow(new Date('2026-07-01T10:00:00Z'));
      const ref = await register(t, {
        policy: 'uk-fca-disp',
        channel: 'email',
        receivedAt: '2026-07-01T09:00:00Z',
      });
      const bad = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/classify`,
        headers: t.as('handler'),
        payload: { productCode: 'broadband', causeCode: 'arrears' },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.match(bad.json().error.message, /productCode: expected one of current_accounts/);
      await act(
        t,
        ref,
        'classify',
        {
          productCode: 'mortgages',
          causeCode: 'arrears',
          legalEntity: 'example_finance',
          vulnerability: { identified: true, causedByFirm: false, driver: 'health' },
        },
        'handler',
      );
      const d = (await get(`/api/v1/complaints/${ref}`)).json();
      assert.deepEqual(d.classification, {
        productCode: 'mortgages',
        causeCode: 'arrears',
        legalEntity: 'example_finance',
        vulnerability: { identified: true, causedByFirm: false, driver: 'health' },
      });
      assert.equal(d.timeline.at(-1).type, 'classified');
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}
