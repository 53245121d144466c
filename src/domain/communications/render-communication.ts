// One message from a template and its context: subject, plain text and HTML, and what required
// content it lacks. Pure; the app layer loads the context and the template and refuses to send
// a message that lacks anything.
import type { Language, Policy } from '../policy/schema.ts';
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
): { name: string; mustInclude: string[] } | null {
  if (name !== undefined) {
    const c = policy.communications[name];
    return c ? { name, mustInclude: c.mustInclude } : null;
  }
  for (const [key, c] of Object.entries(policy.communications)) {
    if ((c.kind ?? key) === kind) return { name: key, mustInclude: c.mustInclude };
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
