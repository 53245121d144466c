// One message from a template and its context: subject, plain text and HTML, and what required
// content it lacks. Pure; the app layer loads the context and the template and refuses to send
// a message that lacks anything.
import type { Language, Policy } from '../policy/schema.ts';
import { possessive, theName } from './phrases.ts';
import { checkRequiredContent, type MissingContent } from './required-content.ts';
import { compileTemplate, htmlDocument, renderLine, renderTemplate } from './template.ts';
import { buildVariables, variableSpec, type CommunicationContext, type Kind } from './variables.ts';

export interface TemplateSource {
  subject: string;
  body: string;
}

export interface RenderedCommunication {
  kind: Kind;
  language: Language;
  subject: string;
  text: string;
  html: string;
  /** Required content the text lacks (empty when it may be sent). */
  missing: MissingContent[];
}

/** The policy's communication for a kind: the one named, or the first of that kind. */
export function findCommunication(
  policy: Policy,
  kind: Kind,
  name?: string,
): { name: string; mustInclude: string[]; enclose: string[] } | null {
  if (name !== undefined) {
    const c = policy.communications[name];
    return c ? { name, mustInclude: c.mustInclude, enclose: c.enclose } : null;
  }
  for (const [key, c] of Object.entries(policy.communications)) {
    if ((c.kind ?? key) === kind)
      return { name: key, mustInclude: c.mustInclude, enclose: c.enclose };
  }
  return null;
}

export function renderCommunication(input: {
  template: TemplateSource;
  ctx: CommunicationContext;
  communicationName?: string;
}): RenderedCommunication {
  const { ctx } = input;
  const spec = variableSpec(ctx.kind);
  const subjectT = compileTemplate(input.template.subject, spec, 'subject');
  const bodyT = compileTemplate(input.template.body, spec, 'body');
  const vars = buildVariables(ctx);
  const subject = renderLine(subjectT, vars);
  const body = renderTemplate(bodyT, vars);
  const missing = checkRequiredContent({
    policy: ctx.policy,
    kind: ctx.kind,
    ...(input.communicationName ? { communicationName: input.communicationName } : {}),
    mustInclude: ctx.mustInclude ?? [],
    enclosures: (ctx.enclosures ?? []).map((e) => e.id),
    vars,
    lang: ctx.lang,
    text: body.text,
  });
  return {
    kind: ctx.kind,
    language: ctx.lang,
    subject,
    text: body.text,
    html: htmlDocument(body.html, { lang: ctx.lang, title: subject }),
    missing,
  };
}

/** What is sent with a message of this communication, each with its title in the letter's
 *  language ("the Financial Ombudsman Service’s standard explanatory leaflet"). Only what can
 *  be produced is listed: a leaflet needs the policy's adr.leaflet. */
export function enclosuresFor(
  policy: Policy,
  comm: { enclose: readonly string[] } | null,
  lang: Language,
): { id: 'scheme_leaflet'; title: string }[] {
  const adr = policy.adr;
  if (!comm || !adr?.leaflet || !comm.enclose.includes('scheme_leaflet')) return [];
  const title =
    adr.leaflet.title ??
    (lang === 'vi'
      ? `tờ thông tin hướng dẫn của ${adr.scheme.name}`
      : `${possessive(theName(adr.scheme.name))} standard explanatory leaflet`);
  return [{ id: 'scheme_leaflet', title }];
}
