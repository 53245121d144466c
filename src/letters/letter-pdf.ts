// A communication as a printed letter: A4, the organisation's header, the recipient's address
// where a window envelope shows it, date and reference, the body, and "Page n of m" on every
// page. Fonts are embedded (DejaVu Sans), so Vietnamese letters print with their diacritics.
//
// Layout for a left-window envelope: the address field follows the UK/European DL and C5
// window (90 × 45 mm, 20 mm from the left edge, its top 50 mm from the top of the sheet), as in
// BS EN ISO 269 envelopes and DIN 5008 form B; an A4 sheet folded in three (99 mm panels, fold
// marks at 99 and 198 mm) puts the field behind a DL window, and folded once it fits C5. Nothing
// but the address and a one-line return address is printed inside the window.
import { formatDate } from '../domain/policy/dates.ts';
import type { Language } from '../domain/policy/schema.ts';
import type { ComposedMessage } from '../app/communications/types.ts';
import { atFixed, mm, newDocument, numberPages, toBuffer, type Doc } from './pdf-common.ts';
import { appendPdfs } from './scheme-leaflet.ts';

export interface LetterOrganisation {
  name: string;
  address?: string[];
  phone?: string;
  email?: string;
  website?: string;
}

export interface LetterInput {
  /** The message: its HTML is read for paragraphs, lists and bold; its text when there is none. */
  composed: Pick<ComposedMessage, 'subject' | 'text'> & { html?: string };
  organisation: LetterOrganisation;
  recipient: { name: string; address: string[] };
  reference: string;
  /** The date the letter is written. */
  date: Date;
  language: Language;
  /** The time zone the date is written in (the policy's); UTC by default. */
  timezone?: string;
  /** What the letter encloses (the scheme's leaflet), printed after it as pages of their own. */
  enclosures?: readonly Buffer[];
}

/** The address window, in millimetres from the top-left corner of the sheet. */
export const ADDRESS_WINDOW = { left: 20, top: 50, width: 90, height: 45 } as const;
/** Inside the window, text keeps this far from its edges (the sheet moves in the envelope). */
const WINDOW_PADDING = 4;
const BODY_TOP = 105;
const MARGIN = { left: mm(20), right: mm(20), top: mm(20), bottom: mm(22) };

const WORDS: Record<Language, { date: string; reference: string; phone: string; email: string }> = {
  en: { date: 'Date', reference: 'Our reference', phone: 'Phone', email: 'Email' },
  vi: { date: 'Ngày', reference: 'Mã số khiếu nại', phone: 'Điện thoại', email: 'Email' },
};

function header(doc: Doc, input: LetterInput): void {
  const org = input.organisation;
  const w = WORDS[input.language];
  doc
    .font('Sans-Bold')
    .fontSize(16)
    .text(org.name, mm(20), mm(15), { width: mm(95), lineBreak: true });
  // The address on one line (wrapped if long), so the block ends above the rule and the window.
  const lines = [
    ...(org.address?.length ? [org.address.join(', ')] : []),
    ...(org.phone ? [`${w.phone}: ${org.phone}`] : []),
    ...(org.email ? [`${w.email}: ${org.email}`] : []),
    ...(org.website ? [org.website] : []),
  ];
  doc
    .font('Sans')
    .fontSize(8.5)
    .fillColor('#333333')
    .text(lines.join('\n'), mm(110), mm(15), { width: mm(80), align: 'right', lineGap: 1 });
  doc.fillColor('black');
  const rule = Math.min(Math.max(mm(36), doc.y + mm(1.5)), mm(ADDRESS_WINDOW.top - 2));
  doc.moveTo(mm(20), rule).lineTo(mm(190), rule).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.strokeColor('black');
}

