// The Ofcom-style quarterly figures and the SPSO-style KPI pack, for small fixtures whose
// expected figures are worked out by hand (each complaint's comment says where it counts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { act, register } from './report-fixture.ts';

type Step = [at: string, action: string, payload?: object];

async function run(t: TestApp, policy: string, receivedAt: string, channel: string, steps: Step[]) {
  t.setNow(new Date(Date.parse(receivedAt) + 60_000));
  const ref = await register(t, { policy, channel, receivedAt });
  for (const [at, action, payload] of steps) {
    t.setNow(new Date(at));
    await act(t, ref, action, payload ?? {});
  }
  return ref;
}

const answer = (at: string, outcome: string, close: object = {}): Step[] => [
  [at, 'acknowledge'],
  [at, 'start-investigation'],
  [
    at,
    'propose-response',
    { response: 'Our answer', outcome, rootCause: 'process', cause: 'A fault', remedy: 'Fixed' },
  ],
  [at, 'approve-response'],
  [at, 'respond'],
  [at, 'close', close],
];

for (const engine of engines()) {
  describe(`Ofcom quarterly figures, Q2 2026 (${engine})`, () => {
    let t: TestApp;
    const refs: Record<string, string> = {};
    let figures: Record<string, unknown> & {
      perService: Record<string, unknown>[];
      topReasons: { reason: string; received: number }[];
    };

    before(async () => {
      t = await startApp(engine);
      const P = 'uk-comms-ombudsman';
      // O1 — broadband / billing, by phone on Mon 6 Apr, settled on the call: received; resolved
      // at first contact, within 1, 6 and 8 weeks.
      refs.O1 = await run(t, P, '2026-04-06T09:00:00Z', 'phone', [
        ['2026-04-06T09:30:00Z', 'classify', { productCode: 'broadband', causeCode: 'billing' }],
        [
          '2026-04-06T09:30:00Z',
          'resolve-on-first-contact',
          { outcome: 'resolved_on_first_contact', resolution: 'Refunded' },
        ],
        ['2026-04-06T09:30:00Z', 'close', { rootCause: 'billing_error' }],
      ]);
      // O2 — broadband / faults, Tue 7 Apr, upheld and closed Tue 5 May (4 weeks): within 6 and
      // 8 weeks, not 1; a vulnerable customer.
      refs.O2 = await run(t, P, '2026-04-07T09:00:00Z', 'email', [
        [
          '2026-04-07T10:00:00Z',
          'classify',
          {
            productCode: 'broadband',
            causeCode: 'faults',
            vulnerability: { identified: true, causedByFirm: false },
          },
        ],
        ...answer('2026-05-05T09:00:00Z', 'upheld'),
      ]);
      // O3 — mobile / billing, Tue 7 Apr; the customer asks for a deadlock letter, which is sent
      // on 2 May; never closed: open at 6 weeks; one ADR letter on request.
      refs.O3 = await run(t, P, '2026-04-07T11:00:00Z', 'email', [
        ['2026-04-07T12:00:00Z', 'classify', { productCode: 'mobile', causeCode: 'billing' }],
        ['2026-04-08T09:00:00Z', 'acknowledge'],
        ['2026-05-01T09:00:00Z', 'request-deadlock-letter'],
        ['2026-05-02T09:00:00Z', 'deadlock', { reason: 'Final position' }],
        ['2026-05-02T09:05:00Z', 'send-deadlock-letter'],
      ]);
      // O4 — received Tue 31 Mar, before the quarter: counted nowhere.
      refs.O4 = await run(t, P, '2026-03-31T09:00:00Z', 'email', [
        ['2026-03-31T10:00:00Z', 'classify', { productCode: 'mobile', causeCode: 'billing' }],
      ]);
      t.setNow(new Date('2026-08-01T09:00:00Z'));
      const r = await t.app.inject({
        method: 'GET',
        url: '/api/v1/returns/ofcom-quarterly?periodStart=2026-04-01&periodEnd=2026-06-30&customerBase=broadband:200000',
        headers: t.as('manager'),
      });
      assert.equal(r.statusCode, 200, r.body);
      figures = r.json().figures;
      assert.deepEqual(r.json().warnings, []);
    });
    after(() => t.close());

    test('per service: received, per 100,000 customers, first contact, 1/6/8 weeks, open at 6 weeks', () => {
      const s = Object.fromEntries(figures.perService.map((r) => [r.service, r]));
      assert.deepEqual(
        {
          received: s.broadband!.received,
          per100000Customers: s.broadband!.per100000Customers, // 2 of 200,000
          resolvedAtFirstContact: s.broadband!.resolvedAtFirstContact, // O1
          resolvedWithin1Week: s.broadband!.resolvedWithin1Week, // O1
          resolvedWithin6Weeks: s.broadband!.resolvedWithin6Weeks, // O1 O2
          resolvedWithin8Weeks: s.broadband!.resolvedWithin8Weeks, // O1 O2
          openAt6Weeks: s.broadband!.openAt6Weeks,
          upheld: s.broadband!.upheld, // O2
          vulnerableCustomers: s.broadband!.vulnerableCustomers, // O2
        },
        {
          received: 2,
          per100000Customers: 1,
          resolvedAtFirstContact: 1,
          resolvedWithin1Week: 1,
          resolvedWithin6Weeks: 2,
          resolvedWithin8Weeks: 2,
          openAt6Weeks: 0,
          upheld: 1,
          vulnerableCustomers: 1,
        },
      );
      assert.equal(s.mobile!.received, 1); // O3 (O4 is before the quarter)
      assert.equal(s.mobile!.openAt6Weeks, 1); // O3
      assert.equal(s.mobile!.adrLettersOnRequest, 1); // O3
      assert.equal(s.mobile!.adrLettersAutomatic, 0);
      assert.equal(s.mobile!.per100000Customers, null); // no customer base given
    });

    test('top reasons ranked by complaints received', () => {
      assert.deepEqual(figures.topReasons, [
        { reason: 'billing', received: 2 }, // O1 O3
        { reason: 'faults', received: 1 }, // O2
      ]);
    });

    test('a figure drills down to its complaints', async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: '/api/v1/returns/ofcom-quarterly/complaints?periodStart=2026-04-01&periodEnd=2026-06-30&key=broadband&measure=resolvedWithin6Weeks',
        headers: t.as('auditor'),
      });
      assert.deepEqual(r.json().references.sort(), [refs.O1, refs.O2].sort());
    });
  });

  describe(`SPSO KPI pack, June 2026, vn-datacentre (${engine})`, () => {
    let t: TestApp;
    let figures: { stages: Record<string, unknown>[]; totals: Record<string, unknown> };
    const close = { summary: 'Done', lessonsLearned: 'Check sooner' };

    before(async () => {
      t = await startApp(engine);
      const P = 'vn-datacentre';
      // S1 — stage 1, received Mon 1 Jun 09:00 ICT, upheld and closed Fri 5 Jun: 4 working days
      // (within 5 and 20).
      await run(
        t,
        P,
        '2026-06-01T02:00:00Z',
        'email',
        answer('2026-06-05T03:00:00Z', 'upheld', close),
      );
      // S2 — stage 2 (escalated), received Mon 4 May, not upheld, closed Mon 1 Jun: 20 working
      // days (5–8, 11–15, 18–22, 25–29 May and 1 Jun) — within 20, not 5.
      await run(t, P, '2026-05-04T02:00:00Z', 'email', [
        ['2026-05-05T02:00:00Z', 'escalate', { reason: 'Customer asked' }],
        ['2026-05-06T02:00:00Z', 'deescalate'],
        ...answer('2026-06-01T03:00:00Z', 'not_upheld', close).slice(2),
      ]);
      // S3 — stage 1, received Mon 25 May, partly upheld, closed Fri 26 Jun: 24 working days.
      await run(
        t,
        P,
        '2026-05-25T02:00:00Z',
        'email',
        answer('2026-06-26T03:00:00Z', 'partly_upheld', close),
      );
      t.setNow(new Date('2026-07-15T02:00:00Z'));
      const r = await t.app.inject({
        method: 'GET',
        url: '/api/v1/returns/spso-kpi?periodStart=2026-06-01&periodEnd=2026-06-30',
        headers: t.as('manager'),
      });
      assert.equal(r.statusCode, 200, r.body);
      figures = r.json().figures;
    });
    after(() => t.close());

    test('per stage: closed within 5 and 20 working days, average working days, outcomes', () => {
      const s = Object.fromEntries(figures.stages.map((r) => [r.stage, r]));
      assert.equal(s.stage1!.closed, 2); // S1 S3
      assert.equal(s.stage1!.within5WorkingDays, 1); // S1
      assert.equal(s.stage1!.within20WorkingDays, 1); // S1
      assert.equal(s.stage1!.averageWorkingDays, 14); // (4 + 24) / 2
      assert.equal(s.stage1!.upheld, 1);
      assert.equal(s.stage1!.partlyUpheld, 1);
      assert.equal(s.stage2!.closed, 1); // S2
      assert.equal(s.stage2!.within5WorkingDays, 0);
      assert.equal(s.stage2!.within20WorkingDays, 1);
      assert.equal(s.stage2!.averageWorkingDays, 20);
      assert.equal(s.stage2!.notUpheld, 1);
      assert.equal(figures.totals.shareWithin20WorkingDays, 0.6667); // 2 of 3
    });
  });
}
