// The published complaints procedure, generated from a policy (SPEC §3): what the organisation
// publishes is what Redress enforces. Pure: plain text in English or Vietnamese.
import type { Channel, ComplaintEventType } from '../complaint/states.ts';
import { formatDay, timeZoneName } from './dates.ts';
import type { ClockConfig, ClockUnit, Duration, Language, Policy, Weekday } from './schema.ts';
import { T, UNIT_WORDS, WEEKDAY_NAMES, type Phrases } from './render-phrases.ts';

type Lang = Language;

function list<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function num(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
}

/** "24 working hours" / "24 giờ làm việc"; singular for exactly one. */
export function unitPhrase(amount: number, unit: ClockUnit, lang: Lang): string {
  const [one, many] = UNIT_WORDS[lang][unit];
  return `${num(amount, lang)} ${amount === 1 ? one : many}`;
}

/** The span as a customer reads it: working hours are "hours" with what is not counted said
 *  beside them ("within 24 hours (excluding weekends and bank holidays)", as seed 000 words it;
 *  "24 giờ làm việc" would be read as office hours). */
function customerSpan(amount: number, unit: ClockUnit, lang: Lang): string {
  return unit === 'working_hours'
    ? unitPhrase(amount, 'calendar_hours', lang)
    : unitPhrase(amount, unit, lang);
}

function isMonToFri(days: readonly Weekday[]): boolean {
  return days.join() === 'mon,tue,wed,thu,fri';
}

/** "Monday to Friday", "Monday, Wednesday and Friday". */
function weekdaysPhrase(days: readonly Weekday[], lang: Lang): string {
  const order: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const idx = days.map((d) => order.indexOf(d)).sort((a, b) => a - b);
  const names = idx.map((i) => WEEKDAY_NAMES[lang][order[i]!]);
  const consecutive = idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (consecutive && names.length > 2) return T[lang].range(names[0]!, names[names.length - 1]!);
  return T[lang].and(names);
}

/** The words after "within N units": what the unit leaves out, or nothing. */
function unitExplanation(unit: ClockUnit, policy: Policy, lang: Lang): string {
  const t = T[lang];
  const cal = policy.calendar;
  const holidays = t.holidaysWord(cal.holidays);
  if (unit === 'working_hours' || unit === 'working_days') {
    return isMonToFri(cal.workingDays)
      ? t.excludingWeekends(holidays)
      : t.countingOnly(weekdaysPhrase(cal.workingDays, lang), holidays);
  }
  if (unit === 'business_hours') {
    const { start, end } = cal.openingHours;
    return t.openingHoursOnly(`${start}–${end}`, weekdaysPhrase(cal.workingDays, lang), holidays);
  }
  return '';
}

/** "within 24 working hours (excluding weekends and public holidays)". */
export function withinPhrase(span: Duration, policy: Policy, lang: Lang): string {
  const expl = unitExplanation(span.unit, policy, lang);
  return `${T[lang].within} ${customerSpan(span.amount, span.unit, lang)}${expl ? ` ${expl}` : ''}`;
}

function fill(template: string, clock: ClockConfig, policy: Policy, lang: Lang): string {
  const within = withinPhrase(clock, policy, lang);
  const text = template.includes('{within}')
    ? template.replaceAll('{within}', within)
    : `${template.replace(/[.\s]+$/, '')} ${within}.`;
  return text.replaceAll('{span}', customerSpan(clock.amount, clock.unit, lang));
}

function isDeadlockClock(name: string, clock: ClockConfig): boolean {
  return name === 'deadlock' || clock.onBreach.some((a) => a.do === 'deadlock');
}

/** A sentence for a clock without wording of its own, from what stops it. */
function genericPromise(name: string, clock: ClockConfig, policy: Policy, lang: Lang): string {
  const t = T[lang];
  const stops = list(clock.stopsOn);
  const purpose: keyof Phrases['purpose'] | undefined = isDeadlockClock(name, clock)
    ? 'deadlocked'
    : (
        [
          'acknowledged',
          'information_requested',
          'resolution_plan_agreed',
          'progress_reported',
          'responded',
          'closed',
        ] as const
      ).find((e) => stops.includes(e));
  const within = withinPhrase(clock, policy, lang);
  let sentence = purpose
    ? t.purpose[purpose](within)
    : `${clock.label ?? name.replaceAll('_', ' ')}: ${within}.`;
  const starts = list(clock.startsOn).filter((e) => e !== 'received');
  if (starts.length > 0) sentence += ` ${t.countedFrom(starts.map((e) => t.event(e)))}`;
  const channels = (clock.channels ?? []).filter((c) => c !== 'api');
  if (channels.length > 0) {
    sentence = `${t.forChannels(channels.map((c) => t.channelName[c]))} ${sentence}`;
  }
  return sentence;
}

