// npm run bench:reports — the report reads at production size. Loads 1,000,000 complaints over
// three years into PostgreSQL with set-based SQL (bench/load-complaints.ts), then times each
// report for the last full year (every policy, default grouping, with its totals), the lessons
// register (the report's and the /lessons screen's), and the FCA return for a half-year, through the same use cases the routes call.
// Targets: each report p95 ≤ 500 ms; the FCA return ≤ 2 s.
//
// Environment: BENCH_DATABASE_URL (admin connection), BENCH_COMPLAINTS (1000000),
// BENCH_RUNS (15 per report), BENCH_KEEP=1 (keep the database redress_bench_reports),
// BENCH_REUSE=1 (measure a database kept by an earlier run, without loading), BENCH_DB_NAME
// (reports: the database is redress_bench_<name>; another name keeps runs beside each other apart).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { PolicyRegistry } from '../src/app/policy-registry.ts';
import {
  getLessonsRegister,
  getReport,
  getSatisfactionComments,
  type ReportDeps,
} from '../src/app/reports/get-report.ts';
import { listLessons } from '../src/app/lessons/list-lessons.ts';
import { computeReturn } from '../src/app/reports/returns.ts';
import { openPostgres, type Db } from '../src/db/client.ts';
import { REPORTS } from '../src/db/queries/reports/definitions.ts';
import { migrate } from '../src/db/migrate.ts';
import { createBenchDatabase, envNumber, fmtInt, fmtMs, percentile, ADMIN_URL } from './harness.ts';
import { loadComplaints } from './load-complaints.ts';

const N = Math.round(envNumber('BENCH_COMPLAINTS', 1_000_000));
const RUNS = Math.round(envNumber('BENCH_RUNS', 15));
const NOW = new Date('2026-12-01T12:00:00Z');
const YEAR = { from: '2025-12-01', to: '2026-11-30' };
const HALF_YEAR = { periodStart: '2026-01-01', periodEnd: '2026-06-30', policy: 'uk-fca-disp' };
const ACTOR = { id: 'bench', role: 'manager' as const };

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1]! };
}

async function main() {
  const reuse = process.env.BENCH_REUSE === '1';
  let url: string;
  let drop = async () => {};
  const dbName = process.env.BENCH_DB_NAME ?? 'reports';
  if (reuse) {
    const u = new URL(ADMIN_URL);
    u.pathname = `/redress_bench_${dbName}`;
    url = u.toString();
  } else {
    const bench = await createBenchDatabase(dbName);
    url = bench.url;
    drop = () => bench.drop();
  }
  let db: Db | null = null;
  let failed = false;
  try {
    db = await openPostgres(url, 1);
    await migrate(db);
    const policies = new PolicyRegistry(db);
    await policies.syncPresets();
    console.log(
      `reports benchmark: ${fmtInt(N)} complaints over 3 years, ${RUNS} runs each after a warm-up; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    if (!reuse) {
      const t0 = performance.now();
      await loadComplaints(db, { complaints: N, days: 3 * 365, now: NOW }, console.log);
      console.log(`load: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const sizes = await db.query<{ t: string; rows: string; size: string }>(
      `select t, (select reltuples::bigint from pg_class where relname = t)::text as rows,
         pg_size_pretty(pg_total_relation_size(t::regclass)) as size
       from unnest(array['complaints', 'clock_instances', 'events']) as t`,
    );
    console.log(
      `  ${sizes.rows.map((r) => `${r.t} ${fmtInt(Number(r.rows))} rows ${r.size}`).join(', ')}`,
    );
    const deps: ReportDeps = { db, policies, now: () => NOW, config: {} };

    console.log(`\nreport (a year: ${YEAR.from} to ${YEAR.to})   p50 ms   p95 ms   max ms`);
    const line = (name: string, r: { p50: number; p95: number; max: number }, target: number) => {
      const ok = r.p95 <= target;
      if (!ok) failed = true;
      console.log(
        `  ${name.padEnd(36)} ${fmtMs(r.p50).padStart(7)}  ${fmtMs(r.p95).padStart(7)}  ${fmtMs(r.max).padStart(7)}  ${ok ? 'ok' : `over ${target} ms`}`,
      );
    };
    for (const name of Object.keys(REPORTS)) {
      line(name, await time(RUNS, () => getReport(deps, ACTOR, { ...YEAR, name })), 500);
    }
    line('lessons', await time(RUNS, () => getLessonsRegister(deps, ACTOR, YEAR)), 500);
    // The dashboard's latest satisfaction comments (the few rows shown, from the closings index).
    line(
      'satisfaction comments (latest 10)',
      await time(RUNS, () => getSatisfactionComments(deps, ACTOR, YEAR)),
      500,
    );
    // The register's screen (GET /lessons): the latest 100 of every period, with the filter
    // choices and the corrective actions; and found by words.
    line(
      'lessons register (all, 100)',
      await time(RUNS, () => listLessons(deps, ACTOR, { limit: 100 })),
      500,
    );
    line(
      'lessons register ("fault", a year)',
      await time(RUNS, () => listLessons(deps, ACTOR, { ...YEAR, q: 'fault', limit: 100 })),
      500,
    );
    line(
      'volumes, one policy, by month',
      await time(RUNS, () =>
        getReport(deps, ACTOR, {
          ...YEAR,
          name: 'volumes',
          groupBy: 'month',
          policy: 'uk-comms-ombudsman',
        }),
      ),
      500,
    );
    console.log(`\nreturn (${HALF_YEAR.periodStart} to ${HALF_YEAR.periodEnd})`);
    line(
      'fca-disp (uk-fca-disp)',
      await time(Math.max(3, Math.round(RUNS / 3)), () =>
        computeReturn(deps, ACTOR, { ...HALF_YEAR, kind: 'fca-disp' }),
      ),
      2000,
    );
    const fca = await computeReturn(deps, ACTOR, { ...HALF_YEAR, kind: 'fca-disp' });
    const totals = (fca.figures as { totals: Record<string, number> }).totals;
    console.log(`  (opened ${fmtInt(totals.opened!)}, closed ${fmtInt(totals.closed!)})`);
    line(
      'ofcom-quarterly (uk-comms-ombudsman)',
      await time(RUNS, () =>
        computeReturn(deps, ACTOR, {
          periodStart: '2026-04-01',
          periodEnd: '2026-06-30',
          kind: 'ofcom-quarterly',
        }),
      ),
      2000,
    );
    line(
      'spso-kpi (vn-datacentre, a year)',
      await time(RUNS, () =>
        computeReturn(deps, ACTOR, {
          periodStart: YEAR.from,
          periodEnd: YEAR.to,
          kind: 'spso-kpi',
        }),
      ),
      2000,
    );
  } finally {
    await db?.close();
    if (process.env.BENCH_KEEP !== '1' && !reuse) await drop();
  }
  if (failed) process.exitCode = 1;
}

await main();
