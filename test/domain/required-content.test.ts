import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultTemplate } from '../../src/app/communications/default-templates.ts';
import { listPresets } from '../../src/app/policies.ts';
import {
  findCommunication,
  renderCommunication,
  type TemplateSource,
} from '../../src/domain/communications/render-communication.ts';
import {
  checkRequiredContent,
  describeMissing,
  REQUIRED_CONTENT_TOKENS,
  requiredContent,
  unknownRequiredContent,
  UnknownRequiredContentError,
} from '../../src/domain/communications/required-content.ts';
import { sampleContext } from '../../src/domain/communications/sample.ts';
import { buildVariables, type Kind } from '../../src/domain/communications/variables.ts';
import { COMMUNICATION_KINDS, type Language, type Policy } from '../../src/domain/policy/schema.ts';
import { buildPolicy } from '../factories/policy.ts';

const NOW = new Date('2026-03-16T10:00:00Z');

async function preset(id: string, version: number): Promise<Policy> {
  const p = (await listPresets()).find((x) => x.id === id);
  const v = p?.versions.find((x) => x.version === version);
  assert.ok(v, `preset ${id} v${version}`);
  return v;
}

function renderWith(
  policy: Policy,
  kind: Kind,
  lang: Language,
  template: TemplateSource = defaultTemplate(kind, lang),
  name?: string,
) {
  const comm = findCommunication(policy, kind, name);
  const ctx = sampleContext(policy, lang, kind, NOW, comm?.mustInclude ?? []);
  return renderCommunication({ template, ctx, ...(comm ? { communicationName: comm.name } : {}) });
}

/** The default template with the named variables taken out. */
function without(kind: Kind, lang: Language, names: string[]): TemplateSource {
  const t = defaultTemplate(kind, lang);
  let body = t.body;
  for (const n of names) body = body.replaceAll(`{{${n}}}`, '');
  return { subject: t.subject, body };
}

describe('required content: built-in rules', () => {
  test('a deadlock letter without the scheme’s website is refused, naming it', async () => {
    const policy = await preset('uk-comms-ombudsman', 1);
    const r = renderWith(
      policy,
      'deadlock_letter',
      'en',
      without('deadlock_letter', 'en', ['scheme_website', 'scheme_url']),
    );
    assert.doesNotMatch(r.text, /commsombudsman\.org/);
    assert.deepEqual(
      r.missing.map((m) => m.what),
      ['the website of the Communications Ombudsman (www.commsombudsman.org)'],
    );
    assert.equal(
      describeMissing('deadlock_letter', r.missing),
      'the deadlock letter is missing required content: the website of the Communications Ombudsman (www.commsombudsman.org)',
    );
  });

  test('a deadlock letter must give the scheme’s name and the time limit when the policy has one', async () => {
    const policy = await preset('uk-comms-ombudsman', 2);
    const r = renderWith(
      policy,
      'deadlock_letter',
      'en',
      without('deadlock_letter', 'en', ['adr_time_limit_text']),
    );
    assert.deepEqual(
      r.missing.map((m) => m.token),
      ['adr_time_limit'],
    );
    assert.match(r.missing[0]!.what, /twelve months/);
    const noName = checkRequiredContent({
      policy,
      kind: 'adr_notice',
      vars: { adr_now: true, adr_right: 'You can now refer your complaint.' },
      lang: 'en',
      text: 'You can now refer your complaint. Go to www.commsombudsman.org within 12 months.',
    });
    assert.deepEqual(
      noName.map((m) => m.what),
      ["the ADR scheme's name (Communications Ombudsman)"],
    );
  });

  test('the time limit may be written in words or in figures', async () => {
    const policy = await preset('uk-fca-disp', 1);
    for (const text of ['within six months', 'within 6 months']) {
      const missing = checkRequiredContent({
        policy,
        kind: 'adr_notice',
        vars: { adr_now: true, adr_right: 'You can now refer your complaint.' },
        lang: 'en',
        text: `You can now refer your complaint. Financial Ombudsman Service, www.financial-ombudsman.org.uk, ${text}.`,
      });
      assert.deepEqual(missing, [], text);
    }
  });

  test('a final response without the referral rights the policy lists is refused', async () => {
    const policy = await preset('uk-fca-disp', 1);
    const r = renderWith(
      policy,
      'final_response',
      'en',
      without('final_response', 'en', [
        'adr_right',
        'adr_free_text',
        'adr_time_limit_text',
        'time_limit_waiver',
        'adr_leaflet',
        'scheme_website',
        'scheme_url',
      ]),
    );
    // One thing asked for by two tokens (fos_website and the built-in website rule) is
    // reported once.
    assert.deepEqual(
      r.missing.map((m) => m.what),
      [
        'the website of the Financial Ombudsman Service (www.financial-ombudsman.org.uk)',
        'whether and when the customer may refer to the ADR scheme',
        "the scheme's explanatory leaflet, enclosed",
        'the right to refer to the Financial Ombudsman Service',
        'the standard wording on the time limit',
      ],
    );
    const tokens = new Set(r.missing.map((m) => m.token));
    assert.ok(!tokens.has('outcome'));
  });

  test('a deadlock letter for a policy with no ADR scheme cannot be written', async () => {
    const policy = await preset('vn-datacentre', 1);
    const r = renderWith(policy, 'deadlock_letter', 'vi');
    assert.ok(r.missing.length > 0);
    assert.ok(r.missing.every((m) => m.why?.includes('no ADR scheme')));
  });

  test('a value the message needs and nobody gave is reported with why', async () => {
    const policy = await preset('uk-comms-ombudsman', 1);
    const ctx = { ...sampleContext(policy, 'en', 'deadlock_refusal', NOW, ['reason']), extra: {} };
    const r = renderCommunication({
      template: defaultTemplate('deadlock_refusal', 'en'),
      ctx,
      communicationName: 'deadlock_refusal',
    });
    assert.deepEqual(r.missing, [
      { token: 'reason', what: 'the reason', why: 'no reason was given (extra.reason)' },
    ]);
  });
  test('a response not upholding the complaint says there is nothing to put right', async () => {
    const policy = await preset('vn-datacentre', 1);
    for (const lang of ['vi', 'en'] as const) {
      const ctx = sampleContext(policy, lang, 'final_response', NOW, [
        'outcome',
        'cause',
        'remedy',
      ]);
      ctx.extra = { outcome: 'not_upheld', cause: 'A misunderstanding about the contract term.' };
      const r = renderCommunication({
        template: defaultTemplate('final_response', lang),
        ctx,
        communicationName: 'final_response',
      });
      assert.deepEqual(r.missing, [], lang);
      assert.match(
        r.text,
        lang === 'en' ? /nothing for us to put right/ : /không áp dụng biện pháp khắc phục/,
      );
    }
  });
});

