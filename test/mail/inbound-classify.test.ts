import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { classifyMail } from '../../src/mail/inbound/classify.ts';
import {
  addressIn,
  messageIdsIn,
  normaliseMessageId,
  parseRawHeaders,
} from '../../src/mail/inbound/headers.ts';
import {
  DEFAULT_LIMITS,
  knownCharset,
  parsedProblems,
  rawProblems,
} from '../../src/mail/inbound/limits.ts';
import { sanitiseMailHtml } from '../../src/mail/inbound/sanitise-html.ts';
import { referencesInSubject, threadClues } from '../../src/mail/inbound/threading.ts';
import {
  badCharset,
  bounce,
  brokenMime,
  composeMail,
  hugeAttachment,
  outOfOffice,
  thousandRecipients,
} from './fixtures.ts';

const headers = (text: string) => parseRawHeaders(Buffer.from(text.replace(/\n/g, '\r\n')));
const plain = (extra: string) =>
  headers(
    `From: Ann <ann@example.com>\nTo: complaints@redress.test\nSubject: Hello\n${extra}\n\nBody\n`,
  );

describe('raw headers', () => {
  test('unfolds continuation lines and finds headers case-insensitively', () => {
    const h = headers('Subject: a long\n  subject line\nFROM: Ann <ann@example.com>\n\nbody');
    assert.equal(h.get('subject'), 'a long subject line');
    assert.equal(h.get('From'), 'Ann <ann@example.com>');
    assert.equal(h.terminated, true);
    assert.equal(h.junkLines, 0);
  });

  test('counts lines that are not headers', () => {
    const h = headers('From: a@b.c\nthis is not a header\n\nbody');
    assert.equal(h.junkLines, 1);
  });

  test('message ids keep their brackets; bare ids get them', () => {
    assert.equal(normaliseMessageId(' <abc@x.y> '), '<abc@x.y>');
    assert.equal(normaliseMessageId('abc@x.y'), '<abc@x.y>');
    assert.equal(normaliseMessageId('garbage'), null);
    assert.equal(normaliseMessageId(undefined), null);
    assert.deepEqual(messageIdsIn(['<a@b> <c@d>', '<a@b>']), ['<a@b>', '<c@d>']);
  });

  test('addresses: bracketed, bare, and the empty return path', () => {
    assert.equal(addressIn('"Ann, A." <Ann@Example.COM>'), 'ann@example.com');
    assert.equal(addressIn('ann@example.com (Ann)'), 'ann@example.com');
    assert.equal(addressIn('<>'), '');
    assert.equal(addressIn(undefined), null);
  });
});

describe('classifying automatic mail', () => {
  test('an ordinary mail is not automatic', () => {
    assert.deepEqual(classifyMail(plain('X-Mailer: Thunderbird')), { automatic: false });
    assert.deepEqual(classifyMail(plain('Auto-Submitted: no')), { automatic: false });
  });

  const automatic: [string, string][] = [
    ['Auto-Submitted: auto-replied', 'Auto-Submitted'],
    ['Auto-Submitted: auto-generated; owner-email="x@y"', 'Auto-Submitted'],
    ['Precedence: bulk', 'Precedence'],
    ['Precedence: junk', 'Precedence'],
    ['Precedence: list', 'Precedence'],
    ['Precedence: auto_reply', 'Precedence'],
    ['X-Autoreply: yes', 'x-autoreply'],
    ['X-Autorespond: on', 'x-autorespond'],
    ['Return-Path: <>', 'Return-Path'],
    ['Content-Type: multipart/report; report-type=delivery-status; boundary=x', 'delivery report'],
    [
      'Content-Type: multipart/report; report-type=disposition-notification; boundary=x',
      'delivery report',
    ],
  ];
  for (const [header, reason] of automatic) {
    test(header, () => {
      const c = classifyMail(plain(header));
      assert.equal(c.automatic, true);
      assert.match((c as { reason: string }).reason, new RegExp(reason, 'i'));
    });
  }

  test('mail from MAILER-DAEMON or postmaster', () => {
    for (const from of [
      'Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'postmaster@example.net',
      'MAILER-DAEMON (Mail Delivery Subsystem)',
    ]) {
      const c = classifyMail(headers(`From: ${from}\nSubject: x\n\nbody`));
      assert.equal(c.automatic, true, from);
    }
  });

  test('mail from our own address is a loop', () => {
    const c = classifyMail(headers('From: Complaints <Complaints@Redress.test>\n\nbody'), {
      ownAddresses: ['complaints@redress.test'],
    });
    assert.equal(c.automatic, true);
  });

  test('the fixtures: out-of-office and a real DSN', () => {
    assert.equal(classifyMail(parseRawHeaders(outOfOffice())).automatic, true);
    assert.equal(classifyMail(parseRawHeaders(bounce())).automatic, true);
  });
});

