// Policies from disk: the shipped presets in the repository's policies/ folder, or a policy file
// named by path. Presets are parsed once and kept in memory.
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicyText, policyInForce, PolicyError } from '../domain/policy/parse.ts';
import type { Policy } from '../domain/policy/schema.ts';

export { PolicyError };

/** The repository's policies/ folder (shipped presets, one YAML file per policy id). */
export const presetsDir = fileURLToPath(new URL('../../policies/', import.meta.url));

const POLICY_FILE = /\.(ya?ml|json)$/i;

export interface Preset {
  id: string;
  /** Every version, oldest first. */
  versions: Policy[];
}

let presets: Promise<Preset[]> | null = null;

function readProblem(path: string, err: unknown): PolicyError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : err instanceof Error
            ? err.message
            : String(err);
  return new PolicyError(`cannot read ${path}: ${why}`);
}

/** Reads and validates a policy file; `path` is also how the file is named in messages. */
export async function loadPolicyFile(path: string): Promise<Policy[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw readProblem(path, err);
  }
  return parsePolicyText(text, path);
}

async function loadPresets(): Promise<Preset[]> {
  let files: string[];
  try {
    files = (await readdir(presetsDir)).filter((f) => POLICY_FILE.test(f)).sort();
  } catch (err) {
    throw readProblem(presetsDir, err);
  }
  const out: Preset[] = [];
  for (const file of files) {
    const versions = await loadPolicyFile(join(presetsDir, file));
    const id = basename(file, extname(file));
    if (versions[0]!.id !== id) {
      throw new PolicyError(
        `${join(presetsDir, file)}: id: expected ${JSON.stringify(id)} (a preset file is named after its policy id); got ${JSON.stringify(versions[0]!.id)}`,
      );
    }
    out.push({ id, versions });
  }
  return out;
}

/** The shipped presets, sorted by id (parsed on first use, then cached). */
export function listPresets(): Promise<Preset[]> {
  if (!presets) {
    presets = loadPresets();
    presets.catch(() => {
      presets = null; // a broken preset is reported every time, not cached
    });
  }
  return presets;
}

/** A reference is a path when it contains a slash or ends in .yaml, .yml or .json. */
export function isPolicyPath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || POLICY_FILE.test(ref);
}

/** Every version of a preset (by id) or of a policy file (by path). */
export async function policyVersions(ref: string): Promise<Policy[]> {
  if (isPolicyPath(ref)) return loadPolicyFile(ref);
  const all = await listPresets();
  const preset = all.find((p) => p.id === ref);
  if (!preset) {
    throw new PolicyError(
      `unknown policy ${JSON.stringify(ref)}: expected one of the presets ${all.map((p) => p.id).join(', ')}, or a path to a policy file`,
    );
  }
  return preset.versions;
}

/** The version of a preset or policy file in force at `at`. */
export async function resolvePolicy(ref: string, at: Date): Promise<Policy> {
  return policyInForce(await policyVersions(ref), at);
}