describe('required content: the policies’ mustInclude tokens', () => {
  test('every token used by a shipped policy is known', async () => {
    for (const p of await listPresets()) {
      for (const v of p.versions) {
        assert.deepEqual(unknownRequiredContent(v), [], `${p.id} v${v.version}`);
      }
    }
  });

  test('an unknown token is a policy error', () => {
    const policy = buildPolicy({
      communications: { final_response: { kind: 'final_response', mustInclude: ['outcme'] } },
    });
    assert.deepEqual(unknownRequiredContent(policy), [
      { communication: 'final_response', token: 'outcme' },
    ]);
    assert.throws(
      () =>
        requiredContent({
          policy,
          kind: 'final_response',
          communicationName: 'final_response',
          mustInclude: ['outcme'],
          vars: {},
          lang: 'en',
        }),
      (err: unknown) =>
        err instanceof UnknownRequiredContentError &&
        err.code === 'POLICY.UNKNOWN_REQUIRED_CONTENT' &&
        /communications\.final_response\.mustInclude: unknown token "outcme"/.test(err.message),
    );
  });

  test('each token maps to words from the policy or the complaint', async () => {
    const policy = await preset('uk-fca-disp', 1);
    const ctx = sampleContext(policy, 'en', 'final_response', NOW, [...REQUIRED_CONTENT_TOKENS]);
    const vars = buildVariables(ctx);
    const { requirements } = requiredContent({
      policy,
      kind: 'final_response',
      mustInclude: ['outcome', 'fos_website', 'six_month_time_limit', 'adr_scheme_contact'],
      vars,
      lang: 'en',
    });
    const anyOf = (token: string) =>
      requirements.filter((r) => r.token === token).flatMap((r) => r.anyOf);
    assert.deepEqual(anyOf('outcome'), ['We have upheld your complaint in part.']);
    assert.deepEqual(anyOf('fos_website'), ['www.financial-ombudsman.org.uk']);
    assert.deepEqual(anyOf('six_month_time_limit'), ['six months', '6 months']);
    assert.deepEqual(anyOf('adr_scheme_contact'), [
      'Financial Ombudsman Service',
      'Exchange Tower',
      'London',
      'E14 9SR',
      '0800 023 4567',
      'www.financial-ombudsman.org.uk',
    ]);
  });

  test('every preset’s communications pass with the default templates in every language of the policy', async () => {
    let checked = 0;
    for (const p of await listPresets()) {
      for (const policy of p.versions) {
        for (const lang of policy.languages) {
          for (const [name, c] of Object.entries(policy.communications)) {
            const kind = (c.kind ?? name) as Kind;
            const r = renderWith(policy, kind, lang, defaultTemplate(kind, lang), name);
            assert.deepEqual(r.missing, [], `${policy.id} v${policy.version} ${name} (${lang})`);
            assert.match(r.subject, /^\[RD-2026-000123\] /);
            checked++;
          }
        }
      }
    }
    assert.ok(checked >= 25, `checked ${checked}`);
  });

  test('every kind renders in every language, and ADR letters pass wherever there is a scheme', async () => {
    for (const p of await listPresets()) {
      for (const policy of p.versions) {
        for (const lang of ['en', 'vi'] as const) {
          for (const kind of COMMUNICATION_KINDS) {
            const r = renderWith(policy, kind, lang);
            // Wording a regulator prescribes exists only in the languages the policy speaks.
            if (!policy.languages.includes(lang)) {
              r.missing = r.missing.filter((m) => m.token !== 'time_limit_waiver_wording');
            }
            // A policy whose scheme is not opened by a deadlock letter sends none (FCA DISP).
            const expectMissing =
              (!policy.adr && (kind === 'deadlock_letter' || kind === 'adr_notice')) ||
              (kind === 'deadlock_letter' && !policy.adr?.openedBy.includes('deadlock_letter'));
            assert.equal(r.missing.length > 0, expectMissing, `${policy.id} ${kind} ${lang}`);
            assert.ok(r.text.includes('RD-2026-000123'), `${kind} ${lang}: the reference`);
          }
        }
      }
    }
  });
});
