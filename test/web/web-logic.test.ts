// The web app's pure pieces, run here without a browser: the form's checks mirror the server's,
// deadlines read as people say them, the procedure text becomes headings and lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseProcedure } from '../../web/src/features/procedure/parse-procedure.ts';
import {
  EMPTY_DRAFT,
  serverFieldErrors,
  validateComplaint,
} from '../../web/src/features/complaint-form/validate.ts';
import { formatDay, formatDue } from '../../web/src/i18n/format.ts';

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

  test('the server’s field problems land on the form’s fields', () => {
    const { fields, rest } = serverFieldErrors([
      { path: 'body.customer.email', message: 'body.customer.email: expected an email address' },
      { path: 'body.subject', message: 'body.subject: must not be empty' },
      { path: 'body.policy', message: 'body.policy: unknown' },
    ]);
    assert.deepEqual(fields, { email: 'expected an email address', subject: 'must not be empty' });
    assert.deepEqual(rest, ['body.policy: unknown']);
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
