// The web app's pure pieces, run here without a browser: the form's checks mirror the server's,
// deadlines read as people say them, the procedure text becomes headings and lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseProcedure } from '../../web/src/features/procedure/parse-procedure.ts';
import { EMPTY_DRAFT, validateComplaint } from '../../web/src/features/complaint-form/validate.ts';
import { serverFieldErrors } from '../../web/src/features/complaint-form/server-errors.ts';
import { formatDay, formatDue } from '../../web/src/i18n/format.ts';
import i18next, { type TFunction } from 'i18next';
import type { FieldIssue } from '../../web/src/api/client.ts';
import { enFieldIssues } from '../../web/src/i18n/locales/en-field-issues.ts';
import { viFieldIssues } from '../../web/src/i18n/locales/vi-field-issues.ts';
import { issuesByField, issueText } from '../../web/src/lib/field-issues.ts';

// A stand-in for i18next's t that shows the key and its values.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as never;

describe('the web form checks', () => {
  test('an empty form names every missing field and the missing contact', () => {
    const e = validateComplaint(EMPTY_DRAFT, t);
    assert.deepEqual(Object.keys(e).sort(), ['description', 'email', 'name', 'subject']);
    assert.match(e.email!, /contactRequired/);
  });

  test('a phone number alone is a way to reply; a preferred method needs its detail', () => {
    const base = { ...EMPTY_DRAFT, name: 'A', subject: 'S', description: 'D', phone: '0123' };
    assert.deepEqual(validateComplaint(base, t), {});
    const byPost = validateComplaint({ ...base, preferredContact: 'post' }, t);
    assert.match(byPost.address!, /preferredNeedsAddress/);
    const badEmail = validateComplaint({ ...base, email: 'not an email' }, t);
    assert.match(badEmail.email!, /invalidEmail/);
  });

  test('the server’s field problems land on the form’s fields, said from their codes', () => {
    const { fields, rest } = serverFieldErrors(
      [
        {
          path: 'body.customer.email',
          code: 'invalid_format',
          format: 'email',
          message: 'body.customer.email: expected an email address',
        },
        {
          path: 'body.subject',
          code: 'too_big',
          origin: 'string',
          maximum: 300,
          message: 'body.subject: Too big',
        },
        { path: 'body.policy', code: 'required', message: 'body.policy: is required' },
      ],
      t,
    );
    assert.deepEqual(fields, {
      email: 'fieldIssue.email {}',
      subject: 'fieldIssue.tooLong {"n":"300"}',
    });
    assert.deepEqual(rest, ['body.policy']);
  });
});

