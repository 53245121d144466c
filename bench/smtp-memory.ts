// How much memory the SMTP listener needs for big mail. `redress serve` runs as a child process
// on a fresh embedded database with one SMTP mailbox; four 45 MB mails (each with a ~33 MB PDF
// attachment) are sent to it at once over real SMTP; the child's resident set (VmRSS from
// /proc/<pid>/status) is sampled before, during (the peak) and after. Then the server is
// stopped and the database read: each mail must be a complaint with its attachment.
//   npm run bench:smtp-memory            (MAILS=4 MAIL_MB=45 to change the load)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { openServices } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';

const MAILS = Number(process.env.MAILS ?? 4);
const MAIL_MB = Number(process.env.MAIL_MB ?? 45);
const ADDRESS = 'complaints@bench.test';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'redress-bench-smtp-'));
const env = {
  ...process.env,
  REDRESS_DATA_DIR: dataDir,
  REDRESS_DEMO: '0',
  // The attachments are ~33 MB: the mailbox is set to accept them (the raw limit is 50 MB).
  REDRESS_MAX_UPLOAD_MB: '40',
  PORT: String(await freePort()),
  LOG_LEVEL: 'warn',
};
const smtpPort = await freePort();
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/redress.js', ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`redress ${args.join(' ')}: ${r.stderr}`);
};
cli(['migrate']);
cli([
  'mailbox',
  'add',
  '--kind',
  'smtp',
  '--listen-port',
  String(smtpPort),
  '--policy',
  'uk-comms-ombudsman',
  '--address',
  ADDRESS,
]);

const child = spawn(process.execPath, ['bin/redress.js', 'serve'], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
await new Promise<void>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (/smtp:.*listening on/.test(out) && /Redress is running/.test(out)) resolve();
  });
});
const pid = child.pid!;
await sleep(3000); // let start-up settle
const before = rssMb(pid);

// The mails: each a short text and one PDF-looking attachment, base64 in MIME.
const attachmentBytes = Math.floor((MAIL_MB * 1024 * 1024 * 3) / 4) - 64 * 1024;
const mails: Buffer[] = [];
for (let i = 0; i < MAILS; i++) {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(attachmentBytes)]);
  mails.push(
    await new MailComposer({
      from: `Customer ${i} <customer${i}@example.com>`,
      to: ADDRESS,
      subject: `Big scan ${i}`,
      text: `Please find my documents attached (${i}).`,
      attachments: [{ filename: `scan-${i}.pdf`, content: pdf, contentType: 'application/pdf' }],
    })
      .compile()
      .build(),
  );
}

let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, rssMb(pid));
}, 25);
const started = performance.now();
const responses = await Promise.all(
  mails.map(async (raw, i) => {
    const t = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    try {
      const info = await t.sendMail({
        envelope: { from: `customer${i}@example.com`, to: [ADDRESS] },
        raw,
      });
      return info.response;
    } finally {
      t.close();
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
await sleep(3000);
clearInterval(sampler);
const after = rssMb(pid);

child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));

// Every mail taken: a complaint with its attachment.
const services = await openServices(loadConfig(env));
const rows = await services.db.query<{ reference: string; attachments: number; size: number }>(
  `select c.reference, count(a.id)::int as attachments, coalesce(max(a.size), 0)::bigint as size
     from complaints c left join attachments a on a.complaint_id = c.id
    where c.channel = 'email' group by c.reference order by c.reference`,
);
await services.close();
rmSync(dataDir, { recursive: true, force: true });

const mb = (n: number) => `${n.toFixed(0)} MB`;
console.log(`smtp-memory: ${MAILS} mails of ${MAIL_MB} MB sent at once in ${seconds.toFixed(1)} s`);
console.log(`  responses: ${responses.map((r) => r.replace(/^250\s+/, '')).join(' | ')}`);
console.log(`  server RSS before ${mb(before)}, peak ${mb(peak)}, after ${mb(after)}`);
console.log(`  peak growth ${mb(peak - before)} (the mails total ${mb(MAILS * MAIL_MB)})`);
console.log(
  `  complaints by email: ${rows.rows.length}; with their attachment: ${
    rows.rows.filter((r) => r.attachments === 1 && Number(r.size) > attachmentBytes).length
  }`,
);
if (rows.rows.length !== MAILS || rows.rows.some((r) => r.attachments !== 1)) {
  console.error('smtp-memory: a mail was lost or taken without its attachment');
  process.exit(1);
}
