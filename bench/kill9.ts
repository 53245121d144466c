// npm run bench:kill9 — kill -9 the server during concurrent intake on PostgreSQL, three times,
// and count what the clients were told against what the database holds: every complaint
// acknowledged (a 2xx with its reference) must be there exactly once — 0 lost, 0 duplicated.
// Requests cut off by the kill are sent again with the same Idempotency-Key once the server is
// back, as a client would, and must not be duplicated either.
// KILL9_WORKERS (default 16), KILL9_ROUNDS (default 3), KILL9_LOAD_MS (default 3000).
import { openPostgres } from '../src/db/client.ts';
import {
  createBenchDatabase,
  envNumber,
  fmtInt,
  sleep,
  staffToken,
  startServerChild,
  type ServerChild,
} from './harness.ts';

const WORKERS = envNumber('KILL9_WORKERS', 16);
const ROUNDS = envNumber('KILL9_ROUNDS', 3);
const LOAD_MS = envNumber('KILL9_LOAD_MS', 3000);

const bench = await createBenchDatabase('kill9');
let server: ServerChild = await startServerChild(bench.url, { REDRESS_WORKER: '0' });
const db = await openPostgres(bench.url, 2);
const { token } = await staffToken(db, 'handler');

interface Sent {
  key: string;
  subject: string;
  reference?: string;
}
const acknowledged: Sent[] = [];
const cutOff: Sent[] = [];

async function post(origin: string, s: Sent): Promise<'ok' | 'cut'> {
  try {
    const r = await fetch(`${origin}/api/v1/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': s.key,
      },
      body: JSON.stringify({
        policy: 'uk-comms-ombudsman',
        channel: 'email',
        customer: { name: 'Kill Nine', email: `${s.key}@example.com` },
        subject: s.subject,
        description: 'Sent while the server may be killed.',
      }),
    });
    const text = await r.text();
    if (r.status >= 200 && r.status < 300) {
      s.reference = (JSON.parse(text) as { reference: string }).reference;
      return 'ok';
    }
    throw new Error(`unexpected ${r.status}: ${text.slice(0, 200)}`);
  } catch (err) {
    if ((err as Error).message.startsWith('unexpected')) throw err;
    return 'cut'; // the connection died with the server: the outcome is unknown to the client
  }
}

for (let round = 1; round <= ROUNDS; round++) {
  let stop = false;
  let n = 0;
  const origin = server.origin;
  const workers = Array.from({ length: WORKERS }, async (_, w) => {
    while (!stop) {
      const id = `r${round}-w${w}-${n++}`;
      const s: Sent = { key: `kill9-${id}`, subject: `kill9 ${id}` };
      const outcome = await post(origin, s);
      (outcome === 'ok' ? acknowledged : cutOff).push(s);
      if (outcome === 'cut') return;
    }
  });
  await sleep(LOAD_MS);
  process.kill(server.pid, 'SIGKILL');
  const killedAt = performance.now();
  await sleep(50);
  stop = true;
  await Promise.all(workers);
  server = await startServerChild(bench.url, { REDRESS_WORKER: '0' });
  console.log(
    `round ${round}: killed after ${LOAD_MS} ms of load; back in ${((performance.now() - killedAt) / 1000).toFixed(1)} s; ` +
      `${fmtInt(acknowledged.length)} acknowledged so far, ${cutOff.length} cut off so far`,
  );
}

// Clients send again what was cut off, with the same key.
let retried = 0;
for (const s of cutOff) {
  if ((await post(server.origin, s)) === 'ok') retried++;
}

const counts = await db.query<{ subject: string; n: string }>(
  `select subject, count(*) as n from complaints where subject like 'kill9 %' group by subject`,
);
const stored = new Map(counts.rows.map((r) => [r.subject, Number(r.n)]));
const lost = acknowledged.filter((s) => !stored.has(s.subject)).length;
const duplicated = [...stored.values()].filter((n) => n > 1).length;
const retriedLost = cutOff.filter((s) => s.reference && !stored.has(s.subject)).length;
const wrongReference = await db.query<{ n: string }>(
  `select count(*) as n from complaints where reference = any($1::text[])`,
  [acknowledged.map((s) => s.reference)],
);

console.log(
  `kill -9 during intake on PostgreSQL, ${ROUNDS} times (${WORKERS} concurrent clients):\n` +
    `  acknowledged (2xx received): ${fmtInt(acknowledged.length)}\n` +
    `  acknowledged and lost:       ${lost}\n` +
    `  duplicated:                  ${duplicated}\n` +
    `  cut off by the kill:         ${cutOff.length} (sent again with their Idempotency-Key: ${retried} acknowledged, ${retriedLost} lost)\n` +
    `  acknowledged references found: ${fmtInt(Number(wrongReference.rows[0]!.n))} of ${fmtInt(acknowledged.length)}`,
);

await server.stop();
await db.close();
await bench.drop();
process.exit(lost === 0 && duplicated === 0 && retriedLost === 0 ? 0 : 1);
