// The budgets that decided the web app's runtime (README, "The web app"): the first page loads
// at most 160 kB of gzipped JavaScript, the tracking page at most 60 kB, and each page loads
// only its own route's code.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { BUDGETS_KB, measurePages, type PageWeight } from '../../bench/web-bundle.ts';
import { ensureWebBuilt } from '../helpers/web-build.ts';

describe('web app bundle budgets', () => {
  let pages: PageWeight[];
  before(() => {
    ensureWebBuilt();
    pages = measurePages();
  });

  test('every budgeted page is within its budget', () => {
    for (const [page, kb] of Object.entries(BUDGETS_KB)) {
      const w = pages.find((p) => p.page === page)!;
      assert.ok(
        w.gzipBytes <= kb * 1000,
        `${page}: ${(w.gzipBytes / 1000).toFixed(1)} kB > ${kb} kB`,
      );
    }
  });

  test('the tracking page loads neither the web form nor the staff screens', () => {
    const track = pages.find((p) => p.page === '/track/{reference}')!;
    const names = track.files.join(' ');
    for (const other of ['complain-', 'login-', 'queue-', 'dashboard-', 'StaffHome-']) {
      assert.ok(!names.includes(`assets/${other}`), `${other} in ${names}`);
    }
  });
});