function promiseSentence(name: string, clock: ClockConfig, policy: Policy, lang: Lang): string {
  const own = clock.promise?.[lang];
  const sentence = own ? fill(own, clock, policy, lang) : genericPromise(name, clock, policy, lang);
  const pausable = clock.pausable ?? !clock.regulatory;
  const waits = clock.pausedIn.filter(
    (s): s is 'awaiting_customer' | 'awaiting_department' =>
      s === 'awaiting_customer' || s === 'awaiting_department',
  );
  if (!pausable || waits.length === 0) return sentence;
  return `${sentence} ${T[lang].pauses(waits.map((s) => T[lang].waitingFor[s]))}`;
}

function heading(text: string): string[] {
  return ['', text, '-'.repeat(text.length)];
}

function bullet(text: string): string {
  return `  - ${text}`;
}

function contactLines(c: NonNullable<Policy['adr']>['scheme'], lang: Lang): string[] {
  const t = T[lang];
  return [
    `  ${c.name}`,
    ...c.address.map((l) => `  ${l}`),
    ...(c.phone ? [`  ${t.phoneLabel}: ${c.phone}`] : []),
    ...(c.email ? [`  ${t.emailLabel}: ${c.email}`] : []),
    ...(c.website ? [`  ${t.websiteLabel}: ${c.website}`] : []),
  ];
}

/** What `redress policy check` refuses before a procedure is published: "how to complain" must
 *  give the address of every channel it offers, and the organisation must sign. */
export function publicationProblems(policy: Policy): string[] {
  const org = policy.organisation;
  const at = `${policy.id} v${policy.version}`;
  if (!org) {
    return [
      `${at}: organisation: the published procedure and every letter are signed by the organisation; give organisation.name and its contact details`,
    ];
  }
  const out: string[] = [];
  const need: Partial<Record<Channel, [boolean, string]>> = {
    email: [Boolean(org.email), 'organisation.email (complaints are taken by email)'],
    post: [org.address.length > 0, 'organisation.address (complaints are taken by post)'],
    in_person: [
      Boolean(org.office?.length || org.address.length),
      'organisation.office or organisation.address (complaints are taken in person)',
    ],
    web: [Boolean(org.website), 'organisation.website (complaints are taken by web form)'],
    phone: [Boolean(org.phone), 'organisation.phone (complaints are taken by phone)'],
  };
  for (const c of policy.intake.channels) {
    const n = need[c];
    if (n && !n[0]) out.push(`${at}: "how to complain" needs ${n[1]}`);
  }
  return out;
}

function howToComplain(policy: Policy, lang: Lang): string[] {
  const t = T[lang];
  const org = policy.organisation;
  const ways = policy.intake.channels
    .filter((c): c is Exclude<Channel, 'api'> => c !== 'api')
    .map((c) => bullet(t.channelWay[c](org)));
  const out = [...heading(t.howToComplain), t.youCanComplain, ...ways];
  const fcr = policy.intake.firstContactResolution;
  if (fcr.allowed) out.push('', t.firstContact(fcr.requireOutcome));
  return out;
}

function progressReports(policy: Policy, lang: Lang): string[] {
  const t = T[lang];
  let after: ClockConfig | undefined;
  let every: Duration | undefined;
  if (policy.progressReports) {
    after = policy.clocks[policy.progressReports.after];
    every = policy.progressReports.every;
  } else {
    for (const clock of Object.values(policy.clocks)) {
      const send = clock.onBreach.find(
        (a) =>
          a.do === 'send' &&
          a.repeat &&
          policy.communications[a.communication ?? '']?.kind !== 'adr_notice',
      );
      if (send?.repeat && /progress/.test(send.communication ?? '')) {
        after = clock;
        every = send.repeat;
        break;
      }
    }
  }
  if (!after || !every) return [];
  const comm = Object.entries(policy.communications).find(
    ([key, c]) => c.kind === 'progress_report' || key === 'progress_report',
  )?.[1];
  return [
    '',
    t.progressReports(
      unitPhrase(after.amount, after.unit, lang),
      unitPhrase(every.amount, every.unit, lang),
      comm?.via ? t.via[comm.via] : '',
    ),
  ];
}

