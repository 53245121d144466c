// What may be done on a data-subject request now (allowedActions): from its state, its kind and
// its policy — acknowledged once, an identity check only before work starts, an extension once
// and only where the policy has one, the answer once in progress, and the export, erasure or
// restriction that carries the request out only after any identity check. The list is the same
// rule that applying an action enforces: every listed action applies, every other is refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allowedDataRequestActions,
  applyDataRequestAction,
  DATA_REQUEST_ACTIONS,
  DATA_REQUEST_KINDS,
  DataRequestRuleError,
  DEFAULT_DATA_REQUESTS,
  type DataRequestAction,
  type DataRequestCase,
} from '../../src/domain/privacy/data-requests.ts';

const uk = { dataRequests: DEFAULT_DATA_REQUESTS };
const noExtension = { dataRequests: { ...DEFAULT_DATA_REQUESTS, extension: undefined } };
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10));

const fresh = (): DataRequestCase => ({
  state: 'received',
  receivedAt: at(2),
  acknowledgedAt: null,
  pauses: [],
  extension: null,
  withProcessors: false,
  answeredAt: null,
});
const step = (c: DataRequestCase, action: DataRequestAction, day = 3) =>
  applyDataRequestAction(uk, c, action, { reason: 'Records in three systems' }, at(day));

describe('allowedDataRequestActions', () => {
  test('a new request: acknowledge, check identity, start, extend — not yet answer or export', () => {
    assert.deepEqual(allowedDataRequestActions(uk, fresh(), 'access'), [
      'acknowledge',
      'check-identity',
      'start',
      'extend',
    ]);
  });

  test('while identity is checked: only confirming it (and acknowledging, extending)', () => {
    const c = step(step(fresh(), 'acknowledge'), 'check-identity');
    assert.deepEqual(allowedDataRequestActions(uk, c, 'erasure'), ['confirm-identity', 'extend']);
  });

  test('in progress: the answer, and the operation that carries out the kind', () => {
    const c = step(step(step(fresh(), 'acknowledge'), 'check-identity'), 'confirm-identity');
    assert.deepEqual(allowedDataRequestActions(uk, c, 'access'), ['extend', 'answer', 'export']);
    assert.deepEqual(allowedDataRequestActions(uk, c, 'erasure'), [
      'extend',
      'answer',
      'erase',
      'restrict',
    ]);
    assert.deepEqual(allowedDataRequestActions(uk, c, 'restriction'), [
      'extend',
      'answer',
      'restrict',
    ]);
  });

  test('extended once only, and never where the policy has no extension', () => {
    const extended = step(fresh(), 'extend');
    assert.ok(!allowedDataRequestActions(uk, extended, 'access').includes('extend'));
    assert.ok(!allowedDataRequestActions(noExtension, fresh(), 'access').includes('extend'));
    assert.throws(
      () => applyDataRequestAction(noExtension, fresh(), 'extend', { reason: 'x' }, at(3)),
      (e: unknown) => e instanceof DataRequestRuleError && e.code === 'DSR.EXTENSION_REFUSED',
    );
  });

  test('an extension is listed before its reason is given, and refused without one', () => {
    assert.ok(allowedDataRequestActions(uk, fresh(), 'access').includes('extend'));
    assert.throws(
      () => applyDataRequestAction(uk, fresh(), 'extend', { reason: '  ' }, at(3)),
      (e: unknown) =>
        e instanceof DataRequestRuleError &&
        e.code === 'DSR.REASON_REQUIRED' &&
        e.field === 'reason',
    );
  });

  test('a refusal is answered with its reasons; another outcome needs none', () => {
    const c = step(fresh(), 'start');
    assert.throws(
      () => applyDataRequestAction(uk, c, 'answer', { outcome: 'refused', answer: ' ' }, at(5)),
      (e: unknown) =>
        e instanceof DataRequestRuleError &&
        e.code === 'DSR.REASON_REQUIRED' &&
        e.field === 'answer',
    );
    const refused = applyDataRequestAction(
      uk,
      c,
      'answer',
      {
        outcome: 'refused',
        answer: 'Manifestly unfounded: the fourth identical request this month',
      },
      at(5),
    );
    assert.equal(refused.state, 'answered');
    assert.equal(
      applyDataRequestAction(uk, c, 'answer', { outcome: 'exported' }, at(5)).state,
      'answered',
    );
  });

  test('nothing once answered', () => {
    const c = step(step(fresh(), 'start'), 'answer');
    for (const kind of DATA_REQUEST_KINDS)
      assert.deepEqual(allowedDataRequestActions(uk, c, kind), []);
  });

  test('every reachable state: an action is listed exactly when applying it succeeds', () => {
    for (const policy of [uk, noExtension]) {
      const seen = new Set<string>();
      const queue: DataRequestCase[] = [fresh()];
      while (queue.length) {
        const c = queue.shift()!;
        const key = `${c.state} ${!!c.acknowledgedAt} ${!!c.extension}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const listed = allowedDataRequestActions(policy, c, 'access');
        for (const action of DATA_REQUEST_ACTIONS) {
          let next: DataRequestCase | null = null;
          try {
            next = applyDataRequestAction(policy, c, action, { reason: 'Because' }, at(4));
          } catch (e) {
            assert.ok(e instanceof DataRequestRuleError, String(e));
          }
          assert.equal(listed.includes(action), next !== null, `${key}: ${action}`);
          if (next) queue.push(next);
        }
      }
      // Four states, acknowledged or not, extended or not (where the policy extends).
      assert.equal(seen.size, policy === uk ? 16 : 8);
    }
  });
});
