// Doors (issue 8): tracking tokens are not kept in clear — not in an Idempotency-Key's stored
// answer (sealed there, so the replay still gives the customer's link), not in the request log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerComplaint } from '../../src/app/complaints/register-complaint.ts';
import { createComplaintInput } from '../../src/app/complaints/schemas.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { redactUrl } from '../../src/http/plugins/log-redaction.ts';
import { complaintBody } from '../helpers/app.ts';
import { openTestDb } from '../helpers/db.ts';
import { testServices } from '../helpers/services.ts';

describe('tracking tokens at rest', () => {
  let t: Awaited<ReturnType<typeof openTestDb>>;
  before(async () => {
    t = await openTestDb('pglite');
    await t.db.query(
      `insert into users (id, email, name, role) values ('h', 'h@example.test', 'H', 'handler')`,
    );
  });
  after(() => t.close());

  test("an Idempotency-Key's stored answer holds the tracking token sealed; the replay opens it", async () => {
    const policies = new PolicyRegistry(t.db);
    await policies.syncPresets();
    const services = testServices(t.db, policies);
    const actor = { id: 'h', role: 'handler' as const };
    const ask = () =>
      registerComplaint(services, actor, {
        complaint: createComplaintInput.parse(complaintBody()),
        route: 'staff',
        idempotencyKey: 'key-1',
      });
    const first = await ask();
    assert.ok(first.trackingToken.length >= 20);
    const stored = await t.db.query<{ body: string }>(
      'select response_body::text as body from idempotency_keys',
    );
    assert.equal(stored.rows.length, 1);
    assert.ok(!stored.rows[0]!.body.includes(first.trackingToken), stored.rows[0]!.body);
    const again = await ask();
    assert.equal(again.reference, first.reference);
    assert.equal(again.trackingToken, first.trackingToken);
  });

  test('a logged URL never shows a tracking token', () => {
    assert.equal(
      redactUrl('/api/v1/public/complaints/RD-2026-000001?token=s3cr3t&x=1'),
      '/api/v1/public/complaints/RD-2026-000001?token=[redacted]&x=1',
    );
    assert.equal(
      redactUrl('/track/RD-2026-000001?TOKEN=abc'),
      '/track/RD-2026-000001?TOKEN=[redacted]',
    );
    assert.equal(redactUrl('/api/v1/complaints?q=token'), '/api/v1/complaints?q=token');
  });
});