describe('threading clues', () => {
  test('references in a subject, upper-cased, once each', () => {
    assert.deepEqual(referencesInSubject('Re: rd-2026-000123 and RD-2026-000123, RD-2025-000001'), [
      'RD-2026-000123',
      'RD-2025-000001',
    ]);
    assert.deepEqual(referencesInSubject('RD-2026-12345 is too short; XRD-2026-000001 too'), []);
  });

  test('In-Reply-To first, then References newest first', () => {
    const clues = threadClues({
      subject: 'Re: RD-2026-000007',
      inReplyTo: '<c@x>',
      references: '<a@x> <b@x> <c@x>',
      from: 'Ann@Example.com',
    });
    assert.deepEqual(clues.messageIds, ['<c@x>', '<b@x>', '<a@x>']);
    assert.deepEqual(clues.subjectReferences, ['RD-2026-000007']);
    assert.equal(clues.from, 'ann@example.com');
  });
});

describe('sanitising HTML', () => {
  test('keeps text markup and safe links, drops scripts, styles, images, handlers', () => {
    const html = sanitiseMailHtml(
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>' +
        '<p style="x" class="y" onclick="evil()">Hello <b>there</b></p>' +
        '<img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">bad</a>' +
        '<a href="https://example.com/bill">bill</a><iframe src="https://x"></iframe>' +
        '<form action="https://x"><input name="q"></form></body></html>',
    )!;
    assert.match(html, /<p>Hello <b>there<\/b><\/p>/);
    assert.doesNotMatch(
      html,
      /script|alert|style|onclick|class=|<img|iframe|<form|<input|color:red/,
    );
    assert.match(html, /<a rel="noopener noreferrer nofollow" target="_blank">bad<\/a>/);
    assert.match(
      html,
      /<a href="https:\/\/example.com\/bill" rel="noopener noreferrer nofollow" target="_blank">bill<\/a>/,
    );
  });

  test('nothing left is null', () => {
    assert.equal(sanitiseMailHtml('<script>x</script>'), null);
    assert.equal(sanitiseMailHtml(undefined), null);
  });
});

describe('limits and malformed mail', () => {
  test('a well-formed mail has no problems', async () => {
    const raw = await composeMail({
      html: '<p>hi</p>',
      attachments: [{ filename: 'a.txt', content: Buffer.from('x') }],
    });
    assert.deepEqual(rawProblems(raw, parseRawHeaders(raw), DEFAULT_LIMITS), []);
    assert.deepEqual(parsedProblems(await simpleParser(raw), DEFAULT_LIMITS), []);
  });

  test('broken MIME: a boundary that never appears', () => {
    const raw = brokenMime();
    const problems = rawProblems(raw, parseRawHeaders(raw), DEFAULT_LIMITS);
    assert.ok(
      problems.some((p) => /boundary never appears/.test(p)),
      problems.join('; '),
    );
  });

  test('an unknown charset, and bytes that do not decode in the declared one', async () => {
    const raw = badCharset();
    const problems = rawProblems(raw, parseRawHeaders(raw), DEFAULT_LIMITS);
    assert.ok(
      problems.some((p) => /unknown charset "x-no-such-charset"/.test(p)),
      problems.join(),
    );
    const parsed = parsedProblems(await simpleParser(raw), DEFAULT_LIMITS);
    assert.ok(
      parsed.some((p) => /does not decode/.test(p)),
      parsed.join(),
    );
    assert.equal(knownCharset('ISO-8859-1'), true);
    assert.equal(knownCharset('windows-1252'), true);
    assert.equal(knownCharset('"utf-8"'), true);
    assert.equal(knownCharset('x-no-such-charset'), false);
  });

  test('a 20 MB attachment and a thousand recipients', async () => {
    const huge = parsedProblems(await simpleParser(await hugeAttachment(20)), DEFAULT_LIMITS);
    assert.ok(
      huge.some((p) => /attachments of 20\.0 MB/.test(p)),
      huge.join(),
    );
    const many = parsedProblems(await simpleParser(await thousandRecipients()), DEFAULT_LIMITS);
    assert.ok(
      many.some((p) => /1000 recipients/.test(p)),
      many.join(),
    );
  });

  test('no headers at all', () => {
    const raw = Buffer.from('just some text\r\nwith no headers\r\n');
    const problems = rawProblems(raw, parseRawHeaders(raw), DEFAULT_LIMITS);
    assert.ok(
      problems.includes('no header section') || problems.some((p) => /not headers/.test(p)),
    );
  });
});
