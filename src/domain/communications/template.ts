// Message templates: a small, pure template language over Markdown-light text.
//
//   {{name}}                        a value (HTML-escaped in the HTML rendering, raw in text)
//   {{#if name}} … {{else}} … {{/if}}   a section shown when the value is present (a non-empty
//                                    list, a non-blank text, true)
//   {{#each list}} … {{/each}}       once per item: {{this}} is the item, or {{field}} its fields
//
// One source renders to plain text and to simple HTML: blank lines separate paragraphs, single
// newlines are line breaks, lines starting with "- " are a list, **bold**, [label](url). Values
// never become markup: a customer named "**Ann**" is shown as typed, in both renderings.
// Variables are checked when a template is compiled against the variables of its kind, so an
// administrator's typo is refused with the variable (and a suggestion) named.

import { escapeMarkup, markdownToHtml, markdownToText } from './markdown-light.ts';

export {
  escapeHtml,
  escapeMarkup,
  htmlDocument,
  markdownToHtml,
  markdownToText,
  safeUrl,
} from './markdown-light.ts';

/** Markdown-light made by Redress itself (the procedure text): inserted as markup, not escaped.
 *  Never wrap text that came from a customer or a handler in it. */
export class Markup {
  constructor(readonly markdown: string) {}
}

export type TemplateValue =
  | Markup
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly string[]
  | readonly Record<string, string | number | null | undefined>[];

export type TemplateVars = Record<string, TemplateValue>;

/** What a variable holds: text, a list of texts, or a list of records with the named fields. */
export type VariableType = 'text' | 'flag' | 'list' | { list: readonly string[] };

export type VariableSpec = Record<string, VariableType>;

export interface TemplateProblem {
  line: number;
  message: string;
  /** The variable concerned, when there is one. */
  variable?: string;
}

export type TemplateErrorCode = 'TEMPLATE.SYNTAX' | 'TEMPLATE.UNKNOWN_VARIABLE';

export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    readonly problems: TemplateProblem[],
    readonly part = 'body',
  ) {
    super(problems.map((p) => `${part} line ${p.line}: ${p.message}`).join('; '));
  }
}

type Node =
  | { t: 'text'; value: string }
  | { t: 'var'; name: string; line: number }
  | { t: 'if'; name: string; line: number; then: Node[]; else: Node[] }
  | { t: 'each'; name: string; line: number; body: Node[] };

export interface CompiledTemplate {
  readonly nodes: readonly Node[];
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Tag =
  | { k: 'var'; name: string }
  | { k: 'if'; name: string }
  | { k: 'each'; name: string }
  | { k: 'else' }
  | { k: 'end'; block: 'if' | 'each' };

type Token =
  | { t: 'text'; value: string }
  | { t: 'tag'; tag: Tag; line: number; raw: string; standalone: boolean };

const IDENT = /^[a-z_][a-z0-9_]*$/i;

function parseTag(inner: string): Tag | string {
  const s = inner.trim();
  let m: RegExpExecArray | null;
  if ((m = /^#(if|each)\s+(\S+)$/.exec(s))) {
    const name = m[2]!;
    if (!IDENT.test(name)) return `"${name}" is not a variable name`;
    return m[1] === 'if' ? { k: 'if', name } : { k: 'each', name };
  }
  if ((m = /^\/(if|each)$/.exec(s))) return { k: 'end', block: m[1] as 'if' | 'each' };
  if (s === 'else') return { k: 'else' };
  if (/^#(if|each)$/.test(s)) return `{{${s}}} needs a variable name`;
  if (IDENT.test(s)) return { k: 'var', name: s };
  return `{{${inner}}} is not a template tag; use {{name}}, {{#if name}}, {{else}}, {{/if}}, {{#each name}} or {{/each}}`;
}

function lineAt(source: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) n++;
  return n;
}

function tokenize(source: string, problems: TemplateProblem[]): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    const open = source.indexOf('{{', pos);
    if (open < 0) {
      tokens.push({ t: 'text', value: source.slice(pos) });
      break;
    }
    if (open > pos) tokens.push({ t: 'text', value: source.slice(pos, open) });
    const close = source.indexOf('}}', open + 2);
    const line = lineAt(source, open);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      problems.push({ line, message: '"{{" is not closed by "}}"' });
      tokens.push({ t: 'text', value: '{{' });
      pos = open + 2;
      continue;
    }
    const raw = source.slice(open, close + 2);
    const tag = parseTag(source.slice(open + 2, close));
    if (typeof tag === 'string') {
      problems.push({ line, message: tag });
    } else {
      tokens.push({ t: 'tag', tag, line, raw, standalone: false });
    }
    pos = close + 2;
  }
  markStandalone(tokens);
  return tokens;
}