function addressWindow(doc: Doc, input: LetterInput): void {
  const x = mm(ADDRESS_WINDOW.left + WINDOW_PADDING);
  const width = mm(ADDRESS_WINDOW.width - 2 * WINDOW_PADDING);
  const org = input.organisation;
  const returnLine = [org.name, ...(org.address ?? [])].join(', ');
  doc
    .font('Sans')
    .fontSize(6.5)
    .fillColor('#444444')
    .text(returnLine, x, mm(ADDRESS_WINDOW.top + WINDOW_PADDING), {
      width,
      // One line, cut with an ellipsis: a second line would run into the recipient's name.
      height: doc.currentLineHeight(),
      ellipsis: true,
      underline: true,
    });
  doc.fillColor('black');
  const lines = [input.recipient.name, ...input.recipient.address].filter((l) => l.trim());
  const size = lines.length > 7 ? 8.5 : 10;
  doc.font('Sans').fontSize(size);
  let y = mm(ADDRESS_WINDOW.top + WINDOW_PADDING + 5);
  const bottom = mm(ADDRESS_WINDOW.top + ADDRESS_WINDOW.height - WINDOW_PADDING);
  for (const line of lines) {
    if (y + doc.currentLineHeight() > bottom) break;
    doc.text(line, x, y, { width, lineBreak: false, ellipsis: true });
    y += doc.currentLineHeight() + 1;
  }
}

function dateAndReference(doc: Doc, input: LetterInput): void {
  const w = WORDS[input.language];
  const date = formatDate(input.date, input.language, input.timezone ?? 'UTC');
  const x = mm(118);
  const width = mm(72);
  let y = mm(ADDRESS_WINDOW.top + WINDOW_PADDING + 5);
  for (const [label, value] of [
    [w.date, date],
    [w.reference, input.reference],
  ] as const) {
    doc.font('Sans').fontSize(8).fillColor('#555555').text(label, x, y, { width });
    y = doc.y;
    doc.font('Sans-Bold').fontSize(10).fillColor('black').text(value, x, y, { width });
    y = doc.y + mm(2);
  }
}

function foldMarks(doc: Doc): void {
  for (const at of [99, 198]) {
    doc.moveTo(mm(4), mm(at)).lineTo(mm(8), mm(at)).lineWidth(0.4).strokeColor('#999999').stroke();
  }
  doc.strokeColor('black');
}

/** "[RD-2026-000123] Our final response" → "Our final response": the reference has its own line. */
function letterHeading(subject: string, reference: string): string {
  return subject.replace(`[${reference}]`, '').replace(/\s+/g, ' ').trim();
}

interface Run {
  text: string;
  bold: boolean;
}
/** A paragraph: lines (hard breaks) of runs. */
type Lines = Run[][];
type Block = { t: 'p'; lines: Lines } | { t: 'ul'; items: Lines[] };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: '\u00a0',
};

function decode(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (ENTITIES[e] !== undefined) return ENTITIES[e]!;
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return m;
  });
}

/** The runs of one paragraph or list item of the HTML the template engine writes: <strong>,
 *  <a> (its label), <br>; any other tag is dropped. */
function runsOf(html: string): Lines {
  const lines: Lines = [[]];
  let bold = 0;
  for (const part of html.split(/(<[^>]+>)/)) {
    if (!part) continue;
    if (part.startsWith('<')) {
      const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(part);
      const name = tag?.[2]?.toLowerCase();
      if (name === 'br') lines.push([]);
      else if (name === 'strong' || name === 'b') bold += tag![1] ? -1 : 1;
      continue;
    }
    const line = lines[lines.length - 1]!;
    let text = decode(part.replace(/\s*\n\s*/g, ' '));
    if (line.length === 0) text = text.trimStart();
    if (text) line.push({ text, bold: bold > 0 });
  }
  return lines.filter((l) => l.some((r) => r.text.trim() !== ''));
}

