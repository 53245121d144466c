// Where the CLI's policy verbs find a policy named by id: in the database the server uses (so a
// version an administrator added through the API counts), or in the shipped presets while there
// is no database yet (a fresh checkout) or it holds no version of that id. A path is always read
// as a policy file. Only the policy table is read: no migration, no preset sync, nothing written.
import { existsSync } from 'node:fs';
import { isPolicyPath, listPresets, policyVersions } from '../app/policies.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError, openDatabase } from '../db/client.ts';
import { policyDocuments } from '../db/repositories/policy-versions.ts';
import { calendarCorrections } from '../db/repositories/calendar-corrections.ts';
import { withCorrections } from '../app/policy-registry.ts';
import { policySchema, type Policy } from '../domain/policy/schema.ts';
import { CliError } from './cli-error.ts';

/** The stored versions by policy id, or null when there is no database to read. */
async function storedPolicies(): Promise<Map<string, Policy[]> | null> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  if (!config.databaseUrl && !existsSync(config.dataDir)) return null;
  let db;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(err.message);
    throw err;
  }
  try {
    const docs = await policyDocuments(db);
    const corrections = await calendarCorrections(db).catch((err: { code?: string }) => {
      if (err.code === '42P01') return []; // not migrated to 0008 yet: no corrections
      throw err;
    });
    const map = new Map<string, Policy[]>();
    for (const r of docs) {
      const list = map.get(r.policy_id) ?? [];
      list.push(withCorrections(policySchema.parse(r.document), corrections));
      map.set(r.policy_id, list);
    }
    return map;
  } catch (err) {
    // A database not yet migrated has no policy table: the presets are what it would load.
    if ((err as { code?: string }).code === '42P01') return null;
    throw err;
  } finally {
    await db.close();
  }
}

/** Every version of the policy `ref` (an id or a file). */
export async function cliPolicyVersions(ref: string): Promise<Policy[]> {
  if (isPolicyPath(ref)) return policyVersions(ref);
  const stored = (await storedPolicies())?.get(ref);
  return stored?.length ? stored : policyVersions(ref);
}

/** Every policy by id with its versions: the database's, and the presets it does not hold. */
export async function cliPolicies(): Promise<{ id: string; versions: Policy[] }[]> {
  const stored = (await storedPolicies()) ?? new Map<string, Policy[]>();
  const all = new Map(stored);
  for (const p of await listPresets()) if (!all.has(p.id)) all.set(p.id, p.versions);
  return [...all.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, versions]) => ({ id, versions }));
}
