import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sanitiseFilename } from '../../src/app/attachments/sanitise-filename.ts';
import {
  sniffContentType,
  type SniffedType,
} from '../../src/app/attachments/sniff-content-type.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

const LIMIT_BYTES = Math.round(0.05 * 1024 * 1024); // REDRESS_MAX_UPLOAD_MB=0.05

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.from([0x1f, 0x15, 0xc4, 0x89, 0x00, 0xff, 0x10]),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const TEXT = Buffer.from('Meter reading on 3 March: 01234 — café ☕\nSecond line\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);
const EML = Buffer.from(
  'From: Ann <ann@example.com>\r\nTo: complaints@example.org\r\nSubject: Re: RD-2026-000001\r\n' +
    'Date: Fri, 13 Mar 2026 17:00:00 +0000\r\nMessage-ID: <a@b>\r\n\r\nStill broken.\r\n',
);

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body, built by hand so every byte of the headers is ours. */
function form(...parts: Part[]) {
  const boundary = `----redress-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.filename
      ? `form-data; name="${p.name}"; filename="${p.filename}"`
      : `form-data; name="${p.name}"`;
    const head =
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (p.filename ? `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n` : '') +
      '\r\n';
    chunks.push(Buffer.from(head, 'utf8'), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const file = (data: Buffer, filename = 'file.bin', contentType?: string): Part => ({
  name: 'file',
  filename,
  data,
  ...(contentType ? { contentType } : {}),
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every stored file (temporary files excluded). */
function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((sub) =>
      readdirSync(join(dir, sub))
        .filter((f) => !f.startsWith('.'))
        .map((f) => `${sub}/${f}`),
    );
  } catch {
    return [];
  }
}

for (const engine of engines()) {
  describe(`attachments (${engine})`, () => {
    let t: TestApp;
    let filesDir: string;
    let ref: string; // billing department, handled by staff
    let otherRef: string; // network department
    let tracked: { reference: string; token: string };
    let trackedOther: { reference: string; token: string };

    const upload = (reference: string, role: Parameters<TestApp['as']>[0], ...parts: Part[]) => {
      const f = form(...parts);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${reference}/attachments`,
        headers: { ...t.as(role), ...f.headers },
        payload: f.payload,
      });
    };
    const download = (reference: string, id: number, role: Parameters<TestApp['as']>[0]) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/complaints/${reference}/attachments/${id}`,
        headers: t.as(role),
      });
    const publicUpload = (reference: string, token: string, ...parts: Part[]) => {
      const f = form(...parts);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/public/complaints/${reference}/attachments?token=${token}`,
        headers: f.headers,
        payload: f.payload,
      });
    };
    const publicDownload = (reference: string, token: string, id: number) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/public/complaints/${reference}/attachments/${id}?token=${token}`,
      });

    before(async () => {
      filesDir = mkdtempSync(join(tmpdir(), 'redress-files-'));
      t = await startApp(engine, {
        env: { REDRESS_FILES_DIR: filesDir, REDRESS_MAX_UPLOAD_MB: '0.05' },
      });
      const create = async (departmentId: string) => {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          headers: t.as('handler'),
          payload: complaintBody({ departmentId }),
        });
        assert.equal(r.statusCode, 201, r.body);
        return r.json().reference as string;
      };
      ref = await create('billing');
      otherRef = await create('network');
      const web = async () => {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/public/complaints',
          payload: complaintBody({ channel: 'web' }),
        });
        assert.equal(r.statusCode, 201, r.body);
        return { reference: r.json().reference as string, token: r.json().trackingToken as string };
      };
      tracked = await web();
      trackedOther = await web();
    });
    after(async () => {
      await t.close();
      rmSync(filesDir, { recursive: true, force: true });
    });

    describe('POST /api/v1/complaints/:reference/attachments', () => {
      test('the subject of a complaint may add no file to it', async () => {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          headers: t.as('handler'),
          payload: complaintBody({ subjectUserIds: [t.users.manager.id] }),
        });
        assert.equal(r.statusCode, 201, r.body);
        const about = r.json().reference as string;
        const refused = await upload(about, 'manager', file(PNG, 'photo.png'));
        assert.equal(refused.statusCode, 403, refused.body);
        assert.equal(refused.json().error.code, 'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE');
        assert.equal((await upload(about, 'handler', file(PNG, 'photo.png'))).statusCode, 201);
      });

      for (const [label, bytes, name, type] of [
        ['a PNG', PNG, 'photo.png', 'image/png'],
        ['a PDF', PDF, 'bill.pdf', 'application/pdf'],
        ['a UTF-8 text', TEXT, 'notes.txt', 'text/plain; charset=utf-8'],
        ['an email', EML, 'reply.eml', 'message/rfc822'],
      ] as const) {
        test(`stores ${label} and gives back identical bytes with the detected type`, async () => {
          const r = await upload(ref, 'handler', file(bytes, name));
          assert.equal(r.statusCode, 201, r.body);
          const added = r.json();
          assert.deepEqual(added, {
            id: added.id,
            filename: name,
            contentType: type,
            size: bytes.length,
            sha256: sha(bytes),
            public: false,
          });
          const d = await download(ref, added.id, 'handler');
          assert.equal(d.statusCode, 200);
          assert.ok(d.rawPayload.equals(bytes), 'the downloaded bytes are the uploaded ones');
          assert.equal(d.headers['content-type'], type);
          assert.equal(d.headers['x-content-type-options'], 'nosniff');
          assert.equal(
            d.headers['content-disposition'],
            `attachment; filename="${name}"; filename*=UTF-8''${name}`,
          );
        });
      }

      test("the type comes from the bytes, never from the client's Content-Type or name", async () => {
        const r = await upload(ref, 'handler', file(PDF, 'holiday.png', 'image/png'));
        assert.equal(r.statusCode, 201, r.body);
        assert.equal(r.json().contentType, 'application/pdf');
        assert.equal(r.json().filename, 'holiday.png.pdf');
        const html = await upload(
          ref,
          'handler',
          file(Buffer.from('<script>alert(1)</script>'), 'page.html', 'text/html'),
        );
        assert.equal(html.statusCode, 201, html.body);
        assert.equal(html.json().contentType, 'text/plain; charset=utf-8');
        assert.equal(html.json().filename, 'page.html.txt');
      });

      test('the same content twice is one file on disk', async () => {
        const bytes = Buffer.concat([PNG, Buffer.from('dedup')]);
        const a = await upload(ref, 'handler', file(bytes, 'one.png'));
        const b = await upload(ref, 'manager', file(bytes, 'two.png'));
        assert.equal(a.statusCode, 201);
        assert.equal(b.statusCode, 201);
        assert.notEqual(a.json().id, b.json().id);
        assert.equal(a.json().sha256, b.json().sha256);
        const h = a.json().sha256 as string;
        assert.deepEqual(
          storedFiles(filesDir).filter((f) => f.endsWith(h)),
          [`${h.slice(0, 2)}/${h}`],
        );
        const names = new Set(storedFiles(filesDir));
        assert.equal(names.size, storedFiles(filesDir).length);
      });

      test('a file over the limit is refused with 413 INPUT.TOO_LARGE', async () => {
        const big = Buffer.concat([PDF, Buffer.alloc(LIMIT_BYTES, 0x20)]);
        const before = storedFiles(filesDir).length;
        const r = await upload(ref, 'handler', file(big, 'big.pdf'));
        assert.equal(r.statusCode, 413, r.body);
        assert.equal(r.json().error.code, 'INPUT.TOO_LARGE');
        assert.match(r.json().error.message, /limit/);
        assert.equal(storedFiles(filesDir).length, before, 'nothing was stored');
        const huge = await upload(ref, 'handler', file(Buffer.alloc(LIMIT_BYTES * 4), 'huge.pdf'));
        assert.equal(huge.statusCode, 413, 'refused on its Content-Length alone');
        assert.equal(huge.json().error.code, 'INPUT.TOO_LARGE');
        const exact = Buffer.concat([PDF, Buffer.alloc(LIMIT_BYTES - PDF.length, 0x20)]);
        const ok = await upload(ref, 'handler', file(exact, 'exact.pdf'));
        assert.equal(ok.statusCode, 201, 'a file of exactly the limit is accepted');
      });

      test('an executable (MZ header) or unknown binary is refused with 415', async () => {
        for (const bytes of [
          EXE,
          Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
          Buffer.from('#!/bin/sh\nrm -rf /\n'),
          Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x10, 0x80]),
        ]) {
          const r = await upload(ref, 'handler', file(bytes, 'invoice.pdf', 'application/pdf'));
          assert.equal(r.statusCode, 415, r.body);
          assert.equal(r.json().error.code, 'ATTACHMENT.TYPE_NOT_ALLOWED');
        }
      });

      test('a name with folders, control characters and NUL is sanitised', async () => {
        const r = await upload(ref, 'handler', file(PDF, '../../etc/passwd\u0000.pdf'));
        assert.equal(r.statusCode, 201, r.body);
        assert.equal(r.json().filename, 'passwd.pdf');
        const win = await upload(
          ref,
          'handler',
          file(PDF, 'C:\\Users\\ann\\..\\evil\u202Efdp.exe'),
        );
        assert.equal(win.statusCode, 201, win.body);
        assert.equal(win.json().filename, 'evilfdp.exe.pdf');
      });

      test('an internal upload is private unless public=true is sent, in any field order', async () => {
        const priv = await upload(ref, 'handler', file(TEXT, 'a.txt'));
        assert.equal(priv.json().public, false);
        const pub = await upload(ref, 'handler', file(TEXT, 'b.txt'), {
          name: 'public',
          data: 'true',
        });
        assert.equal(pub.json().public, true);
        const first = await upload(ref, 'handler', { name: 'public', data: 'true' }, file(TEXT));
        assert.equal(first.json().public, true);
        const bad = await upload(ref, 'handler', file(TEXT), { name: 'public', data: 'maybe' });
        assert.equal(bad.statusCode, 400);
      });

      test('writes an attachment_added event; the audit trail still verifies', async () => {
        const r = await upload(ref, 'handler', file(PNG, 'evidence.png'));
        const c = await t.app.inject({
          method: 'GET',
          url: `/api/v1/complaints/${ref}`,
          headers: t.as('handler'),
        });
        const last = c.json().timeline.at(-1);
        assert.equal(last.type, 'attachment_added');
        assert.equal(last.data.attachmentId, r.json().id);
        assert.equal(last.data.sha256, sha(PNG));
        assert.ok(
          c.json().attachments.some((a: { id: number }) => a.id === r.json().id),
          'listed on the complaint',
        );
        const v = await verifyAudit(t, { id: 'test', role: 'auditor' }, { stream: ref });
        assert.equal(v.broken, null);
      });

      test('refuses a request that is not one file in multipart/form-data', async () => {
        const json = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${ref}/attachments`,
          headers: t.as('handler'),
          payload: { file: 'x' },
        });
        assert.equal(json.statusCode, 415);
        assert.equal(json.json().error.code, 'INPUT.UNSUPPORTED_MEDIA_TYPE');
        const none = await upload(ref, 'handler', { name: 'public', data: 'true' });
        assert.equal(none.statusCode, 400);
        assert.equal(none.json().error.code, 'ATTACHMENT.NO_FILE');
        const two = await upload(ref, 'handler', file(PDF), file(PNG));
        assert.equal(two.statusCode, 400);
        assert.equal(two.json().error.code, 'ATTACHMENT.ONE_FILE');
        const empty = await upload(ref, 'handler', file(Buffer.alloc(0)));
        assert.equal(empty.statusCode, 400);
        assert.equal(empty.json().error.code, 'ATTACHMENT.EMPTY');
      });

      test('a multipart body cut short is 400 INPUT.MALFORMED', async () => {
        const boundary = 'redress-cut-short';
        const bodies = [
          // the closing boundary never comes
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
            `Content-Type: text/plain\r\n\r\nhalf a fi`,
          // the last part's closing boundary is missing its final --
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc\r\n--${boundary}`,
        ];
        for (const payload of bodies) {
          const r = await t.app.inject({
            method: 'POST',
            url: `/api/v1/complaints/${ref}/attachments`,
            headers: {
              ...t.as('handler'),
              'content-type': `multipart/form-data; boundary=${boundary}`,
            },
            payload,
          });
          assert.equal(r.statusCode, 400, r.body);
          assert.equal(r.json().error.code, 'INPUT.MALFORMED', r.body);
        }
      });

      test('a department member reaches only their own department (others: 404)', async () => {
        const own = await upload(ref, 'department_member', file(PDF, 'dept.pdf'));
        assert.equal(own.statusCode, 201, own.body);
        assert.equal((await download(ref, own.json().id, 'department_member')).statusCode, 200);

        const other = await upload(otherRef, 'department_member', file(PDF));
        assert.equal(other.statusCode, 404);
        assert.equal(other.json().error.code, 'COMPLAINT.NOT_FOUND');
        const mine = await upload(otherRef, 'handler', file(PDF, 'network.pdf'));
        const read = await download(otherRef, mine.json().id, 'department_member');
        assert.equal(read.statusCode, 404);
      });

      test('an auditor may read but not upload; no one unsigned may do either', async () => {
        const r = await upload(ref, 'handler', file(TEXT));
        assert.equal((await download(ref, r.json().id, 'auditor')).statusCode, 200);
        assert.equal((await upload(ref, 'auditor', file(TEXT))).statusCode, 403);
        const anon = await t.app.inject({
          method: 'GET',
          url: `/api/v1/complaints/${ref}/attachments/${r.json().id}`,
        });
        assert.equal(anon.statusCode, 401);
      });

      test("an attachment is reached only through its own complaint's reference", async () => {
        const r = await upload(ref, 'handler', file(TEXT));
        const wrong = await download(otherRef, r.json().id, 'handler');
        assert.equal(wrong.statusCode, 404);
        assert.equal(wrong.json().error.code, 'ATTACHMENT.NOT_FOUND');
        assert.equal((await download(ref, 999999, 'handler')).statusCode, 404);
        assert.equal((await download(ref, 0, 'handler')).statusCode, 400);
      });
    });

    describe('the tracking link', () => {
      test('the customer uploads a file; it is public and they can fetch it', async () => {
        const r = await publicUpload(tracked.reference, tracked.token, file(PNG, 'meter.png'), {
          name: 'public',
          data: 'false',
        });
        assert.equal(r.statusCode, 201, r.body);
        assert.equal(r.json().public, true);
        const d = await publicDownload(tracked.reference, tracked.token, r.json().id);
        assert.equal(d.statusCode, 200);
        assert.ok(d.rawPayload.equals(PNG));
        assert.equal(d.headers['x-content-type-options'], 'nosniff');
        const staff = await download(tracked.reference, r.json().id, 'handler');
        assert.ok(staff.rawPayload.equals(PNG), 'staff see it too');
      });

      test('the same limits apply to customer uploads', async () => {
        const big = Buffer.concat([PNG, Buffer.alloc(LIMIT_BYTES)]);
        const r = await publicUpload(tracked.reference, tracked.token, file(big));
        assert.equal(r.statusCode, 413);
        const exe = await publicUpload(tracked.reference, tracked.token, file(EXE, 'a.pdf'));
        assert.equal(exe.statusCode, 415);
      });

      test("a wrong token uploads nothing, and a token never reaches another complaint's files", async () => {
        const wrong = await publicUpload(tracked.reference, 'not-the-token', file(PNG));
        assert.equal(wrong.statusCode, 404);
        assert.equal(wrong.json().error.code, 'TRACKING.NOT_FOUND');

        const theirs = await publicUpload(trackedOther.reference, trackedOther.token, file(PDF));
        assert.equal(theirs.statusCode, 201);
        const id = theirs.json().id as number;
        // My token with their reference, and my reference with their attachment id.
        assert.equal(
          (await publicDownload(trackedOther.reference, tracked.token, id)).statusCode,
          404,
        );
        assert.equal((await publicDownload(tracked.reference, tracked.token, id)).statusCode, 404);
        assert.equal(
          (await publicDownload(trackedOther.reference, trackedOther.token, id)).statusCode,
          200,
        );
      });

      test('an internal attachment and an internal note never show to the customer', async () => {
        const internal = await upload(tracked.reference, 'handler', file(TEXT, 'internal.txt'));
        assert.equal(internal.json().public, false);
        const shared = await upload(tracked.reference, 'handler', file(PDF, 'shared.pdf'), {
          name: 'public',
          data: 'true',
        });
        const note = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${tracked.reference}/actions/add-note`,
          headers: t.as('handler'),
          payload: { text: 'Customer sounded upset; SECRET-NOTE-42' },
        });
        assert.equal(note.statusCode, 200, note.body);

        const hidden = await publicDownload(tracked.reference, tracked.token, internal.json().id);
        assert.equal(hidden.statusCode, 404);
        assert.equal(hidden.json().error.code, 'ATTACHMENT.NOT_FOUND');
        assert.equal(
          (await publicDownload(tracked.reference, tracked.token, shared.json().id)).statusCode,
          200,
        );

        const view = await t.app.inject({
          method: 'GET',
          url: `/api/v1/public/complaints/${tracked.reference}?token=${tracked.token}`,
        });
        assert.equal(view.statusCode, 200);
        const ids = view.json().attachments.map((a: { id: number }) => a.id);
        assert.ok(ids.includes(shared.json().id));
        assert.ok(!ids.includes(internal.json().id));
        assert.ok(!view.body.includes('SECRET-NOTE-42'), 'the note is not on the tracking link');
        assert.ok(!view.body.includes('internal.txt'), 'nor the internal file, not even its name');

        const staffView = await t.app.inject({
          method: 'GET',
          url: `/api/v1/complaints/${tracked.reference}`,
          headers: t.as('handler'),
        });
        const stored = staffView
          .json()
          .messages.find((m: { body: string }) => m.body.includes('SECRET-NOTE-42'));
        assert.ok(stored, 'staff see the note');
        assert.equal(stored.direction, 'internal');
        assert.equal(stored.public, false);
      });
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

