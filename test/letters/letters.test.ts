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
      'Monday, 16 March 2026',
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
      'Ombudsman Services',
      'The Brew House',
      'www.ombudsman-services.org',
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
      'Thứ Hai, 16 tháng 3, 2026',
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
      'Thư xác nhận bế tắc',
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
    for (const lang of ['en', 'vi'] as const) {
      const { pdf } = await letter(await preset('uk-fca-disp'), 'final_response', lang, {
        response_text: long,
      });
      const count = pages(pdf);
      assert.ok(count >= 2, `${lang}: ${count} page(s)`);
      const text = flat(pdfText(pdf));
      for (let p = 1; p <= count; p++) {
        const label = lang === 'en' ? `Page ${p} of ${count}` : `Trang ${p}/${count}`;
        assert.ok(text.includes(label), `${lang}: missing "${label}"`);
      }
      assert.ok(text.includes('Paragraph 14'), 'the whole body is printed');
      assert.ok(text.includes('www.financial-ombudsman.org.uk'));
    }
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
