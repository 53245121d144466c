// Parsing a mail as it streams from disk: the MIME parser's text parts are kept (they become
// the complaint's words), each attachment goes straight into the file store as it is decoded,
// so a mail of tens of megabytes is never held in memory — only its text and, per attachment,
// the few bytes its type is recognised by.
import type { Readable } from 'node:stream';
import { MailParser, type AttachmentStream, type ParsedMail } from 'mailparser';
import type { FileStore } from '../../app/files/file-store.ts';
import {
  sniffContentType,
  sniffLargeFile,
  type SniffResult,
} from '../../app/attachments/sniff-content-type.ts';

/** An attachment already in the file store. */
export interface StoredMailAttachment {
  filename: string | undefined;
  /** What the mail claims it is (never believed: see `sniffed`). */
  declaredType: string;
  size: number;
  sha256: string;
  /** What its bytes say it is. */
  sniffed: SniffResult;
}

/** The parsed mail: what `simpleParser` gives, with stored attachments instead of buffers. */
export type StreamedMail = Pick<
  ParsedMail,
  | 'headers'
  | 'subject'
  | 'references'
  | 'from'
  | 'to'
  | 'cc'
  | 'bcc'
  | 'messageId'
  | 'inReplyTo'
  | 'text'
  | 'html'
> & { attachments: StoredMailAttachment[] };

/** Attachments up to this size are sniffed whole (as before); larger ones by head and tail. */
const WHOLE_SNIFF_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 128 * 1024;

export const PARSER_OPTIONS = {
  keepCidLinks: true,
  skipTextLinks: true,
  keepDeliveryStatus: true,
  maxHtmlLengthToParse: 5 * 1024 * 1024,
  checksumAlgo: false,
} as const;

/** Streams an attachment into the store, keeping only what its type is read from. */
async function storeAttachment(
  files: FileStore,
  a: AttachmentStream,
): Promise<StoredMailAttachment> {
  let whole: Buffer[] | null = [];
  let wholeSize = 0;
  let head = Buffer.alloc(0);
  // The last chunks, at least TAIL_BYTES of them: joined once, at the end.
  const tail: Buffer[] = [];
  let tailSize = 0;
  async function* watched(content: Readable): AsyncGenerator<Buffer> {
    for await (const c of content) {
      const chunk = c as Buffer;
      if (whole) {
        whole.push(chunk);
        wholeSize += chunk.length;
        if (wholeSize > WHOLE_SNIFF_BYTES) {
          const all = Buffer.concat(whole);
          head = Buffer.from(all.subarray(0, HEAD_BYTES));
          tail.push(Buffer.from(all.subarray(Math.max(0, all.length - TAIL_BYTES))));
          tailSize = tail[0]!.length;
          whole = null;
        }
      } else {
        tail.push(chunk);
        tailSize += chunk.length;
        while (tail.length > 1 && tailSize - tail[0]!.length >= TAIL_BYTES) {
          tailSize -= tail.shift()!.length;
        }
      }
      yield chunk;
    }
  }
  const stored = await files.putStream(watched(a.content));
  const sniffed = whole
    ? sniffContentType(Buffer.concat(whole))
    : sniffLargeFile({ head, tail: Buffer.concat(tail), size: stored.size });
  return {
    filename: a.filename,
    declaredType: a.contentType,
    size: stored.size,
    sha256: stored.sha256,
    sniffed,
  };
}

const HEADER_FIELDS = [
  'subject',
  'references',
  'from',
  'to',
  'cc',
  'bcc',
  'message-id',
  'in-reply-to',
] as const;

/** Parses a mail from a stream, storing its attachments as they come. */
export function parseMailStream(
  source: AsyncIterable<Buffer>,
  files: FileStore,
): Promise<StreamedMail> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser(PARSER_OPTIONS);
    const mail = { attachments: [] } as unknown as StreamedMail & Record<string, unknown>;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      parser.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const pending: Promise<unknown>[] = [];
    parser.on('error', fail);
    parser.on('headers', (headers) => {
      mail.headers = headers;
    });
    parser.on('data', (data: { type: string } & Record<string, unknown>) => {
      if (data.type === 'text') {
        for (const key of ['text', 'html'] as const) {
          if (key in data) (mail as Record<string, unknown>)[key] = data[key];
        }
        return;
      }
      const a = data as unknown as AttachmentStream;
      const index = mail.attachments.length;
      mail.attachments.push(undefined as unknown as StoredMailAttachment);
      pending.push(
        storeAttachment(files, a).then(
          (stored) => {
            mail.attachments[index] = stored;
            a.release?.();
          },
          (err) => {
            a.release?.();
            fail(err);
          },
        ),
      );
    });
    parser.on('end', () => {
      void Promise.all(pending).then(() => {
        if (settled) return;
        for (const key of HEADER_FIELDS) {
          if (mail.headers?.has(key)) {
            mail[key.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] =
              mail.headers.get(key);
          }
        }
        settled = true;
        resolve(mail);
      }, fail);
    });
    void (async () => {
      try {
        for await (const chunk of source) {
          if (settled) return;
          if (!parser.write(chunk)) {
            await new Promise<void>((r) => parser.once('drain', () => r()));
          }
        }
        parser.end();
      } catch (err) {
        fail(err);
      }
    })();
  });
}
