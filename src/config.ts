// Typed configuration from the environment, validated once at start-up.
// Every variable is documented in README.md and .env.example.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { formatIssue } from './domain/policy/errors.ts';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed. */
const proxyList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .refine(
    (list) =>
      list.every((p) => {
        const [addr, bits, extra] = p.split('/');
        if (extra !== undefined || !addr || !isIP(addr)) return false;
        const max = isIP(addr) === 4 ? 32 : 128;
        return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
      }),
    'expected addresses or CIDR ranges of proxies, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)',
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDRESS_DATA_DIR: z.string().default('./data'),
  REDRESS_FILES_DIR: z.string().optional(),
  REDRESS_DEMO: flag.default(true),
  REDRESS_PUBLIC_URL: z.string().url().optional(),
  REDRESS_SECURE_COOKIES: flag.default(false),
  REDRESS_SESSION_HOURS: z.coerce.number().positive().default(12),
  REDRESS_TRUST_PROXY: proxyList.default([]),
  REDRESS_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  REDRESS_SECRET_FILE: z.string().optional(),
  REDRESS_TOKEN_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  REDRESS_PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  REDRESS_MAX_UPLOAD_MB: z.coerce.number().positive().default(10),
  REDRESS_BODY_LIMIT_MB: z.coerce.number().positive().default(1),
  REDRESS_DB_POOL: z.coerce.number().int().positive().default(10),
  REDRESS_WORKER: flag.default(true),
  REDRESS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).default(5000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'expected an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDRESS_MAIL_FROM: z.string().default('Redress <complaints@localhost>'),
  REDRESS_MAIL_TRUST_ENVELOPE: flag.default(false),
  REDRESS_MAIL_TRUSTED_AUTHSERV_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (ids) => ids.every((id) => /^[a-z0-9][a-z0-9.-]*$/.test(id)),
      'expected host names (authserv-ids), comma-separated',
    ),
  REDRESS_DEFAULT_POLICY: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'expected a policy id such as uk-comms-ombudsman')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(
      `invalid configuration:\n${parsed.error.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.REDRESS_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    filesDir: resolve(e.REDRESS_FILES_DIR ?? `${dataDir}/files`),
    demo: e.REDRESS_DEMO,
    publicUrl: (e.REDRESS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    secureCookies: e.REDRESS_SECURE_COOKIES,
    sessionHours: e.REDRESS_SESSION_HOURS,
    /** Proxies whose X-Forwarded-For names the client (empty: the TCP peer is the client). */
    trustProxy: e.REDRESS_TRUST_PROXY,
    /** The server's secret (else read from, or created in, secretFile). */
    secret: e.REDRESS_SECRET,
    secretFile: resolve(e.REDRESS_SECRET_FILE ?? `${dataDir}/secret.key`),
    /** How many days a new bearer token works (unless created with its own). */
    tokenDays: e.REDRESS_TOKEN_DAYS,
    publicRateLimit: e.REDRESS_PUBLIC_RATE_LIMIT,
    maxUploadBytes: Math.round(e.REDRESS_MAX_UPLOAD_MB * 1024 * 1024),
    bodyLimitBytes: Math.round(e.REDRESS_BODY_LIMIT_MB * 1024 * 1024),
    dbPool: e.REDRESS_DB_POOL,
    logLevel: e.LOG_LEVEL,
    worker: e.REDRESS_WORKER,
    sweepIntervalMs: e.REDRESS_SWEEP_INTERVAL_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.REDRESS_MAIL_FROM,
    /** Receiving hosts whose Authentication-Results every mailbox believes (besides its own). */
    mailTrustedAuthservIds: e.REDRESS_MAIL_TRUSTED_AUTHSERV_IDS,
    /** Believe the SMTP listener's envelope sender by itself (a relay in front checked it). */
    mailTrustEnvelope: e.REDRESS_MAIL_TRUST_ENVELOPE,
    /** The policy the web form uses without ?policy= (absent: the first policy). */
    defaultPolicy: e.REDRESS_DEFAULT_POLICY,
    /** The domain of our Message-IDs: the sender address's domain. */
    mailDomain: /@([^>\s]+)/.exec(e.REDRESS_MAIL_FROM)?.[1] ?? 'localhost',
  };
}
