// Letters and the procedure booklet as PDF, read back with pdftotext (poppler-utils).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { defaultTemplate } from '../../src/app/communications/default-templates.ts';
import { listPresets } from '../../src/app/policies.ts';
import {
  findCommunication,
  renderCommunication,
} from '../../src/domain/communications/render-communication.ts';
import { sampleContext } from '../../src/domain/communications/sample.ts';
import { enclosurePdfs, leafletAttachments } from '../../src/letters/scheme-leaflet.ts';
import type { Kind } from '../../src/domain/communications/variables.ts';
import { policySchema, type Language, type Policy } from '../../src/domain/policy/schema.ts';
import { ADDRESS_WINDOW, renderLetterPdf } from '../../src/letters/letter-pdf.ts';
import { renderProcedureBookletPdf } from '../../src/letters/procedure-booklet.ts';

const HAS_PDFTOTEXT = !spawnSync('pdftotext', ['-v']).error;
const SKIP = HAS_PDFTOTEXT
  ? false
  : 'pdftotext not found: install poppler-utils (apt-get install poppler-utils) to read the PDFs back';

const NOW = new Date('2026-03-16T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'redress-letters-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** The PDF's text; `layout` keeps columns apart (the address window beside the date). */
function pdfText(pdf: Buffer, layout = false): string {
  const file = join(dir, `letter-${n++}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

function pages(pdf: Buffer): number {
  return pdfText(pdf)
    .split('\f')
    .filter((p) => p.trim() !== '').length;
}

async function preset(id: string, version = 1): Promise<Policy> {
  return (await listPresets())
    .find((p) => p.id === id)!
    .versions.find((v) => v.version === version)!;
}

/** vn-datacentre with an ADR scheme, so a Vietnamese customer can be sent a deadlock letter. */
async function vnWithScheme(): Promise<Policy> {
  const base = await preset('vn-datacentre');
  return policySchema.parse({
    ...base,
    adr: {
      scheme: {
        name: 'Trung tâm Hòa giải Thương mại Việt Nam',
        address: ['Số 1 đường Nguyễn Huệ', 'Quận 1', 'Thành phố Hồ Chí Minh'],
        website: 'www.hoagiai-thuongmai.example.vn',
      },
      timeLimit: { amount: 6, unit: 'calendar_months' },
      free: true,
    },
    communications: {
      ...base.communications,
      deadlock_letter: {
        kind: 'deadlock_letter',
        mustInclude: ['right_to_adr', 'adr_scheme_contact'],
      },
    },
  });
}

const ADDRESS: Record<Language, string[]> = {
  en: ['Flat 2, 14 Milsom Street', 'Bath', 'BA1 1DN'],
  vi: ['Số 45 đường Lý Tự Trọng', 'Phường Bến Nghé', 'Thành phố Hồ Chí Minh'],
};
const NAME: Record<Language, string> = { en: 'Ann Example', vi: 'Nguyễn Thị Lan' };

async function letter(
  policy: Policy,
  kind: Kind,
  lang: Language,
  extra: Record<string, unknown> = {},
) {
  const comm = findCommunication(policy, kind);
  const ctx = sampleContext(policy, lang, kind, NOW, comm?.mustInclude ?? []);
  ctx.customer = { name: NAME[lang] };
  Object.assign(ctx.extra, extra);
  const composed = renderCommunication({
    template: defaultTemplate(kind, lang),
    ctx,
    ...(comm ? { communicationName: comm.name } : {}),
  });
  assert.deepEqual(composed.missing, []);
  const pdf = await renderLetterPdf({
    composed,
    organisation: policy.organisation ?? { name: 'Example Ltd' },
    recipient: { name: NAME[lang], address: ADDRESS[lang] },
    reference: ctx.complaint.reference,
    date: NOW,
    language: lang,
    timezone: policy.timezone,
    enclosures: (await enclosurePdfs(policy, kind, NOW)).map((e) => e.pdf),
  });
  return { pdf, composed };
}

describe('letters as PDF', { skip: SKIP }, () => {
  test('an acknowledgement to an English customer: header, address, date, reference, page number', async () => {
    const { pdf } = await letter(await preset('uk-comms-ombudsman'), 'acknowledgement', 'en');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = flat(pdfText(pdf));
    for (const s of [
      'Cloud Direct',
      '0800 078 9438',
      'Ann Example',
      'Flat 2, 14 Milsom Street',
      'BA1 1DN',
      'Monday 16 March 2026',
      'RD-2026-000123',
      'We have received your complaint',
      'Page 1 of 1',
    ]) {
      assert.ok(text.includes(s), `missing "${s}" in: ${text}`);
    }
  });

  test('the recipient’s address sits in the envelope window, the date beside it', async () => {
    const { pdf } = await letter(await preset('uk-comms-ombudsman'), 'acknowledgement', 'en');
    const file = join(dir, 'window.pdf');
    writeFileSync(file, pdf);
    // pdftotext -bbox gives every word's position in points; the window is in millimetres.
    const r = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], {
      encoding: 'utf8',
    });
    const words = [
      ...r.stdout.matchAll(
        /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g,
      ),
    ].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, w: m[5]! }));
    const pt = (mm: number) => (mm * 72) / 25.4;
    const win = {
      x0: pt(ADDRESS_WINDOW.left),
      y0: pt(ADDRESS_WINDOW.top),
      x1: pt(ADDRESS_WINDOW.left + ADDRESS_WINDOW.width),
      y1: pt(ADDRESS_WINDOW.top + ADDRESS_WINDOW.height),
    };
    for (const w of ['Ann', 'Milsom', 'BA1', '1DN']) {
      const found = words.find((x) => x.w === w);
      assert.ok(found, w);
      assert.ok(
        found.x0 >= win.x0 && found.x1 <= win.x1 && found.y0 >= win.y0 && found.y1 <= win.y1,
        `${w} at ${JSON.stringify(found)} is outside the window ${JSON.stringify(win)}`,
      );
    }
    const date = words.find((x) => x.w === 'RD-2026-000123')!;
    assert.ok(date.x0 > win.x1, 'the reference is beside the window, not in it');
  });

  test('a deadlock letter to an English customer names the scheme and its website', async () => {
    const { pdf } = await letter(await preset('uk-comms-ombudsman'), 'deadlock_letter', 'en');
    const text = flat(pdfText(pdf));
    for (const s of [
      'RD-2026-000123',
      'Flat 2, 14 Milsom Street',
      'Communications Ombudsman',
      'PO Box 730',
      'www.commsombudsman.org',
      'free of charge',
      'Page 1 of 1',
    ]) {
      assert.ok(text.includes(s), `missing "${s}" in: ${text}`);
    }
  });

  test('an acknowledgement to a Vietnamese customer keeps its diacritics', async () => {
    const { pdf } = await letter(await preset('vn-datacentre'), 'acknowledgement', 'vi');
    const text = flat(pdfText(pdf));
    for (const s of [
      'Kính gửi Quý khách Nguyễn Thị Lan',
      'khiếu nại',
      'Số 45 đường Lý Tự Trọng',
      'Phường Bến Nghé',
      'Thứ Hai, ngày 16 tháng 3 năm 2026',
      'Mã số khiếu nại',
      'RD-2026-000123',
      'ngày nghỉ lễ, Tết',
      'Trân trọng',
      'Trang 1/1',
    ]) {
      assert.ok(text.includes(s), `missing "${s}" in: ${text}`);
    }
  });

  test('a deadlock letter to a Vietnamese customer names the scheme, its address and website', async () => {
    const { pdf } = await letter(await vnWithScheme(), 'deadlock_letter', 'vi');
    const text = flat(pdfText(pdf));
    for (const s of [
      'Thư xác nhận: Quý khách có thể chuyển khiếu nại',
      'Trung tâm Hòa giải Thương mại Việt Nam',
      'Số 1 đường Nguyễn Huệ',
      'www.hoagiai-thuongmai.example.vn',
      'trong vòng 6 tháng',
      'hoàn toàn miễn phí',
      'Số 45 đường Lý Tự Trọng',
      'RD-2026-000123',
      'Trang 1/1',
    ]) {
      assert.ok(text.includes(s), `missing "${s}" in: ${text}`);
    }
  });

  test('a long letter runs onto more pages, each numbered', async () => {
    const long = Array.from(
      { length: 14 },
      (_, i) =>
        `Paragraph ${i + 1}: we have looked again at every invoice, call record and engineer visit on your account, and set out below what we found and what we will do about it.`,
    ).join('\n\n');
    for (const [id, lang] of [
      ['uk-fca-disp', 'en'],
      ['uk-comms-ombudsman', 'vi'],
    ] as const) {
      const { pdf } = await letter(await preset(id), 'final_response', lang, {
        response_text: long,
      });
      const text = flat(pdfText(pdf));
      // The letter numbers its own pages; an enclosed leaflet follows with its own numbers.
      const m = /(?:Page 1 of |Trang 1\/)(\d+)/.exec(text);
      const count = Number(m?.[1] ?? 0);
      assert.ok(count >= 2 && pages(pdf) >= count, `${lang}: ${count} page(s)`);
      for (let p = 1; p <= count; p++) {
        const label = lang === 'en' ? `Page ${p} of ${count}` : `Trang ${p}/${count}`;
        assert.ok(text.includes(label), `${lang}: missing "${label}"`);
      }
      assert.ok(text.includes('Paragraph 14'), 'the whole body is printed');
      assert.ok(
        text.includes(id === 'uk-fca-disp' ? 'financial-ombudsman.org.uk' : 'commsombudsman.org'),
      );
    }
  });

  test('the FCA final response and eight-week letter enclose the FOS leaflet, as pages of their own', async () => {
    const fca = await preset('uk-fca-disp');
    for (const kind of ['final_response', 'adr_notice'] as const) {
      const { pdf } = await letter(fca, kind, 'en');
      const text = flat(pdfText(pdf));
      assert.ok(
        text.includes(
          'We enclose a copy of the Financial Ombudsman Service’s standard explanatory leaflet',
        ),
      );
      // The leaflet's own text, not only the sentence that says it is enclosed.
      for (const words of [
        'Your complaint and the ombudsman',
        'Complain to the business first',
        "within six months of the date of the business's final response",
        'Exchange Tower',
        'London E14 9SR',
        '0800 023 4567',
        'financial-ombudsman.org.uk',
      ]) {
        assert.ok(text.includes(words), `${kind}: missing "${words}"`);
      }
      assert.ok(pages(pdf) >= 2, 'the leaflet adds its pages');
    }
    // A letter of a policy with no leaflet encloses nothing.
    const plain = await letter(await preset('uk-comms-ombudsman'), 'final_response', 'en');
    assert.ok(!flat(pdfText(plain.pdf)).includes('Your complaint and the ombudsman'));
  });

  test('the leaflet is attached to the email as a PDF', async () => {
    const fca = await preset('uk-fca-disp');
    const attach = leafletAttachments({ version: () => fca });
    const files = await attach({
      kind: 'final_response',
      policyId: fca.id,
      policyVersion: 1,
      createdAt: NOW,
    });
    assert.equal(files.length, 1);
    assert.equal(files[0]!.contentType, 'application/pdf');
    assert.match(files[0]!.filename, /financial-ombudsman-service-leaflet\.pdf/);
    assert.ok(flat(pdfText(files[0]!.content)).includes('Your complaint and the ombudsman'));
    assert.deepEqual(
      await attach({ kind: 'acknowledgement', policyId: fca.id, policyVersion: 1, createdAt: NOW }),
      [],
    );
  });

  test('bold and lists of the template survive into the letter', async () => {
    const { pdf } = await letter(
      await preset('uk-comms-ombudsman'),
      'request_for_information',
      'en',
      {
        questions: ['Which address is the service at?', 'When did the fault start?'],
      },
    );
    const text = pdfText(pdf);
    assert.match(text, /Which address is the service at\?/);
    assert.match(text, /When did the fault start\?/);
    // No Markdown left over.
    assert.doesNotMatch(text, /\*\*|\]\(/);
  });
});

describe('the procedure booklet', { skip: SKIP }, () => {
  test('is generated from the policy, in Vietnamese, with a title page and numbered pages', async () => {
    const pdf = await renderProcedureBookletPdf(await preset('vn-datacentre'), 'vi');
    const text = flat(pdfText(pdf));
    const count = pages(pdf);
    assert.ok(count >= 2, `${count} pages`);
    for (const s of [
      'Quy trình giải quyết khiếu nại của khách hàng',
      'USDC',
      'Cách gửi khiếu nại',
      'trong vòng 20 ngày làm việc',
      'support@usdc.vn',
      `Trang 2/${count}`,
      `Trang ${count}/${count}`,
    ]) {
      assert.ok(text.includes(s), `missing "${s}"`);
    }
  });

  test('in English, with the ADR scheme’s contact details', async () => {
    const pdf = await renderProcedureBookletPdf(await preset('uk-comms-ombudsman', 2), 'en');
    const text = flat(pdfText(pdf));
    for (const s of [
      'Customer complaints – code of practice',
      'Communications Ombudsman',
      'www.commsombudsman.org',
      'Page 2 of',
    ]) {
      assert.ok(text.includes(s), `missing "${s}"`);
    }
  });
});