describe('sniffContentType', () => {
  /** A ZIP with the given (empty, stored) entries. */
  function zip(names: string[]): Buffer {
    const local: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const n of names) {
      const name = Buffer.from(n);
      const l = Buffer.alloc(30);
      l.writeUInt32LE(0x04034b50, 0);
      l.writeUInt16LE(20, 4);
      l.writeUInt16LE(name.length, 26);
      local.push(l, name);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(offset, 42);
      central.push(c, name);
      offset += 30 + name.length;
    }
    const cd = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(names.length, 8);
    end.writeUInt16LE(names.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...local, cd, end]);
  }
  const typeOf = (b: Buffer) => {
    const r = sniffContentType(b);
    return r.ok ? r.type.contentType : r.reason;
  };

  test('recognises DOCX and XLSX inside ZIP by their parts, and a plain ZIP', () => {
    assert.equal(
      typeOf(zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(
      typeOf(zip(['[Content_Types].xml', 'xl/workbook.xml'])),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.equal(typeOf(zip(['photos/a.jpg'])), 'application/zip');
  });

  test('recognises images by magic number', () => {
    assert.equal(typeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(typeOf(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), 'image/gif');
    const webp = Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1');
    assert.equal(typeOf(webp), 'image/webp');
    assert.equal(typeOf(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')), 'unknown');
  });

  test('text must be valid UTF-8 without binary control characters', () => {
    assert.equal(typeOf(Buffer.from('a,b\r\n1,2\r\n')), 'text/plain; charset=utf-8');
    assert.equal(typeOf(Buffer.from([0x61, 0xc3, 0x28])), 'unknown'); // broken UTF-8
    assert.equal(typeOf(Buffer.from('a\u0000b')), 'unknown');
    assert.equal(
      typeOf(Buffer.from('From: a\n\nnot mail without a second header')),
      'text/plain; charset=utf-8',
    );
  });
});

describe('sanitiseFilename', () => {
  const pdf: SniffedType = { contentType: 'application/pdf', extensions: ['pdf'] };
  const cases: [string | undefined, string][] = [
    ['report.pdf', 'report.pdf'],
    ['REPORT.PDF', 'REPORT.PDF'],
    ['../../etc/passwd\u0000.pdf', 'passwd.pdf'],
    ['..\\..\\boot.ini', 'boot.ini.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['line\r\nbreak.pdf', 'linebreak.pdf'],
    ['  .hidden.pdf  ', 'hidden.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['lpt1', '_lpt1.pdf'],
    ['', 'attachment.pdf'],
    [undefined, 'attachment.pdf'],
    ['../', 'attachment.pdf'],
    ['\u0000\u0001', 'attachment.pdf'],
    ['Đơn khiếu nại.pdf', 'Đơn khiếu nại.pdf'],
    ['scan', 'scan.pdf'],
  ];
  for (const [raw, expected] of cases) {
    test(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(sanitiseFilename(raw, pdf), expected);
    });
  }

  test('a long name is cut to 120 characters, whole code points, extension kept', () => {
    const out = sanitiseFilename(`${'😀'.repeat(200)}.pdf`, pdf);
    assert.equal(Array.from(out).length, 120);
    assert.ok(out.endsWith('😀.pdf'));
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out), 'no lone surrogate');
  });
});
