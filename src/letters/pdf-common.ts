// What letters and the procedure booklet share: millimetres, the embedded DejaVu fonts (so
// Vietnamese diacritics render, and copy and search correctly), page numbers, and the document
// collected into a Buffer.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '../domain/policy/schema.ts';

export const MM = 72 / 25.4;
export const mm = (n: number): number => n * MM;

const require = createRequire(import.meta.url);
export const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export type Doc = PDFKit.PDFDocument;

export function newDocument(opts: {
  size: 'A4' | 'A5';
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  author: string;
  language: Language;
  date: Date;
}): Doc {
  const doc = new PDFDocument({
    size: opts.size,
    margins: opts.margins,
    bufferPages: true,
    autoFirstPage: false,
    lang: opts.language,
    displayTitle: true,
    info: {
      Title: opts.title,
      Author: opts.author,
      Creator: 'Redress',
      Producer: 'Redress',
      CreationDate: opts.date,
      ModDate: opts.date,
    },
  });
  doc.registerFont('Sans', FONT_REGULAR);
  doc.registerFont('Sans-Bold', FONT_BOLD);
  doc.font('Sans');
  return doc;
}

/** The finished document's bytes. Call after drawing everything; ends the document. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const PAGE_LABEL: Record<Language, (n: number, of: number) => string> = {
  en: (n, of) => `Page ${n} of ${of}`,
  vi: (n, of) => `Trang ${n}/${of}`,
};

/** Writes outside the margins (headers, footers) without pdfkit starting a new page. */
export function atFixed(doc: Doc, fn: () => void): void {
  const saved = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  fn();
  doc.page.margins = saved;
}

/** "Page n of m" centred at the foot of every buffered page from `from` (0-based). */
export function numberPages(doc: Doc, language: Language, from = 0): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start + from; i < range.start + total; i++) {
    doc.switchToPage(i);
    atFixed(doc, () => {
      doc
        .font('Sans')
        .fontSize(8)
        .fillColor('#555555')
        .text(PAGE_LABEL[language](i + 1, total), 0, doc.page.height - mm(12), {
          width: doc.page.width,
          align: 'center',
          lineBreak: false,
        });
    });
  }
  doc.fillColor('black');
}