/** Paragraphs and lists from the message's HTML (which keeps the bold of the template). */
export function blocksFromHtml(html: string): Block[] {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const out: Block[] = [];
  const re = /<(p|ul)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[1]!.toLowerCase() === 'p') {
      const lines = runsOf(m[2]!);
      if (lines.length) out.push({ t: 'p', lines });
    } else {
      const items = [...m[2]!.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)]
        .map((li) => runsOf(li[1]!))
        .filter((l) => l.length > 0);
      if (items.length) out.push({ t: 'ul', items });
    }
  }
  return out;
}

/** Paragraphs and lists from plain text, when there is no HTML to read. */
export function blocksFromText(text: string): Block[] {
  const out: Block[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    let para: Lines = [];
    let items: Lines[] = [];
    const flush = () => {
      if (para.length) out.push({ t: 'p', lines: para });
      if (items.length) out.push({ t: 'ul', items });
      para = [];
      items = [];
    };
    for (const l of lines) {
      if (/^- /.test(l)) {
        if (para.length) flush();
        items.push([[{ text: l.slice(2), bold: false }]]);
      } else {
        if (items.length) flush();
        para.push([{ text: l, bold: false }]);
      }
    }
    flush();
  }
  return out;
}

const LINE_GAP = 1.5;

function writeLines(doc: Doc, lines: Lines, x: number, width: number): void {
  for (const line of lines) {
    line.forEach((run, i) => {
      doc.font(run.bold ? 'Sans-Bold' : 'Sans');
      const opts = { width, lineGap: LINE_GAP, continued: i < line.length - 1 };
      if (i === 0) doc.text(run.text, x, doc.y, opts);
      else doc.text(run.text, opts);
    });
  }
  doc.font('Sans');
}

function body(doc: Doc, input: LetterInput): void {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  doc.x = MARGIN.left;
  doc.y = mm(BODY_TOP);
  doc
    .font('Sans-Bold')
    .fontSize(11.5)
    .text(letterHeading(input.composed.subject, input.reference), { width, paragraphGap: 8 });
  const html = input.composed.html;
  const blocks =
    html && /<p\b/i.test(html) ? blocksFromHtml(html) : blocksFromText(input.composed.text);
  doc.font('Sans').fontSize(10.5);
  const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
  for (const b of blocks) {
    if (b.t === 'p') {
      if (doc.y + lineHeight > bottom()) doc.addPage();
      writeLines(doc, b.lines, MARGIN.left, width);
    } else {
      for (const item of b.items) {
        if (doc.y + lineHeight > bottom()) doc.addPage();
        const y = doc.y;
        doc.circle(MARGIN.left + mm(3), y + lineHeight / 2 - 0.5, 1.6).fill('black');
        doc.y = y;
        writeLines(doc, item, MARGIN.left + mm(7), width - mm(7));
        doc.y += 2;
      }
    }
    doc.y += doc.currentLineHeight() * 0.7;
  }
}

/** Later pages carry the organisation and the reference at the top. */
function continuationHeaders(doc: Doc, input: LetterInput): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    atFixed(doc, () => {
      doc
        .font('Sans')
        .fontSize(8)
        .fillColor('#555555')
        .text(`${input.organisation.name} — ${input.reference}`, MARGIN.left, mm(10), {
          width: doc.page.width - MARGIN.left - MARGIN.right,
          lineBreak: false,
        });
    });
  }
  doc.fillColor('black');
}

export async function renderLetterPdf(input: LetterInput): Promise<Buffer> {
  const doc = newDocument({
    size: 'A4',
    margins: MARGIN,
    title: input.composed.subject,
    author: input.organisation.name,
    language: input.language,
    date: input.date,
  });
  doc.addPage();
  header(doc, input);
  addressWindow(doc, input);
  dateAndReference(doc, input);
  foldMarks(doc);
  body(doc, input);
  continuationHeaders(doc, input);
  numberPages(doc, input.language);
  return appendPdfs(await toBuffer(doc), input.enclosures ?? []);
}
