// npm run bench:queue-render — the queue's first render at production size, in a real browser.
// Loads 1,000,000 complaints (200,000 open) into PostgreSQL with bench/queue.ts's loader, starts
// the real server (API and web app) in a child process, signs a handler in, then has Debian's
// Chromium navigate to /queue again and again and measures, in the page, the time from
// navigation start to the first rows of the queue on screen (the list's first item present,
// laid out, with its clock badges). The first navigation is cold (nothing cached); the rest are
// warm (hashed assets cached, as for a handler who opens the queue each morning).
// Target: ≤ 1 s.
//
// Environment: BENCH_DATABASE_URL (admin connection), BENCH_COMPLAINTS (1000000),
// BENCH_NAVIGATIONS (15), BENCH_KEEP=1 (keep the database redress_bench_queue_render),
// BENCH_REUSE=1 (measure that database as an earlier BENCH_KEEP=1 run left it, without loading).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createUser } from '../src/app/users/create-user.ts';
import { openPostgres, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensureWebBuilt } from '../test/helpers/web-build.ts';
import {
  reuseOrCreateBenchDatabase,
  envNumber,
  fmtInt,
  percentile,
  signedInContext,
  startServerChild,
  type ServerChild,
} from './harness.ts';
import { load } from './queue.ts';

const N = Math.round(envNumber('BENCH_COMPLAINTS', 1_000_000));
const NAVIGATIONS = Math.round(envNumber('BENCH_NAVIGATIONS', 15));
const TARGET_MS = 1000;
const EMAIL = 'render-bench@bench.example';
const PASSWORD = 'bench-password-123';

/** Runs in the page before its scripts: notes when the queue's first row is on screen. A
 *  string, not a function: tsx would add its own helpers to a function's source. */
const WATCH_FIRST_ROW = `
  new MutationObserver(function (_, obs) {
    var li = document.querySelector('main ol li');
    if (li && li.getBoundingClientRect().height > 0) {
      window.__firstRowAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function main() {
  const bench = await reuseOrCreateBenchDatabase('queue_render', N);
  let db: Db | null = null;
  let server: ServerChild | null = null;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    ensureWebBuilt();
    db = await openPostgres(bench.url, 2);
    await migrate(db);
    console.log(
      `queue render benchmark: ${fmtInt(N)} complaints (${fmtInt(N / 5)} open), ${NAVIGATIONS} navigations, ` +
        `database ${bench.name}; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    if (bench.reused) console.log('reusing the data of an earlier run (BENCH_REUSE=1)');
    else {
      const t0 = performance.now();
      await load(bench.url, db);
      console.log(`load: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await createUser(
        { db, now: () => new Date() },
        { id: 'bench', role: 'system' },
        { email: EMAIL, name: 'Render Bench', role: 'handler', password: PASSWORD },
      );
    }
    const open = await db.query<{ n: number }>(
      'select count(*)::int as n from complaints where is_open',
    );
    console.log(`open complaints: ${fmtInt(open.rows[0]!.n)}`);

    server = await startServerChild(bench.url, { REDRESS_WORKER: '0' });
    const origin = server.origin;
    const context = await signedInContext(browser, origin, EMAIL, PASSWORD);
    await context.addInitScript({ content: WATCH_FIRST_ROW });
    // The server has been running a while before anyone opens the queue: warm its caches and
    // query plans with a few API reads first (the browser's own cache is still empty).
    const [session] = await context.cookies(origin);
    const pair = `${session!.name}=${session!.value}`;
    for (let i = 0; i < 5; i++) {
      await fetch(`${origin}/api/v1/complaints?open=true&limit=25`, { headers: { cookie: pair } });
      await fetch(`${origin}/api/v1/complaints/views`, { headers: { cookie: pair } });
    }
    const page = await context.newPage();
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < NAVIGATIONS; i++) {
      await page.goto(`${origin}/queue`);
      await page
        .waitForFunction(
          () => (window as unknown as { __firstRowAt?: number }).__firstRowAt,
          null,
          {
            timeout: 30_000,
          },
        )
        .catch(async (err: unknown) => {
          console.error(
            `no rows; the page says: ${(await page.locator('main').innerText()).slice(0, 500)}`,
          );
          throw err;
        });
      times.push(
        await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt),
      );
      rows = await page.locator('main ol > li').count();
      if (i === 0 || process.env.BENCH_VERBOSE === '1') {
        // Where the time went: each request the page made, from navigation start.
        const entries = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e as PerformanceResourceTiming)
            .map((e) => [e.name.replace(location.origin, ''), e.startTime, e.responseEnd] as const),
        );
        console.log(`  visit ${i + 1}: first rows at ${times[i]!.toFixed(0)} ms; requests:`);
        for (const [name, start, end] of entries) {
          console.log(
            `    ${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)} ms  ${name.slice(0, 90)}`,
          );
        }
      }
      // Leave the page for a blank one, so each navigation starts the app afresh.
      await page.goto('about:blank');
    }
    const cold = times[0]!;
    const warm = times.slice(1).sort((a, b) => a - b);
    const p50 = percentile(warm, 50);
    const p95 = percentile(warm, 95);
    const met = cold <= TARGET_MS && p95 <= TARGET_MS;
    console.log('');
    console.log(`navigation → first rows of /queue on screen (${rows} rows on the page):`);
    console.log(`  cold (first visit, nothing cached): ${cold.toFixed(0)} ms`);
    console.log(
      `  warm (${warm.length} visits): p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${warm[warm.length - 1]!.toFixed(0)} ms`,
    );
    console.log(
      `target ≤ ${TARGET_MS} ms: ${met ? 'MET' : 'MISSED'}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    if (process.env.BENCH_KEEP === '1' || bench.reused)
      console.log(`kept database ${bench.name} (${bench.url})`);
    else await bench.drop();
  }
}

await main();