function escalationAndApproval(policy: Policy, lang: Lang): string[] {
  const t = T[lang];
  const out: string[] = [];
  if (policy.approval?.required) out.push(t.approval(t.roleName[policy.approval.role]));
  if (Object.values(policy.communications).some((c) => c.kind === 'final_response')) {
    out.push(t.writtenResponse);
  }
  if (policy.escalation?.urgentPriority) out.push(t.urgent);
  if (policy.escalation?.onRequest) out.push(t.notSatisfied(t.roleName[policy.escalation.role]));
  return out.length > 0
    ? [...heading(t.answerAndEscalation), ...out.flatMap((p, i) => (i ? ['', p] : [p]))]
    : [];
}

function adrSection(policy: Policy, lang: Lang): string[] {
  const t = T[lang];
  const adr = policy.adr;
  const dl = policy.deadlock;
  const entry = Object.entries(policy.clocks).find(([n, c]) => isDeadlockClock(n, c));
  const deadlockClock = entry?.[1];
  if (!adr && !dl.letterOnRequest && !dl.letterAutomatic) return [];
  const out = heading(adr ? t.adrHeading : t.deadlockHeading);
  const paras: string[] = [];
  const after = adr?.after ?? deadlockClock;
  if (deadlockClock)
    paras.push(t.deadlocked(unitPhrase(deadlockClock.amount, deadlockClock.unit, lang)));
  if (adr) {
    paras.push(
      t.adrRight(
        adr.scheme.name,
        adr.free,
        after ? unitPhrase(after.amount, after.unit, lang) : null,
        after?.amount === 1,
        dl.letterOnRequest || dl.letterAutomatic,
      ),
    );
    if (adr.timeLimit) {
      const span = unitPhrase(adr.timeLimit.amount, adr.timeLimit.unit, lang);
      paras.push(t.adrTimeLimit(adr.scheme.name, span, dl.letterOnRequest || dl.letterAutomatic));
    }
  }
  const scheme = adr?.scheme.name ?? null;
  if (dl.letterAutomatic) {
    const span = deadlockClock ? unitPhrase(deadlockClock.amount, deadlockClock.unit, lang) : null;
    paras.push(t.letterAutomatic(span, deadlockClock?.amount === 1, dl.letterOnRequest));
  } else if (dl.letterOnRequest) {
    paras.push(t.letterOnRequest);
  }
  if (dl.refuseWhenFlagged.length > 0 && (dl.letterOnRequest || dl.letterAutomatic)) {
    paras.push(t.letterRefused(dl.refuseWhenFlagged.map((f) => t.flagName(f, scheme))));
  }
  out.push(...paras.flatMap((p, i) => (i ? ['', p] : [p])));
  if (adr) out.push('', t.schemeContact(adr.scheme.name), ...contactLines(adr.scheme, lang));
  return out;
}

function recordsAndCopies(policy: Policy, lang: Lang): string[] {
  const t = T[lang];
  const out: string[] = [];
  if (policy.closing.requireSummary || policy.closing.requireLessonsLearned) {
    out.push(t.closing(policy.closing.requireSummary, policy.closing.requireLessonsLearned));
  }
  out.push(t.retention(num(policy.retention.years, lang), policy.retention.years === 1));
  if (policy.procedureCopy)
    out.push(t.procedureCopy(policy.procedureCopy.free, policy.procedureCopy.byPost));
  return [...heading(t.recordsHeading), ...out.flatMap((p, i) => (i ? ['', p] : [p]))];
}

const formatDate = formatDay;

function calendarSection(policy: Policy, lang: Lang, asOf: string | null): string[] {
  const t = T[lang];
  const cal = policy.calendar;
  const units = new Set(Object.values(policy.clocks).map((c) => c.unit));
  const out = [
    ...heading(t.calendarHeading),
    t.workingDays(
      weekdaysPhrase(cal.workingDays, lang),
      cal.holidays ? t.holidaysWord(cal.holidays) : null,
      t.regionName(cal.holidays),
    ),
  ];
  if (units.has('business_hours')) {
    out.push(t.openingHours(cal.openingHours.start, cal.openingHours.end));
  }
  if (units.has('working_hours')) out.push(t.workingHoursCount);
  if (units.has('working_days')) out.push(t.workingDaysCount);
  out.push(t.timeZone(timeZoneName(policy.timezone, lang)));
  const dated = (d: (typeof cal.add)[number]) => (typeof d === 'string' ? { date: d } : d);
  // Days already past are history, not something to plan around or to confirm.
  const ahead = (d: { date: string }) => !asOf || d.date >= asOf;
  const days = cal.add.map(dated).filter(ahead);
  if (days.length > 0) {
    out.push('', t.alsoClosed);
    for (const d of days) {
      const label =
        'label' in d ? (d.label?.[lang] ?? (lang === 'en' ? d.label?.en : undefined)) : undefined;
      const named = label ?? ('name' in d ? d.name : undefined);
      const name = named ? ` — ${named}` : '';
      const star = 'confirmYearly' in d && d.confirmYearly ? ' *' : '';
      out.push(bullet(`${formatDate(d.date, lang)}${name}${star}`));
    }
    if (days.some((d) => 'confirmYearly' in d && d.confirmYearly)) out.push('', t.confirmYearly);
  }
  const open = cal.remove.map(dated).filter(ahead);
  if (open.length > 0) {
    out.push('', t.openAnyway, ...open.map((d) => bullet(formatDate(d.date, lang))));
  }
  return out;
}

