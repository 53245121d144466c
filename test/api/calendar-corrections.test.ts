// Calendar corrections without a new policy version: an administrator adds a late-announced
// holiday (or works a listed one); open complaints' clocks not yet due move with it, each with
// an event giving the reason; the calendar, the API and the CLI count by the correction.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

// Monday 9 February 2026, 10:00 in Ho Chi Minh City.
const NOW = new Date('2026-02-09T03:00:00Z');
const CORRECTIONS = '/api/v1/policies/vn-datacentre/calendar/corrections';

for (const engine of engines()) {
  describe(`calendar corrections (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW });
    });
    after(() => t.close());

    const logged = async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({
          policy: 'vn-datacentre',
          channel: 'email',
          receivedAt: NOW.toISOString(),
          customer: { name: 'Lê Văn Cường', email: 'cuong@example.vn', language: 'vi' },
        }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().reference as string;
    };
    const complaint = async (ref: string) =>
      (await t.app.inject({ url: `/api/v1/complaints/${ref}`, headers: t.as('handler') })).json();
    const due = async (ref: string) =>
      (await complaint(ref)).deadlines.find((d: { clock: string }) => d.clock === 'resolution')
        .dueAt as string;
    const correct = (payload: object, role: 'administrator' | 'handler' = 'administrator') =>
      t.app.inject({ method: 'POST', url: CORRECTIONS, headers: t.as(role), payload });

    test('a late holiday moves the due date of open complaints by one working day, with the reason', async () => {
      const ref = await logged();
      const before = await due(ref);
      const r = await correct({
        date: '2026-03-02',
        change: 'add',
        name: 'Ngày nghỉ bù (thông báo muộn)',
        reason: 'Government notice 12/2026 moved a working day',
      });
      assert.equal(r.statusCode, 200, r.body);
      const moved = r.json().retimed.filter((x: { reference: string }) => x.reference === ref);
      assert.deepEqual(
        moved.map((x: { clock: string }) => x.clock),
        ['resolution'],
      );
      const afterAdd = await due(ref);
      assert.equal(moved[0].from, before);
      assert.equal(moved[0].to, afterAdd);
      assert.equal(Date.parse(afterAdd) - Date.parse(before), 86_400_000);
      const events = (await complaint(ref)).timeline.filter(
        (e: { type: string }) => e.type === 'clock_retimed',
      );
      assert.equal(events.length, 1);
      assert.equal(events[0].reason, 'Government notice 12/2026 moved a working day');
      assert.equal(events[0].data.clock, 'resolution');

      const cal = await t.app.inject({
        url: '/api/v1/policies/vn-datacentre/calendar/2026',
        headers: t.as('handler'),
      });
      assert.ok(
        cal.json().holidays.some((h: { date: string }) => h.date === '2026-03-02'),
        cal.body,
      );
      // A complaint received after the correction counts by it too.
      assert.equal(await due(await logged()), afterAdd);

      // Working the day after all moves it back.
      const back = await correct({
        date: '2026-03-02',
        change: 'remove',
        reason: 'Notice withdrawn',
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(await due(ref), before);
    });

    test('a preview says which clocks would move and changes nothing; the list names who made each correction and why', async () => {
      const ref = await logged();
      const before = await due(ref);
      const body = { date: '2026-03-04', change: 'add', reason: 'Office closed for a move' };
      const preview = await t.app.inject({
        method: 'POST',
        url: `${CORRECTIONS}/preview`,
        headers: t.as('administrator'),
        payload: body,
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const p = preview.json();
      assert.ok(p.complaints >= 1, preview.body);
      assert.ok(
        p.retimed.some(
          (x: { reference: string; from: string }) => x.reference === ref && x.from === before,
        ),
        preview.body,
      );
      // Nothing changed: the clock is where it was, and the day is still worked.
      assert.equal(await due(ref), before);
      const list = async () =>
        (
          await t.app.inject({
            url: `${CORRECTIONS}?year=2026`,
            headers: t.as('handler'),
          })
        ).json().items as {
          date: string;
          reason: string;
          by: { name: string } | null;
          stands: boolean;
        }[];
      assert.ok(!(await list()).some((c) => c.date === '2026-03-04'));
      const handlerPreview = await t.app.inject({
        method: 'POST',
        url: `${CORRECTIONS}/preview`,
        headers: t.as('handler'),
        payload: body,
      });
      assert.equal(handlerPreview.statusCode, 403, handlerPreview.body);

      const made = await correct(body);
      assert.equal(made.statusCode, 200, made.body);
      assert.equal(made.json().complaints, p.complaints);
      assert.deepEqual(made.json().retimed, p.retimed);
      const items = await list();
      const mine = items.find((c) => c.date === '2026-03-04')!;
      assert.equal(mine.reason, 'Office closed for a move');
      assert.ok(mine.by?.name, JSON.stringify(mine));
      assert.equal(mine.stands, true);
      // An earlier correction of a day replaced by a later one no longer stands.
      const march2 = items.filter((c) => c.date === '2026-03-02');
      assert.deepEqual(
        march2.map((c) => c.stands),
        [true, false],
      );
      const bad = await t.app.inject({ url: `${CORRECTIONS}?year=3000`, headers: t.as('handler') });
      assert.equal(bad.statusCode, 400, bad.body);
    });

    test('holiday names come in the language asked when the region has it: Vietnamese in Vietnamese', async () => {
      const cal = async (lang: string) =>
        (
          await t.app.inject({
            url: `/api/v1/policies/vn-datacentre/calendar/2026?lang=${lang}`,
            headers: t.as('handler'),
          })
        ).json().holidays as { date: string; name: string | null; lang: string; kind: string }[];
      const vi = (await cal('vi')).find((h) => h.date === '2026-09-02')!;
      assert.equal(vi.kind, 'public');
      assert.equal(vi.lang, 'vi');
      assert.match(String(vi.name), /Quốc khánh/);
      const en = (await cal('en')).find((h) => h.date === '2026-09-02')!;
      assert.equal(en.lang, 'en');
      assert.match(String(en.name), /National Day/);
      const added = (await cal('vi')).find((h) => h.date === '2026-03-04')!;
      assert.equal(added.kind, 'added');
      // A region without Vietnamese names keeps its own language, and says so.
      const uk = (
        await t.app.inject({
          url: '/api/v1/policies/uk-comms-ombudsman/calendar/2026?lang=vi',
          headers: t.as('handler'),
        })
      ).json().holidays as { date: string; name: string; lang: string }[];
      const xmas = uk.find((h) => h.date === '2026-12-25')!;
      assert.equal(xmas.lang, 'en');
      assert.equal(xmas.name, 'Christmas Day');
    });

    test('only an administrator corrects a calendar, and only with a date and a reason', async () => {
      const forbidden = await correct(
        { date: '2026-03-03', change: 'add', reason: 'x' },
        'handler',
      );
      assert.equal(forbidden.statusCode, 403, forbidden.body);
      for (const payload of [
        { date: '2026-02-30', change: 'add', reason: 'x' },
        { date: '2026-03-03', change: 'add', reason: ' ' },
        { date: '2026-03-03', change: 'close', reason: 'x' },
      ]) {
        const r = await correct(payload);
        assert.equal(r.statusCode, 400, `${JSON.stringify(payload)}: ${r.body}`);
      }
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies/nope/calendar/corrections',
        headers: t.as('administrator'),
        payload: { date: '2026-03-03', change: 'add', reason: 'x' },
      });
      assert.equal(unknown.statusCode, 404, unknown.body);
    });
  });
}
