// Every installed package's `engines.node` admits the Node that runs us — or is listed here
// with why it works anyway. (npm's engine-strict cannot make exceptions, and cookie@2, which
// fastify needs, declares Node ≥ 22 while working on 20: see README.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const KNOWN: Record<string, string> = {
  cookie:
    'declares >=22 but uses nothing newer than Node 20 (fastify and @fastify/cookie run on it in every API test)',
  'content-disposition':
    'declares >=22 (via @fastify/static 10) but works on 20: only reply.download uses it, which we never call',
};

/** Does a range like ">=20.19", "^20.19.0 || >=22.12.0", "18 || 20 || >=22" admit v? */
function admits(range: string, v: [number, number, number]): boolean {
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const normal = range
    .replace(/(\S+)\s+-\s+(\S+)/g, '>=$1 <=$2') // hyphen ranges
    .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1');
  return normal.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => {
        const m = /^(>=|<=|>|<|\^|~|=)?v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(c);
        if (!m || m[2] === '*' || m[2] === 'x') return true;
        const op = m[1] ?? '';
        const want = [m[2], m[3], m[4]].map((x) =>
          x === undefined || x === 'x' || x === '*' ? 0 : Number(x),
        );
        const loose = m[3] === undefined || m[3] === 'x' || m[3] === '*';
        const c0 = cmp(v, want);
        switch (op) {
          case '>=':
            return c0 >= 0;
          case '>':
            return c0 > 0;
          case '<=':
            return c0 <= 0;
          case '<':
            return c0 < 0;
          case '^':
            return v[0] === want[0] && c0 >= 0;
          case '~':
            return v[0] === want[0] && v[1] === want[1] && c0 >= 0;
          default:
            return loose ? v[0] === want[0] : c0 === 0;
        }
      }),
  );
}

describe('engines', () => {
  test('the range check reads npm ranges', () => {
    assert.ok(admits('>=20.19', [20, 20, 2]));
    assert.ok(!admits('>=22', [20, 20, 2]));
    assert.ok(admits('^20.19.0 || >=22.12.0', [20, 20, 2]));
    assert.ok(!admits('^20.19.0 || >=22.12.0', [20, 18, 0]));
    assert.ok(admits('18 || 20 || >=22', [20, 1, 0]));
    assert.ok(admits('>= 0.4', [20, 1, 0]));
    assert.ok(admits('12 - 22', [20, 1, 0]));
    assert.ok(admits('*', [20, 1, 0]));
  });

  test('every installed package runs on this Node', () => {
    const lock = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8'),
    );
    const v = process.versions.node.split('.').map(Number) as [number, number, number];
    const bad: string[] = [];
    for (const [path, pkg] of Object.entries(
      lock.packages as Record<string, { engines?: unknown; version?: string }>,
    )) {
      const range = (pkg.engines as { node?: string } | undefined)?.node;
      const name = path.split('node_modules/').pop()!;
      if (typeof range === 'string' && !admits(range, v) && !KNOWN[name])
        bad.push(`${name}@${pkg.version}: node ${range}`);
    }
    assert.deepEqual(bad, []);
  });
});