describe('the server’s field problems in the language shown', () => {
  const translator = (lng: 'en' | 'vi') => {
    const i18n = i18next.createInstance();
    void i18n.init({
      lng,
      initAsync: false,
      interpolation: { escapeValue: false },
      resources: {
        en: { translation: { fieldIssue: enFieldIssues } },
        vi: { translation: { fieldIssue: viFieldIssues } },
      },
    });
    return i18n.t.bind(i18n) as TFunction;
  };
  const en = translator('en');
  const vi = translator('vi');
  const issue = (code: FieldIssue['code'], more: Partial<FieldIssue> = {}): FieldIssue => ({
    path: 'body.x',
    code,
    message: 'body.x: the server’s English',
    ...more,
  });
  const cases: [FieldIssue, string, string][] = [
    [issue('required', { expected: 'string' }), 'Required', 'Bắt buộc'],
    [issue('too_small', { origin: 'string', minimum: 1 }), 'Required', 'Bắt buộc'],
    [
      issue('too_small', { origin: 'string', minimum: 12 }),
      'Use at least 12 characters',
      'Tối thiểu 12 ký tự',
    ],
    [
      issue('too_big', { origin: 'string', maximum: 5000 }),
      'Use 5,000 characters or fewer',
      'Tối đa 5.000 ký tự',
    ],
    [
      issue('too_small', { origin: 'number', minimum: 1, inclusive: true }),
      'Must be 1 or more',
      'Phải từ 1 trở lên',
    ],
    [
      issue('too_small', { origin: 'number', minimum: 0, inclusive: false }),
      'Must be more than 0',
      'Phải lớn hơn 0',
    ],
    [issue('too_big', { origin: 'int', maximum: 365 }), 'Must be 365 or less', 'Tối đa là 365'],
    [issue('too_big', { origin: 'array', maximum: 20 }), 'Choose at most 20', 'Chọn tối đa 20 mục'],
    [
      issue('invalid_format', { format: 'email' }),
      'Enter a valid email address, like name@example.com',
      'Email không hợp lệ, ví dụ: ten@example.com',
    ],
    [issue('invalid_format', { format: 'date' }), 'Enter a valid date', 'Ngày không hợp lệ'],
    [
      issue('invalid_format', { format: 'datetime' }),
      'Enter a valid date and time',
      'Ngày giờ không hợp lệ',
    ],
    [
      issue('invalid_format', { format: 'regex' }),
      'This is not in the expected format',
      'Sai định dạng',
    ],
    [
      issue('invalid_value', { values: ['a', 'b'] }),
      'Choose one of the allowed values',
      'Hãy chọn một trong các giá trị được phép',
    ],
    [issue('invalid_type', { expected: 'number' }), 'Enter a number', 'Hãy nhập một số'],
    [issue('custom'), 'This is not valid', 'Giá trị không hợp lệ'],
  ];
  for (const [i, inEnglish, inVietnamese] of cases) {
    test(`${i.code} ${JSON.stringify({ ...i, path: undefined, code: undefined, message: undefined })}`, () => {
      assert.equal(issueText(i, en, 'en'), inEnglish);
      assert.equal(issueText(i, vi, 'vi'), inVietnamese);
    });
  }

  test('a date limit is written as the language writes dates', () => {
    const i = issue('too_small', { origin: 'date', minimum: Date.UTC(2026, 0, 15) });
    assert.equal(issueText(i, en, 'en'), 'Must be on or after 15 January 2026');
    assert.equal(issueText(i, vi, 'vi'), 'Không được trước ngày 15 tháng 1, 2026');
  });

  test('a code this app does not know falls back to the server’s message, without its path', () => {
    const unknown = { ...issue('custom'), code: 'too_weird' } as unknown as FieldIssue;
    assert.equal(issueText(unknown, vi, 'vi'), 'the server’s English');
  });

  test('every string has its Vietnamese, with the same placeholders', () => {
    for (const [key, text] of Object.entries(enFieldIssues)) {
      const vn = viFieldIssues[key as keyof typeof enFieldIssues];
      assert.ok(vn && vn !== text, key);
      assert.deepEqual(vn.match(/{{\w+}}/g), text.match(/{{\w+}}/g), key);
    }
  });

  test('a form’s fields get the first problem of each, by the last key of its path', () => {
    const { fields, unplaced } = issuesByField(
      [
        issue('required', { path: 'body.name' }),
        issue('too_small', { path: 'body.name', origin: 'string', minimum: 3 }),
        issue('custom', { path: 'body.lines[2]' }),
      ],
      vi,
      (path) => (path.endsWith('name') ? 'name' : undefined),
    );
    assert.deepEqual(fields, { name: 'Bắt buộc' });
    assert.equal(unplaced, 1);
  });
});

describe('dates', () => {
  test('a day in the policy’s zone, as written in each language', () => {
    assert.equal(
      formatDay('2026-12-02T10:00:00Z', 'en', 'Europe/London'),
      'Wednesday 2 December 2026',
    );
    assert.equal(
      formatDay('2026-12-02T10:00:00Z', 'vi', 'Asia/Ho_Chi_Minh'),
      'Thứ Tư, ngày 2 tháng 12 năm 2026',
    );
  });

  test('a deadline at local midnight is the end of the day before', () => {
    // 20 working days, VN: due 2026-06-29T17:00Z = 00:00 on 30 June in Ho Chi Minh City.
    const due = formatDue('2026-06-29T17:00:00Z', 'en', t, 'Asia/Ho_Chi_Minh');
    assert.equal(due, 'dates.endOfDay {"date":"Monday 29 June 2026"}');
    const at = formatDue('2026-12-02T10:00:00Z', 'en', t, 'Europe/London');
    assert.equal(at, 'dates.at {"date":"Wednesday 2 December 2026","time":"10:00"}');
  });
});

describe('the procedure page', () => {
  test('underlined headings, numbered steps, bullets and paragraphs', () => {
    const blocks = parseProcedure(
      'Title\n=====\nCloud Direct\nVersion 2.\n\nHow to complain\n---------------\nYou can:\n  - by email\n  - by post\n\n1. First.\n2. Second.\n',
    );
    assert.deepEqual(blocks, [
      { kind: 'title', text: 'Title' },
      { kind: 'paragraph', text: 'Cloud Direct' },
      { kind: 'paragraph', text: 'Version 2.' },
      { kind: 'heading', text: 'How to complain' },
      { kind: 'paragraph', text: 'You can:' },
      { kind: 'bullets', items: ['by email', 'by post'] },
      { kind: 'ordered', items: ['First.', 'Second.'] },
    ]);
  });
});
