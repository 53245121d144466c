// Reading the source tree for the architecture's two rules: SQL only under src/db/, and a domain
// that imports nothing outside itself. Parsed with the TypeScript compiler, so a regular
// expression or a comment is never mistaken for a string.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  what: string;
}

/** A statement's opening words: lower case as this code base writes SQL, or upper case. */
const SQL_START = [
  /^\s*select\s[\s\S]*\bfrom\b/,
  /^\s*select\s+(\d|\w+\s*\()/,
  /^\s*with\s+(recursive\s+)?\w+\s+as\s*\(/,
  /^\s*(insert\s+into|delete\s+from|truncate)\s/,
  /^\s*update\s+\w+(\s+\w+)?\s+set\s/,
  /^\s*(create|alter|drop)\s+(table|index|unique\s+index|sequence|function|trigger|extension)\s/,
  /^\s*(savepoint|release\s+savepoint|rollback\s+to\s+savepoint)\s/,
  /^\s*(begin|commit|rollback)\s*;?\s*$/,
];
const DRIVERS = new Set(['pg', '@electric-sql/pglite', 'pg-copy-streams']);

export function looksLikeSql(text: string): boolean {
  const first = /^\s*([A-Za-z]+)/.exec(text)?.[1] ?? '';
  // "SELECT … FROM" is SQL as much as "select … from"; "Select the file" is English.
  const shouted = first.length > 1 && first === first.toUpperCase();
  const candidate = shouted ? text.toLowerCase() : text;
  return SQL_START.some((r) => r.test(candidate));
}

function parse(file: string, source: string): ts.SourceFile {
  return ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** The text of a string or template literal (a template's parts joined by a placeholder). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' $x ');
  }
  return null;
}

/** Module specifiers a file imports or re-exports, statically or with import(). */
export function importsOf(file: string, source: string): { spec: string; line: number }[] {
  const sf = parse(file, source);
  const out: { spec: string; line: number }[] = [];
  walk(sf, (n) => {
    if (
      (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    ) {
      out.push({ spec: n.moduleSpecifier.text, line: lineOf(sf, n) });
    }
    if (
      ts.isCallExpression(n) &&
      n.expression.kind === ts.SyntaxKind.ImportKeyword &&
      n.arguments[0] &&
      ts.isStringLiteral(n.arguments[0])
    ) {
      out.push({ spec: n.arguments[0].text, line: lineOf(sf, n) });
    }
  });
  return out;
}

/** SQL in a file: statements in literals, `.query(…)` calls, `.exec('…')`, a driver imported. */
export function sqlIn(file: string, source: string): Finding[] {
  const sf = parse(file, source);
  const found: Finding[] = [];
  walk(sf, (n) => {
    const text = literalText(n);
    if (text !== null && !ts.isTemplateExpression(n.parent) && looksLikeSql(text)) {
      found.push({ file, line: lineOf(sf, n), what: `SQL: ${text.trim().slice(0, 60)}` });
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = n.expression.name.text;
      const first = n.arguments[0];
      if (name === 'query') found.push({ file, line: lineOf(sf, n), what: 'a .query(…) call' });
      if (name === 'exec' && first && literalText(first) !== null) {
        found.push({ file, line: lineOf(sf, n), what: 'an .exec(…) of a script' });
      }
    }
  });
  for (const i of importsOf(file, source)) {
    if (DRIVERS.has(i.spec)) found.push({ file, line: i.line, what: `imports ${i.spec}` });
  }
  return found;
}

/** Packages the domain may use: pure computation, no I/O. */
export const DOMAIN_PACKAGES = new Set(['zod', 'yaml', 'date-holidays', 'node:crypto']);

/** Imports of a domain file that leave the domain (another layer, or a package with I/O). */
export function domainImportProblems(file: string, source: string, domainRoot: string): Finding[] {
  return importsOf(file, source).flatMap(({ spec, line }) => {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const inside = target === domainRoot || target.startsWith(domainRoot + sep);
      return inside ? [] : [{ file, line, what: `imports ${spec} (outside the domain)` }];
    }
    return DOMAIN_PACKAGES.has(spec) ? [] : [{ file, line, what: `imports the package ${spec}` }];
  });
}

/** Every .ts file under a folder, as absolute paths. */
export function sourceFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

export const read = (path: string) => readFileSync(path, 'utf8');
export const rel = (root: string, path: string) => relative(root, path).split(sep).join('/');

/** Cycles among the files' relative imports, types and import() included (each in order). */
export function importCycles(files: readonly string[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    graph.set(
      f,
      importsOf(f, read(f))
        .map((i) => i.spec)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(f), s)),
    );
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push(stack.slice(stack.indexOf(g)));
      else if (!state.has(g) && graph.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}
