// A client's file name made safe to store, show and send back in Content-Disposition: no
// folders, no control or direction-changing characters, nothing a file system reserves,
// a bounded length, and an extension that matches what the bytes really are.
import type { SniffedType } from './sniff-content-type.ts';

export const FALLBACK_FILENAME = 'attachment';
const MAX_LENGTH = 120; // characters, extension included

// Windows device names are reserved whatever the extension (CON.txt is the console).
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function sanitiseFilename(raw: string | undefined, type: SniffedType): string {
  let name = (raw ?? '').normalize('NFC');
  // Keep only the last path segment, whichever separator the client's system uses.
  name = name.split(/[/\\]/).pop() ?? '';
  // Control characters (NUL included) and invisible format characters such as the
  // right-to-left override that makes "evil\u202Efdp.exe" read as "evilexe.pdf".
  name = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  name = name.replace(/[<>:"|?*]/g, '_');
  name = name.replace(/\s+/g, ' ');
  // No hidden files and no "..": leading dots and spaces go, and Windows drops trailing ones.
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');

  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  let ext = dot > 0 ? name.slice(dot + 1) : '';
  if (!/^[\p{L}\p{N}]{1,10}$/u.test(ext)) {
    stem = name;
    ext = '';
  }
  if (!type.extensions.includes(ext.toLowerCase())) {
    // The name claims another type (or none): keep it readable, add the real extension.
    stem = ext ? `${stem}.${ext}` : stem;
    ext = type.extensions[0]!;
  }
  stem = stem.replace(/[.\s]+$/, '');
  if (stem === '' || RESERVED_NAMES.test(stem.split('.')[0]!)) {
    stem = stem === '' ? FALLBACK_FILENAME : `_${stem}`;
  }
  const room = MAX_LENGTH - ext.length - 1;
  const chars = Array.from(stem); // whole code points: never half an emoji
  if (chars.length > room)
    stem = chars
      .slice(0, room)
      .join('')
      .replace(/[.\s]+$/, '');
  return `${stem || FALLBACK_FILENAME}.${ext}`;
}

/** A Content-Disposition header for a download: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
