// Customers as rows: matched by email at intake (or created), read when writing to them.
import type { Queryable } from '../client.ts';

export type ContactMethod = 'email' | 'post' | 'phone' | 'portal';

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string[];
  preferred_contact: ContactMethod;
  language: string;
  needs: string | null;
  vulnerable: boolean;
  created_at: Date;
  anonymised_at: Date | null;
}

export async function findCustomer(q: Queryable, id: string): Promise<CustomerRow | null> {
  const r = await q.query<CustomerRow>('select * from customers where id = $1', [id]);
  return r.rows[0] ?? null;
}

/** A customer as registration gives them; `id` is used when no customer has the email yet. */
export interface CustomerCandidate {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string[];
  preferredContact: ContactMethod;
  language: string;
  needs: string | null;
  vulnerable: boolean;
}

/**
 * The customer of each candidate, as one statement whatever their number: matched by email as
 * PostgreSQL lowers it (the earliest customer not anonymised), else inserted. Candidates of one
 * call with the same new email share the customer the first of them creates. Returns the
 * customer ids in the order given.
 */
export async function resolveCustomers(
  tx: Queryable,
  candidates: readonly CustomerCandidate[],
): Promise<string[]> {
  if (candidates.length === 0) return [];
  const r = await tx.query<{ ord: number; customer_id: string }>(
    `with input as (
       select * from jsonb_to_recordset($1::jsonb) as r(ord integer, id text, name text, email text,
         phone text, address jsonb, preferred_contact text, language text, needs text, vulnerable boolean)
     ), known as (
       select k, (select c.id from customers c where lower(c.email) = k and c.anonymised_at is null
                  order by c.created_at limit 1) as id
       from (select distinct lower(email) as k from input where email is not null) e
     ), first_of_email as (
       select distinct on (lower(email)) lower(email) as k, id from input where email is not null
       order by lower(email), ord
     ), resolved as (
       select i.*, coalesce(kn.id, f.id, i.id) as customer_id
       from input i left join known kn on kn.k = lower(i.email) left join first_of_email f on f.k = lower(i.email)
     ), inserted as (
       insert into customers (id, name, email, phone, address, preferred_contact, language, needs, vulnerable)
       select id, name, email, phone, address, preferred_contact, language, needs, vulnerable
       from resolved where customer_id = id
     )
     select ord, customer_id from resolved`,
    [
      JSON.stringify(
        candidates.map((c, ord) => ({
          ord,
          id: c.id,
          name: c.name,
          email: c.email,
          phone: c.phone,
          address: c.address,
          preferred_contact: c.preferredContact,
          language: c.language,
          needs: c.needs,
          vulnerable: c.vulnerable,
        })),
      ),
    ],
  );
  const byOrd = new Map(r.rows.map((row) => [Number(row.ord), row.customer_id]));
  return candidates.map((_, ord) => byOrd.get(ord)!);
}
