// The shipped presets (policies/*.yaml): valid, quoted, faithful to their sources, and the
// published procedure generated from them says what they enforce.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { listPresets, presetsDir, resolvePolicy, type Preset } from '../../src/app/policies.ts';
import { calendarFor } from '../../src/domain/clocks/policy-clocks.ts';
import { renderProcedure, summarisePolicy } from '../../src/domain/policy/render.ts';
import type { CalendarDay, Policy } from '../../src/domain/policy/schema.ts';

let presets: Preset[] = [];
before(async () => {
  presets = await listPresets();
});

function versionsOf(id: string): Policy[] {
  const p = presets.find((x) => x.id === id);
  assert.ok(p, `preset ${id} exists`);
  return p.versions;
}

/** Every `quote` / `urgentQuote` in a policy, with where it is. */
function quotes(value: unknown, path = ''): [string, string][] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    (k === 'quote' || k === 'urgentQuote') && typeof v === 'string'
      ? [[`${path}${k}`, v] as [string, string]]
      : quotes(v, `${path}${k}.`),
  );
}

const dateOf = (d: CalendarDay) => (typeof d === 'string' ? d : d.date);

describe('presets', () => {
  test('every preset file parses, and is named after its policy id', () => {
    const files = readdirSync(presetsDir).filter((f) => f.endsWith('.yaml'));
    assert.deepEqual(
      presets.map((p) => `${p.id}.yaml`),
      files.sort(),
    );
    assert.deepEqual(
      presets.map((p) => p.id),
      ['uk-comms-ombudsman', 'uk-fca-disp', 'vn-datacentre'],
    );
  });

  test('every clock of every version has a label and a quote', () => {
    for (const { id, versions } of presets) {
      for (const v of versions) {
        for (const [name, clock] of Object.entries(v.clocks)) {
          assert.ok(clock.quote && clock.quote.length > 20, `${id} v${v.version} ${name} quote`);
          assert.ok(clock.label, `${id} v${v.version} ${name} label`);
        }
      }
    }
  });

  test('regulatory clocks never pause; every clock stops on something', () => {
    for (const { versions } of presets) {
      for (const v of versions) {
        for (const [name, clock] of Object.entries(v.clocks)) {
          if (clock.regulatory) assert.notEqual(clock.pausable, true, name);
          assert.ok(clock.stopsOn, `${name} stops`);
        }
      }
    }
  });

  test('resolvePolicy finds presets by id and by path', async () => {
    const byId = await resolvePolicy('vn-datacentre', new Date('2026-06-01T00:00:00Z'));
    const byPath = await resolvePolicy(
      join(presetsDir, 'vn-datacentre.yaml'),
      new Date('2026-06-01T00:00:00Z'),
    );
    assert.deepEqual(byPath, byId);
    await assert.rejects(resolvePolicy('no-such-preset', new Date()), /uk-comms-ombudsman/);
  });

  test('the summary lists every clock as name: amount unit (stops on …)', () => {
    const text = summarisePolicy(versionsOf('vn-datacentre')[0]!);
    assert.match(text, /resolution: 20 working_days \(stops on responded/);
    assert.match(
      text,
      /transfer_feedback: 24 working_hours \(stops on .*; starts on transferred\)/,
    );
  });
});

const SEEDS = '/work/shared/seeds';
const seedText: Record<string, string> = {
  'uk-comms-ombudsman': '000_6fdd914f9c5c6893.txt',
  'vn-datacentre': '004_d3d2eb5f34fc3b77.txt',
};
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe(
  'quotes are verbatim from the seeds',
  { skip: !existsSync(SEEDS) && 'seeds not here' },
  () => {
    test('every quote of uk-comms-ombudsman v1 and vn-datacentre is in its seed', () => {
      for (const [id, file] of Object.entries(seedText)) {
        const seed = norm(readFileSync(join(SEEDS, file), 'utf8'));
        const [first] = versionsOf(id);
        const found = quotes(first);
        assert.ok(found.length >= 8, `${id} has quotes`);
        for (const [where, q] of found) assert.ok(seed.includes(norm(q)), `${id} ${where}: ${q}`);
      }
    });

    test('v2 of uk-comms-ombudsman keeps the seed quotes except where the rules changed', () => {
      const seed = norm(readFileSync(join(SEEDS, seedText['uk-comms-ombudsman']!), 'utf8'));
      const changed = [
        'clocks.deadlock.quote',
        'communications.deadlock_letter.quote',
        'adr.quote',
      ];
      for (const [where, q] of quotes(versionsOf('uk-comms-ombudsman')[1])) {
        if (!changed.includes(where)) assert.ok(seed.includes(norm(q)), `${where}: ${q}`);
      }
    });
  },
);

describe('uk-comms-ombudsman', () => {
  test('v1: 24 working hours to acknowledge, eight weeks to deadlock, letter on request', () => {
    const [v1] = versionsOf('uk-comms-ombudsman');
    assert.equal(v1!.effectiveFrom, '1970-01-01');
    assert.deepEqual(
      [v1!.clocks.acknowledge!.amount, v1!.clocks.acknowledge!.unit],
      [24, 'working_hours'],
    );
    const d = v1!.clocks.deadlock!;
    assert.deepEqual(
      [d.amount, d.unit, d.regulatory, d.pausable],
      [8, 'calendar_weeks', true, false],
    );
    assert.ok(d.onBreach.some((a) => a.do === 'send' && a.communication === 'adr_notice'));
    assert.equal(v1!.deadlock.letterAutomatic, false);
    assert.deepEqual(v1!.deadlock.refuseWhenFlagged, ['vexatious', 'outside_jurisdiction']);
    assert.equal(v1!.adr!.scheme.name, 'Communications Ombudsman');
    assert.deepEqual(v1!.adr!.scheme.address, ['PO Box 730', 'Warrington', 'WA4 6WU']);
    assert.deepEqual(v1!.adr!.timeLimit, { amount: 12, unit: 'calendar_months' });
  });

  test('every channel the seed names has its 24-hour written-contact clock', () => {
    const [v1] = versionsOf('uk-comms-ombudsman');
    const covering = (channel: 'email' | 'post' | 'phone' | 'web') =>
      Object.values(v1!.clocks).filter(
        (c) => c.unit === 'working_hours' && c.amount === 24 && c.channels?.includes(channel),
      );
    for (const ch of ['email', 'post', 'phone', 'web'] as const) {
      assert.equal(covering(ch).length, 1, ch);
    }
  });

  test('target resolution is a pausable internal month followed by progress reports', () => {
    const [v1] = versionsOf('uk-comms-ombudsman');
    const t = v1!.clocks.target_resolution!;
    assert.deepEqual(
      [t.amount, t.unit, t.pausable, t.regulatory],
      [1, 'calendar_months', true, false],
    );
    const send = t.onBreach.find((a) => a.do === 'send');
    assert.equal(send?.communication, 'progress_report');
    assert.deepEqual(send?.repeat, { amount: 2, unit: 'calendar_weeks' });
    assert.equal(v1!.communications.progress_report!.via, 'preferred');
  });

  test('v2 from 8 April 2026: six weeks, letter sent unprompted, Communications Ombudsman', async () => {
    const v2 = versionsOf('uk-comms-ombudsman')[1]!;
    assert.equal(v2.version, 2);
    assert.equal(v2.effectiveFrom, '2026-04-08');
    assert.deepEqual([v2.clocks.deadlock!.amount, v2.clocks.deadlock!.unit], [6, 'calendar_weeks']);
    assert.ok(
      v2.clocks.deadlock!.onBreach.some(
        (a) => a.do === 'send' && a.communication === 'deadlock_letter',
      ),
    );
    assert.equal(v2.deadlock.letterAutomatic, true);
    assert.equal(v2.communications.deadlock_letter!.automatic, true);
    assert.equal(v2.adr!.scheme.name, 'Communications Ombudsman');
    assert.deepEqual(v2.adr!.timeLimit, { amount: 12, unit: 'calendar_months' });
    const at = (iso: string) => resolvePolicy('uk-comms-ombudsman', new Date(iso));
    assert.equal((await at('2026-04-07T22:30:00Z')).version, 1);
    assert.equal((await at('2026-04-07T23:30:00Z')).version, 2);
  });
});

describe('vn-datacentre', () => {
  test('calendar, languages and the 20-working-day regulatory limit', () => {
    const [vn] = versionsOf('vn-datacentre');
    assert.equal(vn!.timezone, 'Asia/Ho_Chi_Minh');
    assert.deepEqual(vn!.languages, ['vi', 'en']);
    assert.equal(vn!.calendar.holidays, 'VN');
    const r = vn!.clocks.resolution!;
    assert.deepEqual([r.amount, r.unit, r.regulatory], [20, 'working_days', true]);
    assert.equal(vn!.clocks.transfer_feedback!.startsOn, 'transferred');
    assert.equal(vn!.closing.requireSummary, true);
    assert.equal(vn!.closing.requireLessonsLearned, true);
    assert.equal(vn!.approval?.role, 'manager');
    assert.equal(vn!.intake.firstContactResolution.requireOutcome, true);
  });

  test('the 2026 corrections are present, each to be confirmed yearly', () => {
    const [vn] = versionsOf('vn-datacentre');
    const added = vn!.calendar.add;
    const dates = added.map(dateOf);
    for (const d of ['2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', '2026-09-01']) {
      assert.ok(dates.includes(d), d);
    }
    for (const d of added) {
      assert.equal(typeof d, 'object');
      if (typeof d === 'object') {
        assert.equal(d.confirmYearly, true, d.date);
        assert.equal(d.note, "to be confirmed against the government's notice each year");
        assert.ok(d.name, d.date);
      }
    }
    assert.ok(dates.some((d) => d.startsWith('2027')) && dates.some((d) => d.startsWith('2028')));
  });

  test('the calendar built from the preset closes Tết (5 days), 27 April and both National Days', () => {
    const cal = calendarFor(versionsOf('vn-datacentre')[0]!);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      assert.equal(cal.isWorkingDate(d), false, d);
    }
    for (const d of ['2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']) {
      assert.equal(cal.isWorkingDate(d), false, d);
    }
    assert.equal(cal.isWorkingDate('2026-02-23'), true);
    assert.equal(cal.isWorkingDate('2026-09-03'), true);
  });
});

