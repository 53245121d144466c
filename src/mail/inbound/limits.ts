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

/** Problems visible in the raw bytes alone (so found even when the parser gives up). */
export function rawProblems(raw: Buffer, headers: RawHeaders, limits: MailLimits): string[] {
  const problems: string[] = [];
  if (raw.length > limits.maxRawBytes) {
    problems.push(`the mail is ${mb(raw.length)}, over the limit of ${mb(limits.maxRawBytes)}`);
  }
  if (headers.list.length === 0) problems.push('no header section');
  else {
    if (headers.junkLines > 0) {
      problems.push(`${headers.junkLines} line(s) in the header section are not headers`);
    }
    if (!headers.terminated && raw.length > MAX_HEADER_BYTES) {
      problems.push('the header section never ends');
    }
    if (!headers.get('from')) problems.push('no From header');
  }
  const text = raw.toString('latin1');
  for (const header of contentTypeHeaders(text)) {
    const { type, params } = contentTypeOf(header);
    const charset = params['charset'];
    if (charset !== undefined && !knownCharset(charset)) {
      problems.push(`unknown charset "${charset.slice(0, 40)}"`);
    }
    if (type.startsWith('multipart/')) {
      const boundary = params['boundary'];
      if (!boundary) problems.push(`${type} without a boundary`);
      else if (!text.includes(`--${boundary}`)) {
        problems.push(`${type} whose boundary never appears`);
      } else if (!text.includes(`--${boundary}--`)) {
        problems.push(`${type} whose boundary is never closed (a truncated mail?)`);
      }
    }
  }
  const headerSection = text.slice(0, Math.min(text.length, MAX_HEADER_BYTES));
  for (const m of headerSection.matchAll(/=\?([^?*\s]+)(?:\*[^?\s]*)?\?[bq]\?/gi)) {
    if (!knownCharset(m[1]!)) problems.push(`unknown charset "${m[1]!.slice(0, 40)}" in a header`);
  }
  return [...new Set(problems)];
}

/** Problems only the parsed mail shows. */
export function parsedProblems(mail: ParsedMail, limits: MailLimits): string[] {
  const problems: string[] = [];
  const attached = mail.attachments.reduce((n, a) => n + (a.size ?? a.content.length), 0);
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

/** Every Content-Type header in the mail (the top one and each part's), unfolded. */
function contentTypeHeaders(text: string): string[] {
  const found: string[] = [];
  const re = /^content-type:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/gim;
  for (const m of text.matchAll(re)) {
    found.push(m[1]!.replace(/\r?\n[ \t]+/g, ' '));
    if (found.length >= 1000) break;
  }
  return found;
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
