// Every response leaves through its schema: a property the schema does not name is not sent,
// and a body that does not fit its schema is a logged 500, never sent half-checked.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findComplaint } from '../../src/db/repositories/complaints.ts';
import { complaintSchema, complaintSummarySchema } from '../../src/http/presenters/complaint.ts';
import { presentSummary } from '../../src/http/presenters/complaint.ts';
import { routes } from '../../src/http/routes/index.ts';
import { complaintBody, startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

// Two routes that return what a careless presenter might: the row's secrets beside the summary,
// and a summary with a field of the wrong type.
routes.push(async (base: FastifyInstance, ctx) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const options = {
    config: { permission: 'complaint.read' },
    schema: { hide: true, response: { 200: complaintSummarySchema } },
  } as const;
  app.get('/test/summary-with-extras', options as never, async () => {
    const row = (await findComplaint(ctx.db, reference))!;
    return { ...presentSummary(row), tracking_token_hash: row.tracking_token_hash, secret: 'x' };
  });
  app.get('/test/summary-misfit', options as never, async () => {
    const row = (await findComplaint(ctx.db, reference))!;
    return { ...presentSummary(row), escalationLevel: 'high' };
  });
});
let reference = '';

for (const engine of engines()) {
  describe(`responses are serialised through their schemas (${engine})`, async () => {
    const t = await startApp(engine);
    after(() => t.close());
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: t.as('handler'),
      payload: complaintBody(),
    });
    reference = created.json().reference;

    test('a property the schema does not name is not sent', async () => {
      const r = await t.app.inject({
        url: '/api/v1/test/summary-with-extras',
        headers: t.as('handler'),
      });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.reference, reference);
      assert.ok(!('tracking_token_hash' in body) && !('secret' in body), r.body);
      assert.deepEqual(Object.keys(body).sort(), Object.keys(complaintSummarySchema.shape).sort());
    });

    test('a body that does not fit its schema is a 500 INTERNAL, and none of it is sent', async () => {
      const r = await t.app.inject({
        url: '/api/v1/test/summary-misfit',
        headers: t.as('handler'),
      });
      assert.equal(r.statusCode, 500, r.body);
      assert.equal(r.json().error.code, 'INTERNAL');
      assert.ok(!r.body.includes(reference), r.body);
    });

    test('the complaint detail carries exactly the properties its schema names', async () => {
      const r = await t.app.inject({
        url: `/api/v1/complaints/${reference}`,
        headers: t.as('handler'),
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(Object.keys(r.json()).sort(), Object.keys(complaintSchema.shape).sort());
      assert.ok(!r.body.includes('tracking_token'), 'the tracking secret never leaves');
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}
