// What makes a mail too broken or too big to take as a complaint: a header section that is not
// one, multipart bodies whose boundaries never come or never close, charsets nobody knows or
// text that does not decode, attachments over the size limit, too many recipients. Such a mail
// is kept exactly as it came and flagged for a person to look at; it is never half-taken.
import type { AddressObject, ParsedMail } from 'mailparser';
import { contentTypeOf, MAX_HEADER_BYTES, type RawHeaders } from './headers.ts';

export interface MailLimits {
  /** All attachments of one mail together, decoded. */
  maxAttachmentBytes: number;
  /** To, Cc and Bcc together. */
  maxRecipients: number;
  /** The whole mail as received. */
  maxRawBytes: number;
}

export const DEFAULT_LIMITS: MailLimits = {
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxRecipients: 100,
  maxRawBytes: 50 * 1024 * 1024,
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * What the raw bytes show, read line by line as they stream (a mail on disk is never read
 * whole): its size, every Content-Type header (the top one and each part's), and the lines
 * that start with `--` (where multipart boundaries are).
 */
export class RawScanner {
  size = 0;
  readonly contentTypes: string[] = [];
  readonly dashLines = new Set<string>();
  private line = '';
  private header: string | null = null;
  private head: Buffer[] = [];
  private headSize = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.headSize < MAX_HEADER_BYTES) {
      this.head.push(chunk.subarray(0, MAX_HEADER_BYTES - this.headSize));
      this.headSize += Math.min(chunk.length, MAX_HEADER_BYTES - this.headSize);
    }
    const text = chunk.toString('latin1');
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      this.append(nl < 0 ? text.slice(from) : text.slice(from, nl));
      if (nl < 0) break;
      this.endLine();
      from = nl + 1;
    }
  }

  /** Ends the scan; returns what was found. */
  end(): RawFacts {
    if (this.line) this.endLine();
    this.flushHeader();
    return {
      size: this.size,
      head: Buffer.concat(this.head),
      contentTypes: this.contentTypes,
      dashLines: this.dashLines,
    };
  }

  private append(s: string): void {
    // Only a line's start matters (a header, a boundary): a 40 MB line is not kept.
    if (this.line.length < MAX_SCANNED_LINE) {
      this.line += s.slice(0, MAX_SCANNED_LINE - this.line.length);
    }
  }

  private endLine(): void {
    const line = this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line;
    this.line = '';
    if (this.header !== null && /^[ \t]/.test(line)) {
      this.header = `${this.header} ${line.trim()}`;
      return;
    }
    this.flushHeader();
    const m = /^content-type:[ \t]*(.*)$/i.exec(line);
    if (m && this.contentTypes.length < 1000) this.header = m[1]!;
    else if (line.startsWith('--') && this.dashLines.size < 5000)
      this.dashLines.add(line.trimEnd());
  }

  private flushHeader(): void {
    if (this.header !== null) this.contentTypes.push(this.header);
    this.header = null;
  }
}

const MAX_SCANNED_LINE = 4096;

export interface RawFacts {
  size: number;
  /** The first MAX_HEADER_BYTES bytes. */
  head: Buffer;
  contentTypes: string[];
  dashLines: Set<string>;
}

export function scanRawBuffer(raw: Buffer): RawFacts {
  const scanner = new RawScanner();
  scanner.push(raw);
  return scanner.end();
}

/** Problems visible in the raw bytes alone (so found even when the parser gives up). */
export function rawProblems(
  raw: Buffer | RawFacts,
  headers: RawHeaders,
  limits: MailLimits,
): string[] {
  const facts = Buffer.isBuffer(raw) ? scanRawBuffer(raw) : raw;
  const problems: string[] = [];
  if (facts.size > limits.maxRawBytes) {
    problems.push(`the mail is ${mb(facts.size)}, over the limit of ${mb(limits.maxRawBytes)}`);
  }
  if (headers.list.length === 0) problems.push('no header section');
  else {
    if (headers.junkLines > 0) {
      problems.push(`${headers.junkLines} line(s) in the header section are not headers`);
    }
    if (!headers.terminated && facts.size > MAX_HEADER_BYTES) {
      problems.push('the header section never ends');
    }
    if (!headers.get('from')) problems.push('no From header');
  }
  const dashLines = [...facts.dashLines];
  for (const header of facts.contentTypes) {
    const { type, params } = contentTypeOf(header);
    const charset = params['charset'];
    if (charset !== undefined && !knownCharset(charset)) {
      problems.push(`unknown charset "${charset.slice(0, 40)}"`);
    }
    if (type.startsWith('multipart/')) {
      const boundary = params['boundary'];
      if (!boundary) problems.push(`${type} without a boundary`);
      else if (!dashLines.some((l) => l.startsWith(`--${boundary}`))) {
        problems.push(`${type} whose boundary never appears`);
      } else if (!dashLines.some((l) => l.startsWith(`--${boundary}--`))) {
        problems.push(`${type} whose boundary is never closed (a truncated mail?)`);
      }
    }
  }
  const headerSection = facts.head.toString('latin1');
  for (const m of headerSection.matchAll(/=\?([^?*\s]+)(?:\*[^?\s]*)?\?[bq]\?/gi)) {
    if (!knownCharset(m[1]!)) problems.push(`unknown charset "${m[1]!.slice(0, 40)}" in a header`);
  }
  return [...new Set(problems)];
}

/** Problems only the parsed mail shows. */
export function parsedProblems(
  mail: Pick<ParsedMail, 'to' | 'cc' | 'bcc' | 'text' | 'subject'> & {
    attachments: readonly { size?: number; content?: Buffer }[];
  },
  limits: MailLimits,
): string[] {
  const problems: string[] = [];
  const attached = mail.attachments.reduce((n, a) => n + (a.size ?? a.content?.length ?? 0), 0);
  if (attached > limits.maxAttachmentBytes) {
    problems.push(
      `attachments of ${mb(attached)}, over the limit of ${mb(limits.maxAttachmentBytes)}`,
    );
  }
  const recipients = countAddresses(mail.to) + countAddresses(mail.cc) + countAddresses(mail.bcc);
  if (recipients > limits.maxRecipients) {
    problems.push(`${recipients} recipients, over the limit of ${limits.maxRecipients}`);
  }
  if ((mail.text ?? '').includes('\uFFFD') || (mail.subject ?? '').includes('\uFFFD')) {
    problems.push('text that does not decode in its declared charset');
  }
  return problems;
}

function countAddresses(field: AddressObject | AddressObject[] | undefined): number {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  let n = 0;
  for (const o of objects) {
    for (const a of o.value) n += a.group ? a.group.length : 1;
  }
  return n;
}

const charsets = new Map<string, boolean>();

/** Whether a charset label names an encoding we can decode (the WHATWG labels, and UTF-8). */
export function knownCharset(label: string): boolean {
  const key = label.trim().toLowerCase().replace(/^"|"$/g, '');
  let known = charsets.get(key);
  if (known === undefined) {
    try {
      new TextDecoder(key);
      known = true;
    } catch {
      known = false;
    }
    if (charsets.size < 1000) charsets.set(key, known);
  }
  return known;
}
