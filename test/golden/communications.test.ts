// Golden texts: every communication each shipped policy sends, in every language it speaks, and
// its published procedure, rendered for one fixture complaint and compared with the reviewed
// text under test/golden/<policy>-v<version>/. UPDATE_GOLDEN=1 rewrites them (then review every
// sentence before committing: rights, names, addresses, dates, register).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultTemplate } from '../../src/app/communications/default-templates.ts';
import {
  findCommunication,
  renderCommunication,
} from '../../src/domain/communications/render-communication.ts';
import { sampleContext } from '../../src/domain/communications/sample.ts';
import type { Kind } from '../../src/domain/communications/variables.ts';
import { renderProcedure } from '../../src/domain/policy/render.ts';
import { listPresets } from '../../src/app/policies.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Thursday 3 December 2026, 10:00 UK time: the complaint arrived on Tuesday 1 December. */
const NOW = new Date('2026-12-03T10:00:00Z');

function compare(file: string, actual: string) {
  const path = join(DIR, file);
  if (UPDATE) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${file} is missing: run UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), file);
}

describe('golden texts of every letter and procedure the shipped policies publish', async () => {
  const presets = await listPresets();
  for (const p of presets) {
    for (const policy of p.versions) {
      const folder = `${policy.id}-v${policy.version}`;
      for (const lang of policy.languages) {
        test(`${folder} ${lang}: the published procedure`, () => {
          compare(`${folder}/procedure.${lang}.txt`, renderProcedure(policy, lang, { asOf: NOW }));
        });
        // The automatic receipt and the survey invitation, when the policy sends them.
        const own: [string, { kind?: Kind }][] = [
          ...(policy.receipt.send ? [['receipt', {}] as [string, { kind?: Kind }]] : []),
          ...(policy.survey.enabled
            ? [['satisfaction_survey', {}] as [string, { kind?: Kind }]]
            : []),
        ];
        for (const [name, c] of [...Object.entries(policy.communications), ...own]) {
          const kind = (c.kind ?? name) as Kind;
          test(`${folder} ${lang}: ${name}`, () => {
            const comm = findCommunication(policy, kind, name);
            const ctx = sampleContext(policy, lang, kind, NOW, comm?.mustInclude ?? []);
            const r = renderCommunication({
              template: defaultTemplate(kind, lang),
              ctx,
              communicationName: name,
            });
            assert.deepEqual(r.missing, [], `${folder} ${name} ${lang}`);
            compare(`${folder}/${name}.${lang}.txt`, `Subject: ${r.subject}\n\n${r.text}\n`);
          });
        }
      }
    }
  }
});
