// What a file is, read from its bytes (magic numbers), never from the name or the type the
// client claims. Only a short list of document and image types is accepted; executables and
// anything unrecognised are refused.

export interface SniffedType {
  /** The Content-Type the file is stored and served with. */
  contentType: string;
  /** Extensions a file of this type may carry; the first is the one added when it has none. */
  extensions: readonly string[];
}

export type SniffResult =
  { ok: true; type: SniffedType } | { ok: false; reason: 'executable' | 'unknown' };

const T = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  gif: { contentType: 'image/gif', extensions: ['gif'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  zip: { contentType: 'application/zip', extensions: ['zip'] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  eml: { contentType: 'message/rfc822', extensions: ['eml'] },
  // Only extensions that no program treats as markup or code: `notes.html` becomes
  // `notes.html.txt`, so a downloaded file never opens as a page or a script.
  text: {
    contentType: 'text/plain; charset=utf-8',
    extensions: ['txt', 'text', 'log', 'csv', 'tsv', 'md'],
  },
} as const satisfies Record<string, SniffedType>;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Native executables and code containers, refused by name in the error. */
const EXECUTABLES: readonly (readonly number[])[] = [
  ascii('MZ'), // Windows PE / DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  ascii('#!'), // a script with an interpreter line
];

const ok = (type: SniffedType): SniffResult => ({ ok: true, type });

/** The type a file's first bytes name (a ZIP container is told apart by its end), or null. */
function magicType(bytes: Uint8Array): SniffResult | 'zip' | null {
  if (EXECUTABLES.some((sig) => startsWith(bytes, sig))) return { ok: false, reason: 'executable' };
  if (startsWith(bytes, ascii('%PDF-'))) return ok(T.pdf);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ok(T.png);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ok(T.jpeg);
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return ok(T.gif);
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return ok(T.webp);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return 'zip';
  }
  return null;
}

export function sniffContentType(bytes: Uint8Array): SniffResult {
  const magic = magicType(bytes);
  if (magic === 'zip') return ok(zipKind(bytes));
  if (magic) return magic;
  const text = utf8Text(bytes);
  if (text !== null) return ok(looksLikeEmail(text) ? T.eml : T.text);
  return { ok: false, reason: 'unknown' };
}

/**
 * A file too large to read whole (a big mail attachment, streamed to disk): its type from its
 * first bytes and, for a ZIP container, the central directory in its last bytes. Text is not
 * recognised this way (a binary byte could hide past the head), so such a file stays unknown.
 */
export function sniffLargeFile(f: {
  head: Uint8Array;
  tail: Uint8Array;
  size: number;
}): SniffResult {
  const magic = magicType(f.head);
  if (magic === 'zip') return ok(zipKind(f.tail, f.size - f.tail.length));
  return magic ?? { ok: false, reason: 'unknown' };
}

/** DOCX and XLSX are ZIP files whose central directory names their parts. `bytes` are the
 *  file's from offset `base` on (its end, for a large file). */
function zipKind(bytes: Uint8Array, base = 0): SniffedType {
  const names = zipEntryNames(bytes, base);
  if (names.includes('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return T.docx;
    if (names.some((n) => n.startsWith('xl/'))) return T.xlsx;
  }
  return T.zip;
}

function zipEntryNames(bytes: Uint8Array, base: number): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true) - base;
  if (at < 0) return [];
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) break;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The bytes as text when they are valid UTF-8 without binary control characters. */
function utf8Text(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Tab, line feed, form feed and carriage return are text; NUL and the other C0/C1
  // controls (except ESC, seen in some logs) are binary data.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f-\u009f]/.test(text)) return null;
  return text;
}

/** An RFC 5322 message: a header block starting at the first byte, with From and a second
 *  header only mail carries. */
function looksLikeEmail(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').slice(0, 64 * 1024);
  const end = head.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = head.slice(0, end).split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue; // a folded continuation
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) return false;
    names.add(m[1]!.toLowerCase());
  }
  return (
    names.has('from') &&
    ['date', 'subject', 'message-id', 'to', 'received', 'mime-version'].some((h) => names.has(h))
  );
}
