// A customer's data export (right of access): one ZIP with everything held about them — their
// details, each complaint, every message as sent or received (text and HTML), the files they gave,
// the letters as the PDFs posted, the events of their complaints and those that name them, their
// holds and data requests — and a readable index in their language. The export is audited.
import type { Db } from '../../db/client.ts';
import { customerRecords, type CustomerRecords } from '../../db/queries/customer-records.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { letterPdf } from '../work/work-lists.ts';
import { exportIndexHtml } from './export-index.ts';
import { archiveName, zipStore, type ZipEntry } from './zip.ts';

export interface CustomerExport {
  zip: Buffer;
  filename: string;
  files: string[];
}

const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');

function complaintJson(c: CustomerRecords['complaints'][number]) {
  return {
    reference: c.reference,
    policy: { id: c.policy_id, version: c.policy_version },
    status: c.status,
    channel: c.channel,
    receivedAt: c.received_at,
    closedAt: c.closed_at,
    language: c.language,
    subject: c.subject,
    description: c.description,
    product: c.product,
    category: c.category,
    remedySought: c.remedy_sought,
    immediateAction: c.immediate_action,
    peopleInvolved: c.people_involved,
    outcome: c.outcome,
    rootCause: c.root_cause,
    summary: c.summary,
    redress: c.redress,
    adr: c.adr,
    satisfaction: c.satisfaction,
    satisfactionComment: c.satisfaction_comment,
    satisfactionAnswers: c.satisfaction_answers ?? null,
    anonymisedAt: c.anonymised_at,
  };
}

export async function exportCustomerData(
  deps: { db: Db; policies: PolicyRegistry; files: FileStore; now: () => Date },
  actor: Actor,
  input: { customerId: string },
): Promise<CustomerExport> {
  const records = await customerRecords(deps.db, input.customerId);
  if (!records) throw new AppError('CUSTOMER.NOT_FOUND', `no customer ${input.customerId}`);
  const now = deps.now();
  const entries: ZipEntry[] = [];
  const add = (name: string, data: Buffer, modified = now) =>
    entries.push({ name, data, modified });
  const c = records.customer;
  add(
    'customer.json',
    json({
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      address: c.address,
      preferredContact: c.preferred_contact,
      language: c.language,
      needs: c.needs,
      vulnerable: c.vulnerable,
      createdAt: c.created_at,
      anonymisedAt: c.anonymised_at,
    }),
  );
  for (const k of records.complaints) {
    const dir = `complaints/${archiveName(k.reference)}`;
    add(`${dir}/complaint.json`, json(complaintJson(k)), k.updated_at);
    const messages = records.messages.filter((m) => m.complaint_id === k.id);
    let n = 0;
    for (const m of messages) {
      // Internal notes are the organisation's, but they are about the customer: included.
      const base = `${dir}/messages/${String(++n).padStart(3, '0')}-${m.direction}-${archiveName(m.channel)}`;
      const head = [
        `Subject: ${m.subject ?? ''}`,
        `Direction: ${m.direction}`,
        `Channel: ${m.channel}`,
        `To: ${m.to_address ?? ''}`,
        `From: ${m.author_name ?? ''}`,
        `Created: ${m.created_at.toISOString()}`,
        `Sent: ${m.sent_at?.toISOString() ?? ''}`,
        `Posted: ${m.posted_at?.toISOString() ?? ''}`,
        `Message-ID: ${m.message_id ?? ''}`,
        '',
      ].join('\n');
      add(`${base}.txt`, Buffer.from(`${head}\n${m.body_text}\n`, 'utf8'), m.created_at);
      if (m.body_html) add(`${base}.html`, Buffer.from(m.body_html, 'utf8'), m.created_at);
      if (m.channel === 'letter' && !m.anonymised_at) {
        const { pdf } = await letterPdf(deps, m.id);
        add(`${dir}/letters/letter-${m.id}.pdf`, pdf, m.created_at);
      }
    }
    const used = new Set<string>();
    for (const a of records.attachments.filter((x) => x.complaint_id === k.id)) {
      const bytes = await deps.files.get(a.sha256);
      if (!bytes) continue;
      let name = `${a.id}-${archiveName(a.filename)}`;
      while (used.has(name)) name = `_${name}`;
      used.add(name);
      add(`${dir}/attachments/${name}`, bytes, a.created_at);
    }
    add(
      `${dir}/events.json`,
      json(
        records.events
          .filter((e) => e.complaint_id === k.id)
          .map((e) => ({
            seq: e.stream_seq,
            type: e.type,
            at: e.at,
            actor: { id: e.actor_id, role: e.actor_role },
            reason: e.reason,
            data: e.data,
            erased: e.redacted_at !== null,
          })),
      ),
    );
  }
  const system = records.events.filter((e) => e.complaint_id === null);
  if (system.length)
    add(
      'events.json',
      json(system.map((e) => ({ type: e.type, at: e.at, reason: e.reason, data: e.data }))),
    );
  if (records.dataRequests.length) add('data-requests.json', json(records.dataRequests));
  const names = entries.map((e) => e.name);
  const timezone = records.complaints.length
    ? deps.policies.version(records.complaints[0]!.policy_id, records.complaints[0]!.policy_version)
        .timezone
    : 'UTC';
  entries.unshift({
    name: 'index.html',
    data: Buffer.from(exportIndexHtml(records, names, now, timezone), 'utf8'),
    modified: now,
  });
  await deps.db.transaction((tx) =>
    appendSystemEvent(tx, {
      type: 'customer_data_exported',
      actor: { id: actor.id, role: actor.role },
      at: now,
      data: { customerId: c.id, files: entries.length },
    }),
  );
  return {
    zip: zipStore(entries),
    filename: `customer-${c.id}-export.zip`,
    files: ['index.html', ...names],
  };
}