describe('uk-fca-disp', () => {
  test('three business days, eight weeks, FOS with six months, records for three years', () => {
    const [fca] = versionsOf('uk-fca-disp');
    const s = fca!.clocks.summary_resolution!;
    assert.deepEqual([s.amount, s.unit], [3, 'working_days']);
    const f = fca!.clocks.final_response!;
    assert.deepEqual([f.amount, f.unit, f.regulatory], [8, 'calendar_weeks', true]);
    assert.equal(fca!.adr!.scheme.name, 'Financial Ombudsman Service');
    assert.deepEqual(fca!.adr!.scheme.address, ['Exchange Tower', 'London', 'E14 9SR']);
    assert.equal(fca!.adr!.scheme.phone, '0800 023 4567');
    assert.deepEqual(fca!.adr!.timeLimit, { amount: 6, unit: 'calendar_months' });
    assert.equal(fca!.retention.years, 3);
    assert.ok(fca!.communications.final_response!.mustInclude.includes('fos_leaflet'));
  });
});

describe('renderProcedure', () => {
  test('uk-comms-ombudsman v1 (English): promises, ADR scheme and its address', () => {
    const text = renderProcedure(versionsOf('uk-comms-ombudsman')[0]!, 'en');
    assert.match(
      text,
      /acknowledge your complaint within 24 hours \(excluding weekends and bank holidays\)\./,
    );
    assert.match(
      text,
      /get back to you in writing within 24 hours \(excluding weekends and bank holidays\)/,
    );
    assert.match(text, /within 1 week of receiving your complaint/);
    assert.match(text, /within 1 month/);
    assert.match(text, /progress report every 2 weeks by your preferred contact method/);
    assert.match(text, /within 8 weeks/);
    assert.match(text, /Communications Ombudsman/);
    assert.doesNotMatch(text, /Brew House/);
    assert.match(text, /PO Box 730\n {2}Warrington\n {2}WA4 6WU\n {2}Phone: 0330 440 1614/);
    assert.match(text, /www\.commsombudsman\.org/);
    assert.match(text, /within 12 months of the date of our deadlock letter/);
    assert.match(text, /On request, we will send you a deadlock letter\./);
    assert.match(text, /vexatious or outside the jurisdiction of the Communications Ombudsman/);
    assert.match(text, /escalate its priority/);
    assert.match(text, /post you a printed copy of this procedure free of charge/);
    assert.match(text, /Monday to Friday, except bank holidays in England/);
    assert.match(text, /0800 078 9438/);
  });

  test('uk-comms-ombudsman v2 (English): six weeks, letter unprompted, 12 months', () => {
    const text = renderProcedure(versionsOf('uk-comms-ombudsman')[1]!, 'en');
    assert.match(text, /within 6 weeks/);
    assert.doesNotMatch(text, /8 weeks/);
    assert.match(text, /deadlock letter, without your having to ask/);
    assert.match(text, /the Communications Ombudsman within 12 months/);
    assert.match(text, /www\.commsombudsman\.org/);
  });

  test('uk-comms-ombudsman in Vietnamese still carries the scheme and the time limits', () => {
    const text = renderProcedure(versionsOf('uk-comms-ombudsman')[1]!, 'vi');
    assert.match(text, /trong vòng 24 giờ \(không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ\)/);
    assert.match(text, /Communications Ombudsman/);
    assert.match(text, /www\.commsombudsman\.org/);
    assert.match(text, /trong vòng 12 tháng/);
  });

  test('vn-datacentre in Vietnamese, with correct diacritics', () => {
    const text = renderProcedure(versionsOf('vn-datacentre')[0]!, 'vi');
    assert.match(text, /^Quy trình giải quyết khiếu nại của khách hàng\n=+\n/);
    assert.match(
      text,
      /trong vòng 20 ngày làm việc \(không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết\)/,
    );
    assert.match(text, /trong vòng 24 giờ \(không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết\)/);
    assert.doesNotMatch(
      text,
      /giờ làm việc|Asia\/Ho_Chi_Minh|vn-datacentre|bế tắc|quấy rối|báo cáo/,
    );
    assert.match(text, /giờ Việt Nam \(GMT\+7\)/);
    assert.match(text, /bằng văn bản về kết quả giải quyết/);
    assert.match(text, /\(028\) 7308 0708/);
    assert.match(text, /support@usdc\.vn/);
    assert.match(text, /cấp quản lý phê duyệt/);
    assert.match(text, /tổng kết và rút kinh nghiệm/);
    assert.match(text, /Thứ Hai, ngày 27 tháng 4 năm 2026/);
    assert.match(text, /Việt Nam/);
    assert.doesNotMatch(text, /We will|working days/);
  });

  test('vn-datacentre in English', () => {
    const text = renderProcedure(versionsOf('vn-datacentre')[0]!, 'en');
    assert.match(text, /within 20 working days \(excluding weekends and public holidays\)/);
    assert.match(
      text,
      /feedback within 24 hours \(excluding weekends and public holidays\) of the transfer/,
    );
    assert.match(text, /written response on its outcome/);
    assert.match(text, /Monday 27 April 2026/);
    assert.doesNotMatch(text, /deadlock|Ombudsman/i);
  });

  test('uk-fca-disp: FOS, leaflet promise, six months, three years', () => {
    const text = renderProcedure(versionsOf('uk-fca-disp')[0]!, 'en');
    assert.match(
      text,
      /within 3 working days \(excluding weekends and bank holidays\) after the day we receive it/,
    );
    assert.match(text, /final response within 8 weeks/);
    assert.match(
      text,
      /the Financial Ombudsman Service within 6 months of the date of our final response/,
    );
    assert.match(text, /Exchange Tower\n {2}London\n {2}E14 9SR/);
    assert.match(text, /www\.financial-ombudsman\.org\.uk/);
    assert.match(text, /0800 023 4567/);
    assert.match(text, /for 3 years/);
  });

  test('a minimal policy renders from defaults in both languages, singular units too', async () => {
    const { parsePolicyText } = await import('../../src/domain/policy/parse.ts');
    const [p] = parsePolicyText(
      `id: m\nname: Minimal\ntimezone: Europe/London\ncalendar: { holidays: GB-SCT }\nclocks:\n  acknowledge: { amount: 1, unit: working_days, stopsOn: acknowledged }\n  reply: { amount: 1, unit: business_hours, stopsOn: responded }\n  custom: { amount: 2, unit: calendar_hours }\n`,
      'm.yaml',
    );
    const en = renderProcedure(p!, 'en');
    assert.match(en, /We will acknowledge your complaint within 1 working day \(excluding/);
    assert.match(en, /within 1 business hour \(counted only during our opening hours, 09:00–17:30/);
    assert.match(en, /custom: within 2 hours\./);
    assert.match(en, /bank holidays in Scotland/);
    assert.match(en, /On request, we will send you a deadlock letter\./);
    const vi = renderProcedure(p!, 'vi');
    assert.match(vi, /trong vòng 1 ngày làm việc/);
    assert.match(vi, /trong vòng 1 giờ hành chính/);
  });
});