/** The procedure a customer is given, as plain text, in English or Vietnamese. Given `asOf`,
 *  non-working days already past are left out of the list. */
export function renderProcedure(policy: Policy, lang: Lang, opts: { asOf?: Date } = {}): string {
  const asOf = opts.asOf ? opts.asOf.toISOString().slice(0, 10) : null;
  const t = T[lang];
  const title = policy.title?.[lang] ?? policy.title?.en ?? policy.name;
  const org = policy.organisation;
  const lines = [title, '='.repeat(title.length)];
  if (org) lines.push(org.name);
  const since = policy.effectiveFrom > '1970-01-01' ? formatDate(policy.effectiveFrom, lang) : null;
  lines.push(t.versionLine(policy.version, since));
  lines.push('', t.intro(org?.name ?? null));
  lines.push(...howToComplain(policy, lang));
  lines.push(...heading(t.promisesHeading));
  Object.entries(policy.clocks).forEach(([name, clock], i) => {
    lines.push(`${i + 1}. ${promiseSentence(name, clock, policy, lang)}`);
  });
  lines.push(...progressReports(policy, lang));
  lines.push(...escalationAndApproval(policy, lang));
  lines.push(...adrSection(policy, lang));
  lines.push(...recordsAndCopies(policy, lang));
  lines.push(...calendarSection(policy, lang, asOf));
  if (org && (org.phone || org.email || org.website || org.address.length > 0)) {
    lines.push(...heading(t.contactUs), ...contactLines(org, lang));
  }
  return `${lines.join('\n')}\n`;
}

function stopsText(clock: ClockConfig): string {
  const stops = list(clock.stopsOn);
  return stops.length > 0 ? `stops on ${stops.join(', ')}` : 'no stop event';
}

/** A short technical summary of one version, for `redress policy check`. */
export function summarisePolicy(policy: Policy): string {
  const cal = policy.calendar;
  const lines = [
    `${policy.id}: ${policy.name}`,
    `  version ${policy.version}, effective from ${policy.effectiveFrom} (${policy.timezone})`,
    `  languages: ${policy.languages.join(', ')}`,
    `  holidays: ${cal.holidays ?? 'none'}; ${cal.add.length} added, ${cal.remove.length} removed; working days ${cal.workingDays.join(', ')}; opening hours ${cal.openingHours.start}-${cal.openingHours.end}`,
    `  channels: ${policy.intake.channels.join(', ')}`,
  ];
  if (policy.adr) {
    const a = policy.adr;
    const extras = [
      a.after ? `after ${a.after.amount} ${a.after.unit}` : null,
      a.timeLimit ? `${a.timeLimit.amount} ${a.timeLimit.unit} to refer` : null,
    ].filter(Boolean);
    lines.push(`  ADR: ${a.scheme.name}${extras.length ? ` (${extras.join(', ')})` : ''}`);
  }
  const dl = policy.deadlock;
  lines.push(
    `  deadlock letter: ${[dl.letterOnRequest ? 'on request' : null, dl.letterAutomatic ? 'automatic' : null].filter(Boolean).join(' and ') || 'none'}${dl.refuseWhenFlagged.length ? `; refused when ${dl.refuseWhenFlagged.join(' or ')}` : ''}`,
  );
  lines.push('  clocks:');
  for (const [name, clock] of Object.entries(policy.clocks)) {
    const starts = list(clock.startsOn).filter((e: ComplaintEventType) => e !== 'received');
    const tags = [
      clock.regulatory ? 'regulatory' : null,
      (clock.pausable ?? !clock.regulatory) ? 'pausable' : null,
      clock.channels ? `channels ${clock.channels.join(', ')}` : null,
    ].filter(Boolean);
    lines.push(
      `    ${name}: ${clock.amount} ${clock.unit} (${stopsText(clock)}${starts.length ? `; starts on ${starts.join(', ')}` : ''})${tags.length ? ` [${tags.join('; ')}]` : ''}`,
    );
  }
  return lines.join('\n');
}
