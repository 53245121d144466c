import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultTemplate } from '../../src/app/communications/default-templates.ts';
import { formatDate, formatDue } from '../../src/domain/communications/phrases.ts';
import { calendarFor } from '../../src/domain/clocks/policy-clocks.ts';
import { formatDay, timeZoneName } from '../../src/domain/policy/dates.ts';
import { policySchema } from '../../src/domain/policy/schema.ts';
import {
  compileTemplate,
  markdownToHtml,
  markdownToText,
  parseTemplateFile,
  renderLine,
  renderTemplate,
  TemplateError,
  validateTemplate,
  type VariableSpec,
} from '../../src/domain/communications/template.ts';
import { variableSpec } from '../../src/domain/communications/variables.ts';
import { COMMUNICATION_KINDS, LANGUAGES } from '../../src/domain/policy/schema.ts';

const SPEC: VariableSpec = {
  name: 'text',
  reference: 'text',
  note: 'text',
  urgent: 'flag',
  questions: 'list',
  deadlines: { list: ['label', 'due'] },
  url: 'text',
};

function render(source: string, vars: Record<string, unknown>) {
  return renderTemplate(compileTemplate(source, SPEC), vars as never);
}

function templateError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof TemplateError, `expected a TemplateError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a TemplateError');
}

describe('template rendering', () => {
  test('fills variables in both renderings', () => {
    const r = render('Dear {{name}},\n\nYour reference is {{reference}}.', {
      name: 'Ann',
      reference: 'RD-2026-000123',
    });
    assert.equal(r.text, 'Dear Ann,\n\nYour reference is RD-2026-000123.');
    assert.equal(r.html, '<p>Dear Ann,</p>\n<p>Your reference is RD-2026-000123.</p>');
  });

  test('{{#if}} shows its section when the value is present, {{else}} when not', () => {
    const t = 'A{{#if note}} ({{note}}){{else}} (none){{/if}}.';
    assert.equal(render(t, { note: 'late' }).text, 'A (late).');
    assert.equal(render(t, { note: '  ' }).text, 'A (none).');
    assert.equal(render(t, {}).text, 'A (none).');
    assert.equal(render('{{#if questions}}Q{{/if}}', { questions: [] }).text, '');
    assert.equal(render('{{#if urgent}}U{{/if}}', { urgent: true }).text, 'U');
  });

  test('{{#each}} repeats for every item, with {{this}} or the item’s fields', () => {
    const r = render(
      'Questions:\n{{#each questions}}\n- {{this}}\n{{/each}}\n\n{{#each deadlines}}\n{{label}}: {{due}}\n{{/each}}',
      {
        questions: ['Which invoice?', 'When?'],
        deadlines: [
          { label: 'Reply', due: 'Monday' },
          { label: 'Fix', due: 'Friday' },
        ],
      },
    );
    assert.equal(r.text, 'Questions:\n- Which invoice?\n- When?\n\nReply: Monday\nFix: Friday');
    assert.match(r.html, /<ul>\n<li>Which invoice\?<\/li>\n<li>When\?<\/li>\n<\/ul>/);
    assert.match(r.html, /<p>Reply: Monday<br>\nFix: Friday<\/p>/);
  });

  test('a block tag alone on its line leaves no blank line behind', () => {
    const r = render('One\n{{#if note}}\n{{note}}\n{{/if}}\nTwo', { note: 'mid' });
    assert.equal(r.text, 'One\nmid\nTwo');
    assert.equal(render('One\n{{#if note}}\n{{note}}\n{{/if}}\nTwo', {}).text, 'One\nTwo');
  });

  test('values are HTML-escaped in the HTML rendering and raw in the text', () => {
    const r = render('Dear {{name}},', { name: '<script>alert("x")</script> & Co' });
    assert.equal(r.text, 'Dear <script>alert("x")</script> & Co,');
    assert.equal(r.html, '<p>Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co,</p>');
  });

  test('values never become markup: bold, links and list markers stay as typed', () => {
    const r = render('Note: {{note}}', {
      note: '**big** [click](https://evil.example)\n- not a list',
    });
    assert.equal(r.text, 'Note: **big** [click](https://evil.example)\n- not a list');
    assert.doesNotMatch(r.html, /<strong>|<a |<li>/);
    assert.match(r.html, /\*\*big\*\* \[click\]\(https:\/\/evil\.example\)/);
  });

  test('a value with blank lines becomes paragraphs', () => {
    const r = render('{{note}}', { note: 'First.\n\nSecond.' });
    assert.equal(r.html, '<p>First.</p>\n<p>Second.</p>');
  });

  test('Markdown-light: paragraphs, line breaks, lists, bold and links', () => {
    const md = 'Hello **world**\nnext line\n\n- one\n- two **b**\n\nSee [the site]({{url}}).';
    const r = render(md, { url: 'https://www.example.org/a_(b)' });
    assert.equal(
      r.html,
      [
        '<p>Hello <strong>world</strong><br>\nnext line</p>',
        '<ul>\n<li>one</li>\n<li>two <strong>b</strong></li>\n</ul>',
        '<p>See <a href="https://www.example.org/a_(b)">the site</a>.</p>',
      ].join('\n'),
    );
    assert.equal(
      r.text,
      'Hello world\nnext line\n\n- one\n- two b\n\nSee the site (www.example.org/a_(b)).',
    );
  });

  test('a link to its own address shows the address once; unsafe targets are not linked', () => {
    assert.equal(markdownToText('[www.x.org](https://www.x.org)'), 'www.x.org');
    assert.equal(
      markdownToHtml('[www.x.org](www.x.org)'),
      '<p><a href="https://www.x.org">www.x.org</a></p>',
    );
    assert.equal(markdownToHtml('[click](javascript:alert(1\\))'), '<p>click</p>');
  });

  test('a subject renders on one line with values raw', () => {
    const t = compileTemplate('[{{reference}}] About {{name}}', SPEC);
    assert.equal(
      renderLine(t, { reference: 'RD-2026-000123', name: 'Ann & <Bob>\nX' }),
      '[RD-2026-000123] About Ann & <Bob> X',
    );
  });
});

describe('template validation', () => {
  test('an unknown variable is refused, named, with its line and a suggestion', () => {
    const err = templateError(() => compileTemplate('Dear {{name}},\n\nRef {{refrence}}.', SPEC));
    assert.equal(err.code, 'TEMPLATE.UNKNOWN_VARIABLE');
    assert.equal(err.problems.length, 1);
    assert.equal(err.problems[0]!.variable, 'refrence');
    assert.equal(err.problems[0]!.line, 3);
    assert.match(
      err.message,
      /unknown variable \{\{refrence\}\}; did you mean \{\{reference\}\}\?/,
    );
  });

  test('unknown variables inside blocks and item fields are found too', () => {
    const problems = validateTemplate(
      '{{#if nope}}x{{/if}}{{#each deadlines}}{{label}} {{when}}{{/each}}',
      SPEC,
    );
    assert.deepEqual(
      problems.map((p) => p.variable),
      ['nope', 'when'],
    );
    // item fields exist only inside their {{#each}}
    assert.deepEqual(
      validateTemplate('{{label}}', SPEC).map((p) => p.variable),
      ['label'],
    );
  });

  test('a list used as text, or text used as a list, is refused', () => {
    const a = templateError(() => compileTemplate('{{questions}}', SPEC));
    assert.match(a.message, /\{\{questions\}\} is a list/);
    const b = templateError(() => compileTemplate('{{#each name}}x{{/each}}', SPEC));
    assert.match(b.message, /needs a list/);
  });

  test('syntax errors are refused with their line', () => {
    const cases: [string, RegExp][] = [
      ['{{#if note}}open', /line 1: \{\{#if note\}\} is not closed by \{\{\/if\}\}/],
      ['x\n{{/each}}', /line 2: \{\{\/each\}\} has no matching \{\{#each\}\}/],
      ['{{#if note}}\n{{/each}}', /\{\{\/each\}\} closes \{\{#if note\}\} opened on line 1/],
      ['{{else}}', /\{\{else\}\} outside an \{\{#if\}\} block/],
      ['{{name', /"\{\{" is not closed/],
      ['{{> partial}}', /is not a template tag/],
      ['{{#each}}x{{/each}}', /needs a variable name/],
    ];
    for (const [source, message] of cases) {
      const err = templateError(() => compileTemplate(source, SPEC));
      assert.equal(err.code, 'TEMPLATE.SYNTAX', source);
      assert.match(err.message, message, source);
    }
  });

  test('a template file has a subject in its front matter', () => {
    assert.deepEqual(parseTemplateFile('---\nsubject: [{{reference}}] Hi\n---\nBody\n'), {
      subject: '[{{reference}}] Hi',
      body: 'Body\n',
    });
    assert.throws(() => parseTemplateFile('Body'), /front matter/);
    assert.throws(() => parseTemplateFile('---\ntitle: x\n---\nBody'), /unknown front matter/);
  });

  test('every shipped template compiles against the variables of its kind', () => {
    for (const kind of COMMUNICATION_KINDS) {
      for (const lang of LANGUAGES) {
        const t = defaultTemplate(kind, lang);
        const spec = variableSpec(kind);
        assert.deepEqual(validateTemplate(t.body, spec), [], `${kind}.${lang} body`);
        assert.deepEqual(validateTemplate(t.subject, spec), [], `${kind}.${lang} subject`);
        assert.match(t.subject, /^\[\{\{reference\}\}\] /, `${kind}.${lang} subject`);
      }
    }
  });
});

describe('dates in the customer’s language and the policy’s time zone', () => {
  test('a date is written out the UK way and the Vietnamese way', () => {
    const d = new Date('2026-03-16T12:00:00Z');
    assert.equal(formatDate(d, 'en', 'Europe/London'), 'Monday 16 March 2026');
    assert.equal(formatDate(d, 'vi', 'Asia/Ho_Chi_Minh'), 'Thứ Hai, ngày 16 tháng 3 năm 2026');
    assert.equal(formatDay('2026-03-14', 'vi'), 'Thứ Bảy, ngày 14 tháng 3 năm 2026');
    assert.equal(formatDay('2026-03-15', 'vi'), 'Chủ nhật, ngày 15 tháng 3 năm 2026');
    assert.equal(formatDay('2026-12-02', 'en'), 'Wednesday 2 December 2026');
  });

  test('the local date is used, not the UTC one', () => {
    const d = new Date('2026-03-15T20:00:00Z'); // Monday 03:00 in Ho Chi Minh City
    assert.equal(formatDate(d, 'en', 'Europe/London'), 'Sunday 15 March 2026');
    assert.equal(formatDate(d, 'vi', 'Asia/Ho_Chi_Minh'), 'Thứ Hai, ngày 16 tháng 3 năm 2026');
  });

  test('a deadline at local midnight reads as the end of the day before; "by" is "chậm nhất vào"', () => {
    assert.equal(
      formatDue(new Date('2027-01-01T00:00:00Z'), 'en', 'Europe/London'),
      'by the end of Thursday 31 December 2026',
    );
    assert.equal(
      formatDue(new Date('2026-06-29T17:00:00Z'), 'vi', 'Asia/Ho_Chi_Minh'),
      'chậm nhất vào cuối ngày Thứ Hai, ngày 29 tháng 6 năm 2026',
    );
    assert.equal(
      formatDue(new Date('2026-03-16T17:00:00Z'), 'en', 'Europe/London'),
      'by 17:00 on Monday 16 March 2026',
    );
    assert.equal(
      formatDue(new Date('2026-03-16T10:00:00Z'), 'vi', 'Asia/Ho_Chi_Minh'),
      'chậm nhất vào 17:00, Thứ Hai, ngày 16 tháng 3 năm 2026',
    );
  });

  test('a promise is never made for a day the calendar does not work', () => {
    const policy = policySchema.parse({
      id: 'p',
      name: 'P',
      timezone: 'Europe/London',
      calendar: { holidays: 'GB-ENG' },
      clocks: { a: { amount: 1, unit: 'calendar_months' } },
    });
    const calendar = calendarFor(policy);
    // Due 10:00 on Friday 1 January 2027 (New Year's Day): the end of Thursday 31 December.
    assert.equal(
      formatDue(new Date('2027-01-01T10:00:00Z'), 'en', 'Europe/London', { calendar }),
      'by the end of Thursday 31 December 2026',
    );
    // Due at 00:00 on Tuesday 29 December, after two bank holidays (25 and 28 December) and a
    // weekend: not "the end of Monday 28 December", but of Thursday 24 December.
    assert.equal(
      formatDue(new Date('2026-12-29T00:00:00Z'), 'en', 'Europe/London', { calendar }),
      'by the end of Thursday 24 December 2026',
    );
    // A clock due at 24:00 of a working day keeps that day.
    assert.equal(
      formatDue(new Date('2027-01-05T00:00:00Z'), 'en', 'Europe/London', { calendar }),
      'by the end of Monday 4 January 2027',
    );
    // Without the calendar the holiday would be printed: the rule is the calendar's.
    assert.equal(
      formatDue(new Date('2027-01-01T10:00:00Z'), 'en', 'Europe/London'),
      'by 10:00 on Friday 1 January 2027',
    );
  });

  test('a promise is never a date already past', () => {
    const now = new Date('2026-12-01T09:00:00Z');
    assert.equal(
      formatDue(new Date('2026-11-21T17:00:00Z'), 'en', 'Europe/London', { now }),
      undefined,
    );
    assert.equal(
      formatDue(new Date('2026-12-02T17:00:00Z'), 'en', 'Europe/London', { now }),
      'by 17:00 on Wednesday 2 December 2026',
    );
    // Walking back from a holiday never lands before today: the clock's own day is said.
    const policy = policySchema.parse({
      id: 'p',
      name: 'P',
      timezone: 'Europe/London',
      calendar: { holidays: 'GB-ENG' },
      clocks: { a: { amount: 1, unit: 'calendar_months' } },
    });
    assert.equal(
      formatDue(new Date('2027-01-01T10:00:00Z'), 'en', 'Europe/London', {
        calendar: calendarFor(policy),
        now: new Date('2027-01-01T08:00:00Z'),
      }),
      'by 10:00 on Friday 1 January 2027',
    );
  });

  test('time zones are named for people, not by their identifiers', () => {
    assert.equal(timeZoneName('Asia/Ho_Chi_Minh', 'vi'), 'giờ Việt Nam (GMT+7)');
    assert.equal(timeZoneName('Europe/London', 'en'), 'UK time (GMT, or BST in summer)');
  });
});
