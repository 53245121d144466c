// The published complaints procedure as a small printed booklet (A5): a title page, then the
// sections of the procedure text generated from the policy (renderProcedure), with page
// numbers. What the organisation posts to a customer is what Redress enforces.
import { renderProcedure } from '../domain/policy/render.ts';
import type { Language, Policy } from '../domain/policy/schema.ts';
import { atFixed, mm, newDocument, numberPages, toBuffer, type Doc } from './pdf-common.ts';

interface Section {
  heading: string;
  blocks: string[][];
}

interface ParsedProcedure {
  title: string;
  front: string[][];
  sections: Section[];
}

function blocksOf(lines: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Splits renderProcedure's text: a title underlined with "=", headings underlined with "-". */
export function parseProcedureText(text: string): ParsedProcedure {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const title = lines[0] ?? '';
  let i = /^=+$/.test(lines[1] ?? '') ? 2 : 1;
  const isHeadingAt = (j: number) =>
    (lines[j] ?? '').trim() !== '' && /^-{3,}$/.test(lines[j + 1] ?? '');
  const front: string[] = [];
  while (i < lines.length && !isHeadingAt(i)) front.push(lines[i++]!);
  const sections: Section[] = [];
  while (i < lines.length) {
    const heading = lines[i]!;
    i += 2;
    const body: string[] = [];
    while (i < lines.length && !isHeadingAt(i)) body.push(lines[i++]!);
    sections.push({ heading, blocks: blocksOf(body) });
  }
  return { title, front: blocksOf(front), sections };
}

const WORDS: Record<Language, { booklet: string; generated: (id: string, v: number) => string }> = {
  en: {
    booklet: 'Complaints procedure',
    generated: (id, v) => `Generated from policy ${id}, version ${v}.`,
  },
  vi: {
    booklet: 'Quy trình giải quyết khiếu nại',
    generated: (id, v) => `Được tạo từ chính sách ${id}, phiên bản ${v}.`,
  },
};

const MARGIN = { left: mm(16), right: mm(16), top: mm(18), bottom: mm(20) };

function titlePage(doc: Doc, policy: Policy, lang: Language, parsed: ParsedProcedure): void {
  doc.addPage();
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const org = policy.organisation;
  doc.rect(0, 0, doc.page.width, mm(8)).fill('#1f3a5f').fillColor('black');
  doc
    .font('Sans')
    .fontSize(10)
    .fillColor('#1f3a5f')
    .text(WORDS[lang].booklet.toUpperCase(), MARGIN.left, mm(50), {
      width,
      align: 'center',
      characterSpacing: 1,
    });
  doc.moveDown(1.2);
  doc
    .font('Sans-Bold')
    .fontSize(20)
    .fillColor('black')
    .text(parsed.title, { width, align: 'center' });
  doc.moveDown(1);
  if (org) doc.font('Sans').fontSize(13).text(org.name, { width, align: 'center' });
  doc.moveDown(0.6);
  const version = parsed.front.flat().find((l) => /\d/.test(l) && l !== org?.name);
  if (version) {
    doc.font('Sans').fontSize(9.5).fillColor('#444444').text(version, { width, align: 'center' });
  }
  const contact = org
    ? [
        ...org.address,
        ...(org.phone ? [org.phone] : []),
        ...(org.email ? [org.email] : []),
        ...(org.website ? [org.website] : []),
      ]
    : [];
  atFixed(doc, () => {
    let y = doc.page.height - mm(42);
    doc.font('Sans').fontSize(8.5).fillColor('#333333');
    for (const l of contact) {
      doc.text(l, MARGIN.left, y, { width, align: 'center', lineBreak: false });
      y += doc.currentLineHeight() + 1;
    }
    doc
      .fontSize(7)
      .fillColor('#777777')
      .text(
        WORDS[lang].generated(policy.id, policy.version),
        MARGIN.left,
        doc.page.height - mm(18),
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
  });
  doc.fillColor('black');
}

function block(doc: Doc, lines: string[], width: number): void {
  let bullets: string[] = [];
  const flush = () => {
    if (!bullets.length) return;
    doc.list(bullets, MARGIN.left + mm(2), doc.y, {
      width: width - mm(2),
      bulletRadius: 1.3,
      textIndent: mm(4),
      lineGap: 1,
      paragraphGap: 2,
    });
    bullets = [];
  };
  for (const raw of lines) {
    const bullet = /^\s*- (.*)$/.exec(raw);
    if (bullet) {
      bullets.push(bullet[1]!);
      continue;
    }
    flush();
    const numbered = /^(\d+)\. (.*)$/.exec(raw);
    if (numbered) {
      const y = doc.y;
      doc.font('Sans-Bold').text(`${numbered[1]}.`, MARGIN.left, y, { width: mm(6) });
      doc.font('Sans').text(numbered[2]!, MARGIN.left + mm(6), y, {
        width: width - mm(6),
        lineGap: 1,
        paragraphGap: 3,
      });
    } else if (/^\s{2,}\S/.test(raw)) {
      doc.text(raw.trim(), MARGIN.left + mm(4), doc.y, { width: width - mm(4), lineGap: 1 });
    } else {
      doc.text(raw, MARGIN.left, doc.y, { width, lineGap: 1, paragraphGap: 2 });
    }
  }
  flush();
  doc.moveDown(0.6);
}

function sections(doc: Doc, parsed: ParsedProcedure): void {
  doc.addPage();
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc.font('Sans').fontSize(9.5);
  // The introduction (the front matter's last block) opens the text.
  const intro = parsed.front[parsed.front.length - 1];
  if (intro && parsed.front.length > 1) block(doc, intro, width);
  for (const s of parsed.sections) {
    // Keep a heading with at least a few lines of its text.
    if (doc.y + mm(25) > doc.page.height - MARGIN.bottom) doc.addPage();
    doc.moveDown(0.3);
    doc.font('Sans-Bold').fontSize(12).fillColor('#1f3a5f').text(s.heading, MARGIN.left, doc.y, {
      width,
      paragraphGap: 4,
    });
    doc.fillColor('black').font('Sans').fontSize(9.5);
    for (const b of s.blocks) block(doc, b, width);
  }
}

function runningHeads(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    atFixed(doc, () => {
      doc
        .font('Sans')
        .fontSize(7.5)
        .fillColor('#666666')
        .text(title, MARGIN.left, mm(9), {
          width: doc.page.width - MARGIN.left - MARGIN.right,
          align: 'center',
          lineBreak: false,
        });
    });
  }
  doc.fillColor('black');
}

/** The procedure of a policy version as an A5 booklet, in English or Vietnamese. */
export async function renderProcedureBookletPdf(policy: Policy, lang: Language): Promise<Buffer> {
  const parsed = parseProcedureText(renderProcedure(policy, lang));
  const doc = newDocument({
    size: 'A5',
    margins: MARGIN,
    title: parsed.title,
    author: policy.organisation?.name ?? policy.name,
    language: lang,
    date: new Date(`${policy.effectiveFrom}T00:00:00Z`),
  });
  titlePage(doc, policy, lang, parsed);
  sections(doc, parsed);
  runningHeads(doc, parsed.title);
  numberPages(doc, lang, 1);
  return toBuffer(doc);
}
