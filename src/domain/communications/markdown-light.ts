// Markdown-light: the little markup message templates are written in. Blank lines separate
// paragraphs, single newlines are line breaks, lines starting with "- " are a list, **bold**,
// [label](url). Rendered to plain text and to simple, escaped HTML; a backslash makes the next
// character plain text (values inserted by templates are escaped so).

/** Backslash-escapes what would otherwise be read as markup in a value. */
export function escapeMarkup(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\*[\]()]/g, (c) => `\\${c}`)
    .replace(/(^|\n)([ \t]*)-/g, '$1$2\\-');
}

type Inline =
  | { t: 'text'; value: string }
  | { t: 'strong'; children: Inline[] }
  | { t: 'link'; children: Inline[]; url: string };

interface Ch {
  c: string;
  /** Escaped with a backslash: never markup. */
  lit: boolean;
}

function chars(s: string): Ch[] {
  const out: Ch[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length && /[\\*[\]()-]/.test(s[i + 1]!)) {
      out.push({ c: s[i + 1]!, lit: true });
      i++;
    } else out.push({ c: s[i]!, lit: false });
  }
  return out;
}

const isMark = (cs: Ch[], i: number, c: string) =>
  cs[i] !== undefined && !cs[i]!.lit && cs[i]!.c === c;

function parseInline(cs: Ch[]): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < cs.length) {
    if (isMark(cs, i, '*') && isMark(cs, i + 1, '*')) {
      let j = i + 2;
      while (j < cs.length - 1 && !(isMark(cs, j, '*') && isMark(cs, j + 1, '*'))) j++;
      if (j < cs.length - 1 && j > i + 2) {
        flush();
        out.push({ t: 'strong', children: parseInline(cs.slice(i + 2, j)) });
        i = j + 2;
        continue;
      }
    }
    if (isMark(cs, i, '[')) {
      let depth = 0;
      let j = i;
      for (; j < cs.length; j++) {
        if (isMark(cs, j, '[')) depth++;
        else if (isMark(cs, j, ']') && --depth === 0) break;
      }
      if (j < cs.length && isMark(cs, j + 1, '(')) {
        let k = j + 2;
        while (k < cs.length && !isMark(cs, k, ')')) k++;
        if (k < cs.length) {
          flush();
          const url = cs
            .slice(j + 2, k)
            .map((x) => x.c)
            .join('')
            .trim();
          out.push({ t: 'link', children: parseInline(cs.slice(i + 1, j)), url });
          i = k + 1;
          continue;
        }
      }
    }
    text += cs[i]!.c;
    i++;
  }
  flush();
  return out;
}

/** A link's target, if it is one we write into HTML (web, mail, phone); otherwise null. */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  if (/^(https?:\/\/|mailto:|tel:)[^\s"<>]+$/i.test(u)) return u;
  if (/^www\.[^\s"<>]+$/i.test(u)) return `https://${u}`;
  return null;
}

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (n.t === 'text') return n.value;
      if (n.t === 'strong') return inlineText(n.children);
      const label = inlineText(n.children);
      const bare = n.url.replace(/^(https?:\/\/|mailto:|tel:)/i, '').replace(/\/$/, '');
      return !n.url || label === n.url || label === bare ? label : `${label} (${bare})`;
    })
    .join('');
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (n.t === 'text') return escapeHtml(n.value);
      if (n.t === 'strong') return `<strong>${inlineHtml(n.children)}</strong>`;
      const href = safeUrl(n.url);
      const label = inlineHtml(n.children);
      return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label || escapeHtml(n.url);
    })
    .join('');
}

const BULLET = /^[ \t]*[-*][ \t]+/;

function isBullet(cs: Ch[]): boolean {
  let i = 0;
  while (cs[i] && !cs[i]!.lit && (cs[i]!.c === ' ' || cs[i]!.c === '\t')) i++;
  return (
    (isMark(cs, i, '-') || isMark(cs, i, '*')) && (cs[i + 1]?.c === ' ' || cs[i + 1]?.c === '\t')
  );
}

function blocks(md: string): string[] {
  return md
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/^\n+|\s+$/g, ''))
    .filter((b) => b.trim() !== '');
}

/** Markdown-light to plain text: markup removed, escapes resolved, paragraphs kept. */
export function markdownToText(md: string): string {
  return blocks(md)
    .map((b) =>
      b
        .split('\n')
        .map((line) => {
          const cs = chars(line.replace(/\s+$/, ''));
          if (isBullet(cs)) {
            const body = line.replace(BULLET, '');
            return `- ${inlineText(parseInline(chars(body)))}`;
          }
          return inlineText(parseInline(cs));
        })
        .join('\n'),
    )
    .join('\n\n');
}

/** Markdown-light to HTML: <p> with <br>, <ul><li>, <strong>, <a>; every text escaped. */
export function markdownToHtml(md: string): string {
  const out: string[] = [];
  for (const b of blocks(md)) {
    const lines = b.split('\n').map((l) => l.replace(/\s+$/, ''));
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length) out.push(`<p>${para.join('<br>\n')}</p>`);
      para = [];
    };
    const flushList = () => {
      if (items.length) out.push(`<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`);
      items = [];
    };
    for (const line of lines) {
      const cs = chars(line);
      if (isBullet(cs)) {
        flushPara();
        items.push(inlineHtml(parseInline(chars(line.replace(BULLET, '')))));
      } else if (items.length && /^[ \t]+\S/.test(line)) {
        items[items.length - 1] += `<br>\n${inlineHtml(parseInline(chars(line.trim())))}`;
      } else {
        flushList();
        para.push(inlineHtml(parseInline(cs)));
      }
    }
    flushPara();
    flushList();
  }
  return out.join('\n');
}

/** A complete HTML e-mail document around a rendered body. */
export function htmlDocument(body: string, opts: { lang: string; title: string }): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(opts.lang)}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(opts.title)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
