// Customers as rows: matched by email at intake (or created), read when writing to them.
import type { Queryable } from '../client.ts';
import { jsonPart, type WritePart } from '../write-parts.ts';

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
  /** The customer asked for their data's use to be restricted (instead of erased). */
  restricted_at?: Date | null;
}

export async function findCustomer(q: Queryable, id: string): Promise<CustomerRow | null> {
  const r = await q.query<CustomerRow>('select * from customers where id = $1', [id]);
  return r.rows[0] ?? null;
}

/** A customer as registration gives them (`id`: theirs if no customer has the email yet). */
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
 * The customer each email already belongs to (as PostgreSQL lowers it: the earliest customer
 * not anonymised), by lower-cased email.
 */
export async function customersByEmail(
  q: Queryable,
  emails: readonly string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const r = await q.query<{ k: string; id: string }>(
    `select distinct on (lower(email)) lower(email) as k, id from customers
     where lower(email) = any($1::text[]) and anonymised_at is null
     order by lower(email), created_at, id`,
    [[...new Set(emails.map((e) => e.toLowerCase()))]],
  );
  return new Map(r.rows.map((row) => [row.k, row.id]));
}

/** New customers, as a write part (see write-parts.ts). */
export function customersPart(customers: readonly CustomerCandidate[]): WritePart {
  return jsonPart(
    customers.map((c) => ({
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
    (p) =>
      `insert into customers (id, name, email, phone, address, preferred_contact, language, needs, vulnerable)
       select id, name, email, phone, address, preferred_contact, language, needs, vulnerable
       from jsonb_to_recordset(${p}::jsonb) as r(id text, name text, email text, phone text, address jsonb,
         preferred_contact text, language text, needs text, vulnerable boolean)`,
  );
}
