// Other customers who may be the same person as a complaint's customer: the same email (as
// PostgreSQL lowers it) or the same phone number (digits only), with a complaint of their own
// (a record a link left without complaints is no one to link to). For staff to confirm — intake
// never joins a public form's complaint to them (anyone can type anyone's email).
import type { Queryable } from '../client.ts';

export interface CustomerMatchRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  matched_on: 'email' | 'phone';
  complaints: { reference: string; status: string; received_at: string }[];
}

const MAX_MATCHES = 10;
const MAX_COMPLAINTS_EACH = 5;

export async function customerMatches(
  q: Queryable,
  customer: { id: string; email: string | null; phone: string | null },
): Promise<CustomerMatchRecord[]> {
  const digits = customer.phone?.replace(/\D/g, '') ?? '';
  if (!customer.email && digits.length < 6) return [];
  const r = await q.query<CustomerMatchRecord>(
    `select cu.id, cu.name, cu.email, cu.phone,
            case when $2::text is not null and lower(cu.email) = lower($2::text)
                 then 'email' else 'phone' end as matched_on,
            coalesce((select json_agg(json_build_object('reference', x.reference,
                                                         'status', x.status,
                                                         'received_at', x.received_at))
                        from (select c.reference, c.status, c.received_at from complaints c
                               where c.customer_id = cu.id
                               order by c.received_at desc limit ${MAX_COMPLAINTS_EACH}) x),
                     '[]'::json) as complaints
       from customers cu
      where cu.id <> $1 and cu.anonymised_at is null
        and exists (select 1 from complaints k where k.customer_id = cu.id)
        and ((lower(cu.email) = lower($2::text))
             or ($3::text <> '' and regexp_replace(coalesce(cu.phone, ''), '[^0-9]', '', 'g') = $3::text))
      order by cu.created_at, cu.id
      limit ${MAX_MATCHES}`,
    [customer.id, customer.email, digits.length >= 6 ? digits : ''],
  );
  return r.rows;
}
