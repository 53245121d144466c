// The ADR scheme's explanatory leaflet, sent with the letters whose communication `enclose`s it
// (the FCA final response and eight-week letter, DISP 1.6.2R): as pages after a posted letter and
// as a PDF attached to the email. Redress ships its own text of the Financial Ombudsman Service's
// leaflet, written from what the service tells consumers (no network here to fetch the printed
// one); an organisation may use the service's printed leaflet instead (`adr.leaflet.file`).
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { findCommunication } from '../domain/communications/render-communication.ts';
import type { Kind } from '../domain/communications/variables.ts';
import type { Policy } from '../domain/policy/schema.ts';
import { mm, newDocument, numberPages, toBuffer } from './pdf-common.ts';

interface LeafletText {
  title: string;
  intro: string;
  sections: { heading: string; paragraphs: string[] }[];
  contact: string[];
}

/** Financial Ombudsman Service: "Your complaint and the ombudsman". */
export const FOS_LEAFLET: LeafletText = {
  title: 'Your complaint and the ombudsman',
  intro:
    'The Financial Ombudsman Service is a free, independent service set up by law to settle complaints between consumers and businesses that provide financial services. We are impartial: we do not take sides.',
  sections: [
    {
      heading: 'Complain to the business first',
      paragraphs: [
        'Before we can help, you need to give the business the chance to put things right. It has up to eight weeks to send you its final response.',
        'You can bring your complaint to us if you are unhappy with the final response, or if eight weeks have passed since you complained and you have not had one.',
      ],
    },
    {
      heading: 'Time limits',
      paragraphs: [
        "You normally need to contact us within six months of the date of the business's final response. If you do not, we may not be able to look at your complaint.",
        'We may also not be able to look at a complaint about something that happened more than six years ago, if you complain more than three years after you realised (or should have realised) that there was a problem.',
      ],
    },
    {
      heading: 'What we do',
      paragraphs: [
        'We look at what both sides tell us and decide what is fair and reasonable in the circumstances. If we find that you have been treated unfairly, we can tell the business to put things right, for example by paying you compensation.',
        'If you accept our final decision, the business must do what it says. If you do not accept it, you are free to take other action, for example in the courts.',
      ],
    },
    {
      heading: 'You do not need to pay anyone',
      paragraphs: [
        'Our service is free for consumers. You can ask a claims management company or a solicitor to bring your complaint to us, but you do not have to: you can contact us yourself, and we will help you.',
      ],
    },
  ],
  contact: [
    'Financial Ombudsman Service',
    'Exchange Tower',
    'London E14 9SR',
    'Phone: 0800 023 4567 (free from mobile phones and landlines)',
    'Website: financial-ombudsman.org.uk',
  ],
};

const BUILTIN: Record<string, LeafletText> = { 'financial-ombudsman-service': FOS_LEAFLET };

/** The leaflet's text as plain lines (for tests and for a text-only email). */
export function leafletText(l: LeafletText): string {
  return [
    l.title,
    '',
    l.intro,
    ...l.sections.flatMap((s) => ['', s.heading, ...s.paragraphs]),
    '',
    ...l.contact,
  ].join('\n');
}

async function renderLeaflet(l: LeafletText, date: Date): Promise<Buffer> {
  const margin = mm(20);
  const doc = newDocument({
    size: 'A4',
    margins: { top: margin, bottom: mm(22), left: margin, right: margin },
    title: l.title,
    author: l.contact[0]!,
    language: 'en',
    date,
  });
  doc.addPage();
  const width = doc.page.width - 2 * margin;
  doc.font('Sans-Bold').fontSize(9).fillColor('#555555').text(l.contact[0]!, { width });
  doc.moveDown(0.3);
  doc.font('Sans-Bold').fontSize(18).fillColor('black').text(l.title, { width });
  doc.moveDown(0.6);
  doc.font('Sans').fontSize(10.5).text(l.intro, { width, lineGap: 1.5 });
  for (const s of l.sections) {
    doc.moveDown(0.8);
    doc.font('Sans-Bold').fontSize(12).text(s.heading, { width });
    doc.moveDown(0.2);
    for (const p of s.paragraphs) {
      doc.font('Sans').fontSize(10.5).text(p, { width, lineGap: 1.5 });
      doc.moveDown(0.4);
    }
  }
  doc.moveDown(0.8);
  doc.font('Sans-Bold').fontSize(12).text('How to contact us', { width });
  doc.moveDown(0.2);
  doc.font('Sans').fontSize(10.5).text(l.contact.join('\n'), { width, lineGap: 1.5 });
  numberPages(doc, 'en');
  return toBuffer(doc);
}

export interface EnclosurePdf {
  id: 'scheme_leaflet';
  filename: string;
  pdf: Buffer;
}

/** What a message of this kind encloses under this policy, as PDFs. */
export async function enclosurePdfs(
  policy: Policy,
  kind: Kind,
  date: Date,
  opts: { baseDir?: string } = {},
): Promise<EnclosurePdf[]> {
  const comm = findCommunication(policy, kind);
  const leaflet = policy.adr?.leaflet;
  if (!comm || !leaflet || !comm.enclose.includes('scheme_leaflet')) return [];
  const slug = policy.adr!.scheme.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let pdf: Buffer;
  if (leaflet.file) {
    const path = isAbsolute(leaflet.file)
      ? leaflet.file
      : resolve(opts.baseDir ?? process.cwd(), leaflet.file);
    pdf = await readFile(path);
  } else {
    pdf = await renderLeaflet(BUILTIN[leaflet.builtin!]!, date);
  }
  return [{ id: 'scheme_leaflet', filename: `${slug}-leaflet.pdf`, pdf }];
}

/** A letter followed by the pages of what it encloses, as one PDF to print. */
export async function appendPdfs(letter: Buffer, enclosures: readonly Buffer[]): Promise<Buffer> {
  if (enclosures.length === 0) return letter;
  const out = await PDFDocument.load(letter);
  for (const e of enclosures) {
    const src = await PDFDocument.load(e);
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
  }
  return Buffer.from(await out.save());
}

/** The dispatcher's attachments: what each email's communication encloses, as PDF files. */
export function leafletAttachments(policies: {
  version(id: string, version: number): Policy;
}): (m: {
  kind: string | null;
  policyId: string;
  policyVersion: number;
  createdAt: Date;
}) => Promise<{ filename: string; content: Buffer; contentType: string }[]> {
  return async (m) => {
    if (!m.kind) return [];
    const policy = policies.version(m.policyId, m.policyVersion);
    const pdfs = await enclosurePdfs(policy, m.kind as Kind, m.createdAt);
    return pdfs.map((e) => ({
      filename: e.filename,
      content: e.pdf,
      contentType: 'application/pdf',
    }));
  };
}
