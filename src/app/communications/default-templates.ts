// The templates shipped with Redress (templates/<kind>.<lang>.md): used for every policy and
// language an administrator has not edited. Read once, then kept in memory.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TemplateSource } from '../../domain/communications/render-communication.ts';
import { parseTemplateFile } from '../../domain/communications/template.ts';
import type { Kind } from '../../domain/communications/variables.ts';
import type { Language } from '../../domain/policy/schema.ts';

export const templatesDir = fileURLToPath(new URL('../../../templates/', import.meta.url));

const cache = new Map<string, TemplateSource>();

export function defaultTemplate(kind: Kind, lang: Language): TemplateSource {
  const key = `${kind}.${lang}`;
  let t = cache.get(key);
  if (!t) {
    const file = `${key}.md`;
    t = parseTemplateFile(readFileSync(templatesDir + file, 'utf8'), `templates/${file}`);
    cache.set(key, t);
  }
  return t;
}
