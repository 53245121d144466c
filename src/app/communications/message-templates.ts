// Administering a policy's message templates: every kind × language with the version in use,
// one template's history, and saving an edit as a new version (checked first: its variables,
// and that it still carries the content the policy requires), with an audit event.
import type { Db } from '../../db/client.ts';
import {
  insertMessageTemplateVersion,
  latestMessageTemplates,
  messageTemplateHistory,
  type MessageTemplateRow,
} from '../../db/repositories/message-templates.ts';
import {
  findCommunication,
  renderCommunication,
} from '../../domain/communications/render-communication.ts';
import type { MissingContent } from '../../domain/communications/required-content.ts';
import { compileTemplate, TemplateError } from '../../domain/communications/template.ts';
import { sampleContext } from '../../domain/communications/sample.ts';
import { variableDocs, variableSpec } from '../../domain/communications/variables.ts';
import { COMMUNICATION_KINDS, LANGUAGES, type Language } from '../../domain/policy/schema.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import { AppError, isErrorCode } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { currentTemplate, missingContentError } from './compose-communication.ts';
import { defaultTemplate } from './default-templates.ts';
import type { CommunicationKind } from './types.ts';

const presentVersion = (r: MessageTemplateRow) => ({
  version: r.version,
  subject: r.subject,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/** The languages of any version of the policy, in the order Redress knows them. */
function languagesOf(policies: PolicyRegistry, policyId: string): Language[] {
  const used = new Set(policies.allVersions(policyId).flatMap((p) => p.languages));
  return LANGUAGES.filter((l) => used.has(l));
}

export async function listMessageTemplates(db: Db, policies: PolicyRegistry, policyId: string) {
  const languages = languagesOf(policies, policyId);
  const custom = await latestMessageTemplates(db, policyId);
  const items = COMMUNICATION_KINDS.flatMap((kind) =>
    languages.map((language) => {
      const row = custom.find((r) => r.kind === kind && r.language === language);
      return {
        kind,
        language,
        source: row ? ('custom' as const) : ('default' as const),
        version: row?.version ?? null,
        subject: row?.subject ?? defaultTemplate(kind, language).subject,
        updatedBy: row?.created_by ?? null,
        updatedAt: row?.created_at.toISOString() ?? null,
      };
    }),
  );
  return { policy: policyId, languages, items };
}

export async function getMessageTemplate(
  db: Db,
  policies: PolicyRegistry,
  policyId: string,
  kind: CommunicationKind,
  lang: Language,
) {
  policies.allVersions(policyId); // 404 for an unknown policy
  const [current, history] = await Promise.all([
    currentTemplate(db, policyId, kind, lang),
    messageTemplateHistory(db, policyId, kind, lang),
  ]);
  return {
    policy: policyId,
    kind,
    language: lang,
    current: {
      source: current.source,
      version: current.version,
      subject: current.subject,
      body: current.body,
    },
    default: defaultTemplate(kind, lang),
    history: history.map(presentVersion),
    variables: variableDocs(kind),
  };
}

/** Renders the edit against a sample complaint under every version of the policy that speaks
 *  the language, and reports what it would fail to say. Content the policy itself cannot give
 *  (a deadlock letter for a policy without an ADR scheme) does not count against the edit. */
function missingWithEdit(
  policies: PolicyRegistry,
  policyId: string,
  kind: CommunicationKind,
  lang: Language,
  template: { subject: string; body: string },
  now: Date,
): MissingContent[] {
  const versions = policies.allVersions(policyId);
  const speaking = versions.filter((p) => p.languages.includes(lang));
  const missing = new Map<string, MissingContent>();
  for (const policy of speaking.length ? speaking : versions) {
    const names = Object.entries(policy.communications)
      .filter(([key, c]) => (c.kind ?? key) === kind)
      .map(([key]) => key);
    for (const name of names.length ? names : [undefined]) {
      const comm = findCommunication(policy, kind, name);
      const ctx = sampleContext(policy, lang, kind, now, comm?.mustInclude ?? []);
      const rendered = renderCommunication({
        template,
        ctx,
        ...(comm ? { communicationName: comm.name } : {}),
      });
      for (const m of rendered.missing) if (!m.why) missing.set(m.what, m);
    }
  }
  return [...missing.values()];
}

export async function saveMessageTemplate(
  db: Db,
  policies: PolicyRegistry,
  actor: { id: string; role: string },
  input: {
    policyId: string;
    kind: CommunicationKind;
    lang: Language;
    subject: string;
    body: string;
  },
  now: Date,
) {
  policies.allVersions(input.policyId); // 404 for an unknown policy
  const spec = variableSpec(input.kind);
  if (/[\r\n]/.test(input.subject.trim())) {
    throw new AppError('TEMPLATE.SUBJECT', 'the subject must be one line');
  }
  try {
    compileTemplate(input.subject, spec, 'subject');
    compileTemplate(input.body, spec, 'body');
  } catch (err) {
    if (err instanceof TemplateError) {
      throw new AppError(err.code, err.message, { problems: err.problems, part: err.part });
    }
    throw err;
  }
  let missing: MissingContent[];
  try {
    missing = missingWithEdit(policies, input.policyId, input.kind, input.lang, input, now);
  } catch (err) {
    if (err instanceof Error && 'code' in err && isErrorCode(err.code)) {
      throw new AppError(err.code, err.message);
    }
    throw err;
  }
  if (missing.length > 0) throw missingContentError(input.kind, missing);
  const row = await db.transaction(async (tx) => {
    const saved = await insertMessageTemplateVersion(tx, {
      policyId: input.policyId,
      kind: input.kind,
      language: input.lang,
      subject: input.subject.trim(),
      body: input.body,
      createdBy: actor.id,
      at: now,
    });
    await appendSystemEvent(tx, {
      type: 'message_template_saved',
      actor,
      at: now,
      data: {
        policyId: input.policyId,
        kind: input.kind,
        language: input.lang,
        version: saved.version,
      },
    });
    return saved;
  });
  return {
    policy: input.policyId,
    kind: input.kind,
    language: input.lang,
    source: 'custom' as const,
    ...presentVersion(row),
  };
}
