// Data-subject requests as rows: their state, clocks (due instants as data) and history.
import type { DataRequestRow } from '../queries/customer-records.ts';
import type { Queryable } from '../client.ts';

export type { DataRequestRow };

const WITH_NAME = `select d.*, cu.name as customer_name from data_requests d
  left join customers cu on cu.id = d.customer_id`;

export async function insertDataRequest(
  tx: Queryable,
  r: Omit<DataRequestRow, 'created_at'>,
): Promise<void> {
  await tx.query(
    `insert into data_requests (id, customer_id, policy_id, regime, kind, status, received_at,
       acknowledge_due_at, due_at, pauses, extension, with_processors, outcome, answer, answered_at,
       acknowledged_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      r.id,
      r.customer_id,
      r.policy_id,
      r.regime,
      r.kind,
      r.status,
      r.received_at,
      r.acknowledge_due_at,
      r.due_at,
      JSON.stringify(r.pauses),
      r.extension === null ? null : JSON.stringify(r.extension),
      r.with_processors,
      r.outcome,
      r.answer,
      r.answered_at,
      r.acknowledged_at,
      r.created_by,
    ],
  );
}

export async function findDataRequest(q: Queryable, id: string): Promise<DataRequestRow | null> {
  const r = await q.query<DataRequestRow>(`${WITH_NAME} where d.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function lockDataRequest(tx: Queryable, id: string): Promise<DataRequestRow | null> {
  const r = await tx.query<DataRequestRow>('select * from data_requests where id = $1 for update', [
    id,
  ]);
  return r.rows[0] ?? null;
}

export async function updateDataRequest(tx: Queryable, r: DataRequestRow): Promise<void> {
  await tx.query(
    `update data_requests set status = $2, acknowledge_due_at = $3, due_at = $4, pauses = $5,
       extension = $6, with_processors = $7, outcome = $8, answer = $9, answered_at = $10,
       acknowledged_at = $11
     where id = $1`,
    [
      r.id,
      r.status,
      r.acknowledge_due_at,
      r.due_at,
      JSON.stringify(r.pauses),
      r.extension === null ? null : JSON.stringify(r.extension),
      r.with_processors,
      r.outcome,
      r.answer,
      r.answered_at,
      r.acknowledged_at,
    ],
  );
}

/** Requests not yet answered (soonest due first), or every request. */
export async function listDataRequests(
  q: Queryable,
  opts: { openOnly: boolean },
): Promise<DataRequestRow[]> {
  const r = await q.query<DataRequestRow>(
    `${WITH_NAME} ${opts.openOnly ? "where d.status <> 'answered'" : ''}
     order by d.due_at nulls first, d.received_at, d.id`,
  );
  return r.rows;
}

/** The policy of a customer's latest complaint (what their requests are answered under). */
export async function latestPolicyOfCustomer(
  q: Queryable,
  customerId: string,
): Promise<string | null> {
  const r = await q.query<{ policy_id: string }>(
    'select policy_id from complaints where customer_id = $1 order by received_at desc, id desc limit 1',
    [customerId],
  );
  return r.rows[0]?.policy_id ?? null;
}
