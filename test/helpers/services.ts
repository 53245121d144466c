// The composition root's services over a test database: the configuration of a quiet test run,
// attachments in a temporary folder, and the clock the test gives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { buildServices, type Clock, type Services } from '../../src/composition.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';

/** One folder of attachments per test process, removed when it exits. */
let filesRoot: string | null = null;
export function tempFiles(): string {
  if (!filesRoot) {
    const dir = mkdtempSync(join(tmpdir(), 'redress-test-files-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    filesRoot = dir;
  }
  return filesRoot;
}

export function testServices(
  db: Db,
  policies: PolicyRegistry,
  opts: { now?: Clock; filesDir?: string; env?: Record<string, string> } = {},
): Services {
  const filesDir = opts.filesDir ?? tempFiles();
  const config = loadConfig({
    REDRESS_DEMO: '0',
    LOG_LEVEL: 'silent',
    REDRESS_FILES_DIR: filesDir,
    ...opts.env,
  });
  return buildServices({ config, db, policies, ...(opts.now ? { now: opts.now } : {}) });
}