/** A block tag alone on its line takes the line with it (as in Mustache), so templates can put
 *  {{#each}} and {{/each}} on lines of their own without leaving blank lines behind. */
function markStandalone(tokens: Token[]): void {
  const text = (tok: Token | undefined) =>
    tok === undefined ? '' : tok.t === 'text' ? tok.value : null;
  // Decide on the original texts first, then cut: a text between two standalone tags loses
  // both the rest of the first tag's line and the start of the second tag's line.
  const cutFrom = new Map<number, number>(); // text index -> keep from here
  const cutTo = new Map<number, number>(); // text index -> keep up to here
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.t !== 'tag' || tok.tag.k === 'var') continue;
    const before = text(tokens[i - 1]);
    const after = text(tokens[i + 1]);
    if (before === null || after === null) continue;
    const lineStart = before.lastIndexOf('\n');
    // At the start of a line: after a newline, or at the very start of the source.
    if (!(lineStart >= 0 || i <= 1) || !/^[ \t]*$/.test(before.slice(lineStart + 1))) continue;
    const nl = after.indexOf('\n');
    const trail = nl < 0 ? after : after.slice(0, nl);
    // Followed by the end of its line, or by the end of the source.
    if (!/^[ \t\r]*$/.test(trail) || (nl < 0 && i + 2 < tokens.length)) continue;
    if (i > 0) cutTo.set(i - 1, lineStart + 1);
    if (i + 1 < tokens.length) cutFrom.set(i + 1, nl < 0 ? after.length : nl + 1);
    tok.standalone = true;
  }
  tokens.forEach((tok, i) => {
    if (tok.t !== 'text') return;
    const from = cutFrom.get(i) ?? 0;
    const to = cutTo.get(i) ?? tok.value.length;
    tok.value = tok.value.slice(from, Math.max(from, to));
  });
}

function buildTree(tokens: Token[], problems: TemplateProblem[]): Node[] {
  const root: Node[] = [];
  type Frame = { node: Extract<Node, { t: 'if' | 'each' }>; target: Node[]; inElse: boolean };
  const stack: Frame[] = [];
  const out = () => (stack.length ? stack[stack.length - 1]!.target : root);
  for (const tok of tokens) {
    if (tok.t === 'text') {
      if (tok.value) out().push({ t: 'text', value: tok.value });
      continue;
    }
    const { tag, line } = tok;
    if (tag.k === 'var') out().push({ t: 'var', name: tag.name, line });
    else if (tag.k === 'if') {
      const node: Node = { t: 'if', name: tag.name, line, then: [], else: [] };
      out().push(node);
      stack.push({ node, target: node.then, inElse: false });
    } else if (tag.k === 'each') {
      const node: Node = { t: 'each', name: tag.name, line, body: [] };
      out().push(node);
      stack.push({ node, target: node.body, inElse: false });
    } else if (tag.k === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.node.t !== 'if' || top.inElse) {
        problems.push({ line, message: '{{else}} outside an {{#if}} block' });
        continue;
      }
      top.inElse = true;
      top.target = top.node.else;
    } else {
      const top = stack[stack.length - 1];
      if (!top) {
        problems.push({ line, message: `{{/${tag.block}}} has no matching {{#${tag.block}}}` });
      } else if (top.node.t !== tag.block) {
        problems.push({
          line,
          message: `{{/${tag.block}}} closes {{#${top.node.t} ${top.node.name}}} opened on line ${top.node.line}`,
        });
        stack.pop();
      } else {
        stack.pop();
      }
    }
  }
  for (const f of stack.reverse()) {
    problems.push({
      line: f.node.line,
      message: `{{#${f.node.t} ${f.node.name}}} is not closed by {{/${f.node.t}}}`,
    });
  }
  return root;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

function suggestion(name: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const dist = distance(name.toLowerCase(), k.toLowerCase());
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return best !== null && bestD <= Math.max(2, Math.floor(name.length / 3))
    ? `; did you mean {{${best}}}?`
    : '';
}

type Scope = Map<string, VariableType>;

