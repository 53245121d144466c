// npm run fuzz — the API fuzzer (bench/fuzz-core.ts) against the real server built in this
// process: every operation of /api/openapi.json, valid and mutated requests, as each role and
// anonymously. Prints the counts by status and every 5xx; exits non-zero on any 5xx.
// FUZZ_REQUESTS (default 6000), FUZZ_SEED (default 1); DATABASE_URL: on PostgreSQL (a fresh
// bench database), else the embedded engine in memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyRegistry } from '../src/app/policy-registry.ts';
import { buildServices } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import { openPglite, openPostgres, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { ROLES } from '../src/domain/complaint/states.ts';
import { buildServer } from '../src/http/server.ts';
import { formatCounts, fuzz, seedFuzzTarget } from './fuzz-core.ts';
import { createBenchDatabase, envNumber, staffToken, type BenchDatabase } from './harness.ts';

const requests = envNumber('FUZZ_REQUESTS', 6000);
const seed = envNumber('FUZZ_SEED', 1);
const files = mkdtempSync(join(tmpdir(), 'redress-fuzz-'));

let bench: BenchDatabase | null = null;
let db: Db;
if (process.env.DATABASE_URL) {
  bench = await createBenchDatabase('fuzz');
  db = await openPostgres(bench.url);
} else {
  db = await openPglite(null);
}
await migrate(db);
const policies = new PolicyRegistry(db);
await policies.syncPresets();
for (const d of ['billing', 'network']) {
  await db.query('insert into departments (id, name) values ($1, $1)', [d]);
}
const tokens: Record<string, string> = {};
for (const role of ROLES) {
  tokens[role] = (
    await staffToken(db, role, role === 'department_member' ? 'billing' : null)
  ).token;
}
const config = loadConfig({ REDRESS_DEMO: '0', LOG_LEVEL: 'silent', REDRESS_FILES_DIR: files });
const app = await buildServer(buildServices({ config, db, policies }));
await app.ready();

const started = performance.now();
const seeded = await seedFuzzTarget(app, tokens);
const result = await fuzz(
  { app, tokens, ...seeded },
  {
    requests,
    seed,
    onProgress: (n) => process.stderr.write(`\r${n} / ${requests}`),
  },
);
const seconds = (performance.now() - started) / 1000;
process.stderr.write('\n');
console.log(
  `fuzz: ${result.requests} requests over ${result.operations} operations in ${seconds.toFixed(1)} s ` +
    `(${bench ? 'PostgreSQL' : 'embedded engine'}, seed ${seed})`,
);
console.log('answers by status:');
console.log(formatCounts(result));
const fiveHundreds = result.failures.length;
console.log(`5xx: ${fiveHundreds}`);
for (const f of result.failures.slice(0, 20))
  console.log(`  ${f.request}\n    → ${f.status} ${f.body}`);

await app.close();
await db.close();
await bench?.drop();
rmSync(files, { recursive: true, force: true });
process.exit(fiveHundreds > 0 ? 1 : 0);
