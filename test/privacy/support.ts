// Helpers of the privacy tests: complaints registered and closed on a fake clock, files uploaded
// through the API, and the figures a report reads (which anonymisation must not change).
import assert from 'node:assert/strict';
import { complaintBody, type TestApp } from '../helpers/app.ts';

export interface Registered {
  reference: string;
  /** The tracking link's secret (complaints made with the web form). */
  trackingToken?: string;
  customerId: string;
}

/** Registers a complaint at `receivedAt` by phone and resolves it on the call (or by the web
 *  form, and the customer withdraws it), then closes it at `closedAt`. */
export async function closedComplaint(
  t: TestApp,
  receivedAt: string,
  closedAt: string,
  overrides: Record<string, unknown> = {},
): Promise<Registered> {
  const c = await openComplaint(t, receivedAt, {
    ...(overrides.viaWebForm ? {} : { channel: 'phone' }),
    ...overrides,
  });
  await act(t, c.reference, 'add-note', { text: 'Ann called from 01225 000000' }, receivedAt);
  if (overrides.viaWebForm) {
    await act(t, c.reference, 'withdraw', { reason: 'Sorted out on the phone' }, receivedAt);
  } else {
    await act(
      t,
      c.reference,
      'resolve-on-first-contact',
      {
        outcome: 'resolved_on_first_contact',
        resolution: 'Engineer reset the line while Ann waited',
      },
      receivedAt,
    );
  }
  await act(t, c.reference, 'close', { rootCause: 'equipment_fault' }, closedAt);
  return c;
}

export async function openComplaint(
  t: TestApp,
  receivedAt: string,
  overrides: Record<string, unknown> = {},
): Promise<Registered> {
  t.setNow(new Date(receivedAt));
  // By the web form (the customer gets a tracking link), or by staff.
  const { viaWebForm, ...fields } = overrides;
  const r = await t.app.inject({
    method: 'POST',
    url: viaWebForm ? '/api/v1/public/complaints' : '/api/v1/complaints',
    ...(viaWebForm ? {} : { headers: t.as('handler') }),
    payload: complaintBody({ receivedAt, ...fields }),
  });
  assert.equal(r.statusCode, 201, r.body);
  const body = r.json() as { reference: string; trackingToken: string };
  const row = await t.db.query<{ customer_id: string }>(
    'select customer_id from complaints where reference = $1',
    [body.reference],
  );
  return { ...body, customerId: row.rows[0]!.customer_id };
}

export async function act(
  t: TestApp,
  ref: string,
  action: string,
  body: Record<string, unknown>,
  at: string,
): Promise<void> {
  t.setNow(new Date(at));
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${ref}/actions/${action}`,
    headers: t.as('handler'),
    payload: body,
  });
  assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
}

/** Uploads one file to a complaint as a handler; returns its id and hash. */
export async function upload(
  t: TestApp,
  ref: string,
  filename: string,
  data: Buffer,
  contentType = 'text/plain',
): Promise<{ id: number; sha256: string }> {
  const boundary = `----redress-privacy-${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${ref}/attachments`,
    headers: { ...t.as('handler'), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: number; sha256: string };
}

/** What reports count: complaints by channel, outcome and root cause, clocks by status, and
 *  messages by kind — none of which anonymisation may change. */
export async function reportFigures(t: TestApp): Promise<unknown> {
  const q = async (sql: string) => (await t.db.query(sql)).rows;
  return {
    complaints: await q(
      `select channel, status, outcome, root_cause, category, received_at, closed_at, count(*)::int as n
       from complaints group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`,
    ),
    clocks: await q(
      `select name, status, started_at, due_at, stopped_at, breached_at, count(*)::int as n
       from clock_instances group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
    ),
    messages: await q(
      `select kind, channel, direction, status, created_at, sent_at, count(*)::int as n
       from messages group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
    ),
  };
}
