// Reading a raw mail's header section without a MIME parser: enough to recognise it (its
// Message-ID), to classify it (auto-replies, bounces) and to check it, even when the rest of
// the mail is too broken for the parser. Bytes are read as latin1, so nothing can fail here.

export interface RawHeader {
  /** Lower-case name. */
  name: string;
  /** The unfolded value, trimmed. */
  value: string;
}

export interface RawHeaders {
  list: RawHeader[];
  /** The first value of a header, or undefined. */
  get(name: string): string | undefined;
  all(name: string): string[];
  /** Whether the header section ended with an empty line (a mail with no body has none). */
  terminated: boolean;
  /** Lines of the header section that are neither a header nor a continuation. */
  junkLines: number;
}

/** Only this much of a mail is read as headers: a longer header section is itself a problem. */
export const MAX_HEADER_BYTES = 256 * 1024;

export function parseRawHeaders(raw: Buffer): RawHeaders {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  const section = end ? head.slice(0, end.index) : head;
  const list: RawHeader[] = [];
  let junkLines = 0;
  for (const line of section.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && list.length > 0) {
      const last = list[list.length - 1]!;
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const m = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (m) list.push({ name: m[1]!.toLowerCase(), value: m[2]!.trim() });
    else if (line.trim() !== '' && !(list.length === 0 && line.startsWith('From '))) junkLines++;
  }
  return {
    list,
    get: (name) => list.find((h) => h.name === name.toLowerCase())?.value,
    all: (name) => list.filter((h) => h.name === name.toLowerCase()).map((h) => h.value),
    terminated: end !== null,
    junkLines,
  };
}

/** Every `<id>` in a header value (Message-ID, In-Reply-To, References), brackets kept. */
export function messageIdsIn(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  const ids: string[] = [];
  for (const v of values) {
    for (const m of v.matchAll(/<([^<>\s]+)>/g)) {
      const id = `<${m[1]}>`;
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** A mail's Message-ID as stored (with angle brackets), or null when it has no usable one. */
export function normaliseMessageId(value: string | undefined): string | null {
  if (!value) return null;
  const id = messageIdsIn(value)[0] ?? (/^[^<>\s]+@[^<>\s]+$/.test(value) ? `<${value}>` : null);
  return id && id.length <= 998 ? id : null;
}

/** The bare address of a header such as `"Ann" <ann@example.com>` (the first one), lower-cased. */
export function addressIn(value: string | undefined): string | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]*)>/.exec(value);
  const candidate = bracketed
    ? bracketed[1]!
    : (/[^\s"<>,;:()]+@[^\s"<>,;:()]+/.exec(value)?.[0] ?? '');
  return candidate ? candidate.toLowerCase() : bracketed ? '' : null;
}

/** The `type/subtype` of a Content-Type value, lower-cased, and its parameters. */
export function contentTypeOf(value: string | undefined): {
  type: string;
  params: Record<string, string>;
} {
  if (!value) return { type: 'text/plain', params: {} };
  const [type, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const m = /^\s*([^=\s]+)\s*=\s*(?:"([^"]*)"|([^\s;]*))/.exec(p);
    if (m) params[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  }
  return { type: type!.trim().toLowerCase(), params };
}