function checkNodes(nodes: readonly Node[], scope: Scope, problems: TemplateProblem[]): void {
  for (const n of nodes) {
    if (n.t === 'text') continue;
    const type = scope.get(n.name);
    if (type === undefined) {
      problems.push({
        line: n.line,
        variable: n.name,
        message: `unknown variable {{${n.name}}}${suggestion(n.name, scope.keys())}`,
      });
      if (n.t === 'if') {
        checkNodes(n.then, scope, problems);
        checkNodes(n.else, scope, problems);
      }
      continue;
    }
    const isList = type === 'list' || typeof type === 'object';
    if (n.t === 'var' && isList) {
      problems.push({
        line: n.line,
        variable: n.name,
        message: `{{${n.name}}} is a list: write {{#each ${n.name}}}…{{/each}}`,
      });
    } else if (n.t === 'each' && !isList) {
      problems.push({
        line: n.line,
        variable: n.name,
        message: `{{#each ${n.name}}} needs a list, and ${n.name} is not one`,
      });
    } else if (n.t === 'if') {
      checkNodes(n.then, scope, problems);
      checkNodes(n.else, scope, problems);
    } else if (n.t === 'each') {
      const inner: Scope = new Map(scope);
      inner.set('this', 'text');
      if (typeof type === 'object') for (const f of type.list) inner.set(f, 'text');
      checkNodes(n.body, inner, problems);
    }
  }
}

/**
 * Parses a template and checks its variables against `spec` (when given). Throws a
 * TemplateError listing every problem: syntax first, then unknown variables.
 */
export function compileTemplate(
  source: string,
  spec?: VariableSpec,
  part = 'body',
): CompiledTemplate {
  const problems: TemplateProblem[] = [];
  const nodes = buildTree(tokenize(source.replace(/\r\n?/g, '\n'), problems), problems);
  if (problems.length > 0) throw new TemplateError('TEMPLATE.SYNTAX', problems, part);
  if (spec) {
    checkNodes(nodes, new Map(Object.entries(spec)), problems);
    if (problems.length > 0) throw new TemplateError('TEMPLATE.UNKNOWN_VARIABLE', problems, part);
  }
  return { nodes };
}

/** The problems of a template, without throwing (for an editor). */
export function validateTemplate(source: string, spec: VariableSpec): TemplateProblem[] {
  try {
    compileTemplate(source, spec);
    return [];
  } catch (err) {
    if (err instanceof TemplateError) return err.problems;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering to Markdown-light (values escaped), then to text and HTML

function present(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (v instanceof Markup) return v.markdown.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}

function asText(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

type Lookup = (name: string) => unknown;

function renderNodes(nodes: readonly Node[], lookup: Lookup, escape: boolean): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.value;
    else if (n.t === 'var') {
      const v = lookup(n.name);
      if (v instanceof Markup) out += escape ? v.markdown : markdownToText(v.markdown);
      else out += escape ? escapeMarkup(asText(v)) : asText(v);
    } else if (n.t === 'if') {
      out += renderNodes(present(lookup(n.name)) ? n.then : n.else, lookup, escape);
    } else {
      const list = lookup(n.name);
      if (!Array.isArray(list)) continue;
      for (const item of list as unknown[]) {
        const inner: Lookup = (name) => {
          if (name === 'this') return typeof item === 'object' ? '' : item;
          if (item && typeof item === 'object' && name in item) {
            return (item as Record<string, unknown>)[name];
          }
          return lookup(name);
        };
        out += renderNodes(n.body, inner, escape);
      }
    }
  }
  return out;
}

const lookupIn =
  (vars: TemplateVars): Lookup =>
  (name) =>
    vars[name];

/** A template rendered with its values as Markdown-light source (values escaped). */
export function renderMarkdown(t: CompiledTemplate, vars: TemplateVars): string {
  return renderNodes(t.nodes, lookupIn(vars), true);
}

/** A one-line template (a subject): values raw, whitespace collapsed. */
export function renderLine(t: CompiledTemplate, vars: TemplateVars): string {
  return renderNodes(t.nodes, lookupIn(vars), false).replace(/\s+/g, ' ').trim();
}

/** Both renderings of a body template. */
export function renderTemplate(
  t: CompiledTemplate,
  vars: TemplateVars,
): { markdown: string; text: string; html: string } {
  const markdown = renderMarkdown(t, vars);
  return { markdown, text: markdownToText(markdown), html: markdownToHtml(markdown) };
}

/** A template file: a front matter block with `subject:`, then the body. */
export function parseTemplateFile(
  source: string,
  name = 'template',
): { subject: string; body: string } {
  const s = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(s);
  if (!m) throw new Error(`${name}: expected front matter (---, subject: …, ---) at the top`);
  let subject: string | null = null;
  for (const line of m[1]!.split('\n')) {
    const kv = /^subject:\s*(.*)$/.exec(line);
    if (kv) {
      const v = kv[1]!.trim();
      subject = /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
    } else if (line.trim() && !line.trim().startsWith('#')) {
      throw new Error(`${name}: unknown front matter line "${line}" (only subject: is read)`);
    }
  }
  if (!subject) throw new Error(`${name}: the front matter has no subject:`);
  // A blank line after the front matter (as Prettier writes it) is not part of the body.
  return { subject, body: s.slice(m[0].length).replace(/^\n+/, '') };
}
