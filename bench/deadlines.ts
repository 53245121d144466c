// npm run bench:deadlines — 1,000,000 deadlines (mixed units, UK and VN calendars, receipts
// spread over 2026–2028) through the fast calendar, and a sample through the straightforward
// day-by-day loop over date-holidays, with the ratio and a check that both agree.
import { BusinessCalendar } from '../src/domain/calendar/business-calendar.ts';
import { dueInstant, type ClockSpan } from '../src/domain/clocks/deadline.ts';
import { calendarSchema } from '../src/domain/policy/schema.ts';
import { naiveDeadlines } from './naive-deadline.ts';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 5_000);

const setups = [
  { tz: 'Europe/London', config: calendarSchema.parse({ holidays: 'GB-ENG' }) },
  { tz: 'Asia/Ho_Chi_Minh', config: calendarSchema.parse({ holidays: 'VN' }) },
];
const spans: ClockSpan[] = [
  { amount: 24, unit: 'working_hours' },
  { amount: 20, unit: 'working_days' },
  { amount: 3, unit: 'working_days' },
  { amount: 16, unit: 'business_hours' },
  { amount: 8, unit: 'calendar_weeks' },
  { amount: 1, unit: 'calendar_months' },
  { amount: 7, unit: 'calendar_days' },
  { amount: 48, unit: 'calendar_hours' },
];

// Deterministic pseudo-random inputs (xorshift), generated before timing.
let seed = 0x9e3779b9;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const FROM = Date.parse('2026-01-01T00:00:00Z');
const SPAN = Date.parse('2029-01-01T00:00:00Z') - FROM;
const received = new Float64Array(N);
const which = new Uint8Array(N);
const kind = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  received[i] = FROM + Math.floor((rand() * SPAN) / 60_000) * 60_000;
  which[i] = rand() < 0.5 ? 0 : 1;
  kind[i] = Math.floor(rand() * spans.length);
}

const calendars = setups.map((s) => new BusinessCalendar(s.tz, s.config));
// Warm the tables (a server builds them once per policy).
for (const c of calendars) dueInstant(c, spans[0]!, FROM + SPAN);

function timeFast(count: number, out: Float64Array): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++)
    out[i] = dueInstant(calendars[which[i]!]!, spans[kind[i]!]!, received[i]!)!;
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const fastOut = new Float64Array(N);
timeFast(Math.min(N, 100_000), fastOut); // JIT warm-up
const fastSeconds = timeFast(N, fastOut);
const fastRate = N / fastSeconds;

const naives = setups.map((s) => naiveDeadlines(s.tz, s.config));
const sampleStep = Math.max(1, Math.floor(N / SAMPLE));
let sampled = 0;
let disagreements = 0;
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i += sampleStep) {
  const naive = naives[which[i]!]!(spans[kind[i]!]!, received[i]!);
  if (naive !== fastOut[i]) disagreements++;
  sampled++;
}
const naiveSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const naiveRate = sampled / naiveSeconds;

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
console.log(`deadlines computed:          ${fmt(N)} in ${fastSeconds.toFixed(3)} s`);
console.log(`fast calendar:               ${fmt(fastRate)} deadlines/s (one core)`);
console.log(`straightforward loop:        ${fmt(naiveRate)} deadlines/s (${fmt(sampled)} sampled)`);
console.log(`ratio:                       ${(fastRate / naiveRate).toFixed(1)}x`);
console.log(`agreement on the sample:     ${sampled - disagreements}/${sampled}`);
console.log(
  `targets: >= 1,000,000/s ${fastRate >= 1e6 ? 'MET' : 'MISSED'}; >= 20x ${fastRate / naiveRate >= 20 ? 'MET' : 'MISSED'}`,
);
if (disagreements > 0) process.exitCode = 1;
