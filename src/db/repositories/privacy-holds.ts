// Legal holds as rows: a hold on one complaint or on every complaint of a customer keeps their
// records from being anonymised or erased until it is released (with a reason).
import type { Queryable } from '../client.ts';

export interface LegalHoldRow {
  id: string;
  complaint_id: number | null;
  reference: string | null;
  customer_id: string | null;
  reason: string;
  placed_by: string;
  placed_at: Date;
  released_at: Date | null;
  released_by: string | null;
  release_reason: string | null;
  placed_by_name: string | null;
  released_by_name: string | null;
}

const SELECT = `select h.*, c.reference, pu.name as placed_by_name, ru.name as released_by_name
  from legal_holds h left join complaints c on c.id = h.complaint_id
  left join users pu on pu.id = h.placed_by left join users ru on ru.id = h.released_by`;

export async function insertLegalHold(
  tx: Queryable,
  h: {
    id: string;
    complaintId: number | null;
    customerId: string | null;
    reason: string;
    placedBy: string;
    placedAt: Date;
  },
): Promise<LegalHoldRow> {
  await tx.query(
    `insert into legal_holds (id, complaint_id, customer_id, reason, placed_by, placed_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [h.id, h.complaintId, h.customerId, h.reason, h.placedBy, h.placedAt],
  );
  return (await findLegalHold(tx, h.id))!;
}

export async function findLegalHold(q: Queryable, id: string): Promise<LegalHoldRow | null> {
  const r = await q.query<LegalHoldRow>(`${SELECT} where h.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function lockLegalHold(tx: Queryable, id: string): Promise<LegalHoldRow | null> {
  const r = await tx.query<{ id: string }>('select id from legal_holds where id = $1 for update', [
    id,
  ]);
  return r.rows[0] ? findLegalHold(tx, id) : null;
}

export async function releaseLegalHold(
  tx: Queryable,
  id: string,
  by: string,
  at: Date,
  reason: string,
): Promise<void> {
  await tx.query(
    `update legal_holds set released_at = $2, released_by = $3, release_reason = $4 where id = $1`,
    [id, at, by, reason],
  );
}

/** Holds in force, or every hold, newest first. */
export async function listLegalHolds(
  q: Queryable,
  opts: { activeOnly: boolean },
): Promise<LegalHoldRow[]> {
  const r = await q.query<LegalHoldRow>(
    `${SELECT} ${opts.activeOnly ? 'where h.released_at is null' : ''} order by h.placed_at desc, h.id`,
  );
  return r.rows;
}

/** Holds in force on a customer or on any of their complaints. */
export async function activeHoldsOnCustomer(
  q: Queryable,
  customerId: string,
): Promise<LegalHoldRow[]> {
  const r = await q.query<LegalHoldRow>(
    `${SELECT} where h.released_at is null
       and (h.customer_id = $1 or c.customer_id = $1) order by h.placed_at`,
    [customerId],
  );
  return r.rows;
}
