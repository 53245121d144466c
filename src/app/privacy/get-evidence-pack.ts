// The evidence pack of one complaint (SPEC §6): what a regulator or an ombudsman asks for — the
// timeline with its actors, every clock with its due instant and whether it was met or breached
// and when (replayed from the events by the clock engine, not read from a cache), every message
// and letter as sent with its proof of dispatch, the policy version and its text, and the audit
// chain's verification for the complaint — as a PDF in English or Vietnamese.
import type { Db } from '../../db/client.ts';
import { evidenceRecords } from '../../db/queries/evidence.ts';
import { timelineOf } from '../../db/repositories/events.ts';
import { replayClocks } from '../../domain/clocks/policy-clocks.ts';
import type { ComplaintEventType } from '../../domain/complaint/states.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { renderProcedure, unitPhrase } from '../../domain/policy/render.ts';
import type { Language } from '../../domain/policy/schema.ts';
import { renderEvidencePackPdf, type EvidencePack } from '../../letters/evidence-pack.ts';
import { verifyAudit } from '../audit/verify-audit.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

export async function evidencePackOf(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  input: { reference: string; lang?: Language | undefined },
): Promise<EvidencePack> {
  const records = await evidenceRecords(deps.db, input.reference);
  if (!records) throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
  const c = records.complaint;
  const policy = deps.policies.version(c.policy_id, c.policy_version);
  const now = deps.now();
  const timeline = await timelineOf(deps.db, c.id);
  const clocks = replayClocks(
    policy,
    c.channel,
    timeline.map((e) => ({ ...e, type: e.type as ComplaintEventType })),
    now,
  );
  const chain = await verifyAudit(deps, actor, { stream: c.reference });
  const lang: Language = input.lang ?? (c.language === 'vi' ? 'vi' : 'en');
  return {
    lang,
    generatedAt: now,
    timezone: policy.timezone,
    complaint: {
      reference: c.reference,
      customer: records.customerName,
      channel: c.channel,
      status: c.status,
      receivedAt: c.received_at,
      closedAt: c.closed_at,
      subject: c.subject,
      outcome: c.outcome,
      rootCause: c.root_cause,
      anonymisedAt: c.anonymised_at,
    },
    timeline: records.events.map((e) => ({
      seq: e.stream_seq,
      at: e.at,
      type: e.type,
      actor: e.actor_name ? `${e.actor_name} (${e.actor_role})` : `${e.actor_id} (${e.actor_role})`,
      reason: e.reason,
      erased: e.redacted_at !== null,
    })),
    clocks: clocks.map((k) => {
      const clock = policy.clocks[k.name]!;
      return {
        name: k.name,
        label: clock.label ?? k.name,
        span: unitPhrase(clock.amount, clock.unit, lang),
        regulatory: clock.regulatory,
        startedAt: k.startedAt,
        dueAt: k.dueAt,
        stoppedAt: k.stoppedAt,
        status: k.status,
        // Breached at its due instant (the instant it ran out), met when it stopped in time.
        breachedAt: k.status === 'breached' ? k.dueAt : null,
      };
    }),
    messages: records.messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      channel: m.channel,
      kind: m.kind,
      status: m.status,
      to: m.to_address,
      from: m.author_name,
      subject: m.subject,
      body: m.body_text,
      messageId: m.message_id,
      createdAt: m.created_at,
      sentAt: m.sent_at,
      postedAt: m.posted_at,
      lastError: m.last_error,
      letterSha256: m.letter_sha256,
    })),
    policy: {
      id: policy.id,
      version: policy.version,
      effectiveFrom: policy.effectiveFrom,
      text: renderProcedure(policy, policy.languages.includes(lang) ? lang : policy.languages[0]!),
    },
    chain: {
      events: chain.events,
      verified: chain.broken === null,
      problem: chain.broken?.problem ?? null,
      head: records.events.at(-1)?.hash ?? null,
    },
  };
}

/** The evidence pack as a PDF, with a file name. */
export async function evidencePackPdf(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  input: { reference: string; lang?: Language | undefined },
): Promise<{ pdf: Buffer; filename: string }> {
  const pack = await evidencePackOf(deps, actor, input);
  return {
    pdf: await renderEvidencePackPdf(pack),
    filename: `${input.reference}-evidence-${pack.lang}.pdf`,
  };
}
