// The policy file format (SPEC §3): one organisation's complaints procedure as data.
// A file holding only id, name, timezone, calendar.holidays and clocks is valid; every other
// key has a default. Validation errors are turned into one line per problem by ./errors.ts.
import { z } from 'zod';
import { CHANNELS, EVENT_TYPES, OUTCOMES, ROLES, STATES } from '../complaint/states.ts';
import { taxonomySchema } from './taxonomy.ts';

export const CLOCK_UNITS = [
  'calendar_hours',
  'working_hours',
  'business_hours',
  'working_days',
  'calendar_days',
  'calendar_weeks',
  'calendar_months',
] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real calendar date');

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (24-hour)');

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Europe/London');

/** A dated change to the holiday list; objects carry why and whether it must be re-checked. */
const calendarDay = z.union([
  isoDate,
  z.strictObject({
    date: isoDate,
    name: z.string().optional(),
    /** The name as each language writes it, for the published procedure (else `name`). */
    label: z.strictObject({ en: z.string().optional(), vi: z.string().optional() }).optional(),
    /** True when the date is set by a yearly government notice and must be confirmed. */
    confirmYearly: z.boolean().default(false),
    note: z.string().optional(),
  }),
]);
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarSchema = z.strictObject({
  /** country[-region] as date-holidays names it (GB-ENG, VN); null for no public holidays. */
  holidays: z
    .string()
    .regex(
      /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/,
      'expected a country code, optionally with a region, such as GB-ENG or VN',
    )
    .nullable(),
  add: z.array(calendarDay).default([]),
  remove: z.array(calendarDay).default([]),
  workingDays: z
    .array(z.enum(WEEKDAYS))
    .min(1, 'at least one working day is needed')
    .default(['mon', 'tue', 'wed', 'thu', 'fri']),
  openingHours: z
    .strictObject({ start: timeOfDay, end: timeOfDay })
    .refine((h) => h.start < h.end, 'opening hours must end after they start')
    .default({ start: '09:00', end: '17:30' }),
});
export type CalendarConfig = z.infer<typeof calendarSchema>;

export const durationSchema = z.strictObject({
  amount: z.number().positive('expected a positive number'),
  unit: z.enum(CLOCK_UNITS),
});
export type Duration = z.infer<typeof durationSchema>;

export const BREACH_ACTIONS = ['notify', 'escalate', 'send', 'flag_urgent', 'deadlock'] as const;

const breachAction = z
  .strictObject({
    do: z.enum(BREACH_ACTIONS),
    /** notify: the role told of the breach. */
    role: z.enum(ROLES).optional(),
    /** send: the communication sent to the customer (a key of `communications`). */
    communication: z.string().optional(),
    /** send: repeat at this interval until the clock's stop event (progress reports). */
    repeat: durationSchema.optional(),
  })
  .refine((a) => a.do !== 'notify' || a.role, { message: 'notify needs a role', path: ['role'] })
  .refine((a) => a.do !== 'send' || a.communication, {
    message: 'send needs a communication',
    path: ['communication'],
  });
export type BreachAction = z.infer<typeof breachAction>;

const eventList = z.union([z.enum(EVENT_TYPES), z.array(z.enum(EVENT_TYPES)).min(1)]);

export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Customer-facing wording per language (the published procedure is generated from it). */
const localisedText = z.strictObject({ en: z.string().optional(), vi: z.string().optional() });
export type LocalisedText = z.infer<typeof localisedText>;

export const clockSchema = z
  .strictObject({
    amount: z.number().positive('expected a positive number'),
    unit: z.enum(CLOCK_UNITS),
    label: z.string().optional(),
    /** The sentence of the published procedure this clock enforces. */
    quote: z.string().optional(),
    /** The promise as the published procedure words it, per language: `{within}` stands for
     *  the span in words ("within 24 working hours (excluding …)"); without it, it is appended. */
    promise: localisedText.optional(),
    startsOn: eventList.default('received'),
    stopsOn: eventList.optional(),
    /** Channels the clock applies to; absent means every channel. */
    channels: z.array(z.enum(CHANNELS)).min(1).optional(),
    /** Internal targets pause while waiting on the customer (default: pausable unless
     *  regulatory); regulatory clocks never pause. */
    pausable: z.boolean().optional(),
    pausedIn: z.array(z.enum(STATES)).default(['awaiting_customer']),
    regulatory: z.boolean().default(false),
    /** An internal target: kept by staff, never shown to the customer as a promise. */
    internal: z.boolean().default(false),
    /** Fractions of the span (0 < f < 1) at which a warning falls due. */
    warnAt: z.union([z.number().gt(0).lt(1), z.array(z.number().gt(0).lt(1))]).optional(),
    onBreach: z.array(breachAction).default([]),
  })
  .refine((c) => !(c.regulatory && c.pausable), {
    message: 'a regulatory clock cannot be pausable',
    path: ['pausable'],
  })
  .refine((c) => c.unit.endsWith('_hours') || Number.isInteger(c.amount), {
    message: 'days, weeks and months must be whole numbers',
    path: ['amount'],
  });
export type ClockConfig = z.infer<typeof clockSchema>;

/** The channels whose complaints get the automatic receipt by default. */
export const RECEIPT_CHANNELS = ['web', 'email', 'api', 'post'] as const;

export const COMMUNICATION_KINDS = [
  'acknowledgement',
  'request_for_information',
  'transfer_notice',
  'progress_report',
  'resolution_plan',
  'final_response',
  'adr_notice',
  'deadlock_letter',
  'deadlock_refusal',
  'summary_resolution',
  'procedure_copy',
  'receipt',
  'satisfaction_survey',
] as const;

/** Things sent with a message: the ADR scheme's leaflet (as pages of a letter, a PDF attached
 *  to an email). */
export const ENCLOSURES = ['scheme_leaflet'] as const;
export type Enclosure = (typeof ENCLOSURES)[number];

const communicationSchema = z.strictObject({
  kind: z.enum(COMMUNICATION_KINDS).optional(),
  quote: z.string().optional(),
  /** Sent by the system without a person asking (e.g. the deadlock letter after 2026-04-08). */
  automatic: z.boolean().default(false),
  /** Content the message must carry before it may be sent (tokens of required-content.ts),
   *  added to the policy's `requiredContent` for the kind. */
  mustInclude: z.array(z.string()).default([]),
  /** What is sent with the message; each one is produced, or the message is refused. */
  enclose: z.array(z.enum(ENCLOSURES)).default([]),
  /** The policy's standard wording, for a message the system sends without a person writing
   *  it (the FCA eight-week letter): its reason, and when the final response is expected. */
  standard: z
    .strictObject({
      reason: localisedText.optional(),
      expectedWithin: durationSchema.optional(),
    })
    .optional(),
  /** How it is sent; `preferred` = the customer's preferred contact method (seed 000). */
  via: z.enum(['preferred', 'email', 'post', 'portal', 'phone']).optional(),
});

/** Required content of every message of a kind (tokens of required-content.ts); a token that
 *  ends in "?" applies only when the policy holds what it needs (e.g. a scheme website). */
export const DEFAULT_REQUIRED_CONTENT: Partial<
  Record<(typeof COMMUNICATION_KINDS)[number], string[]>
> = {
  deadlock_letter: [
    'adr_scheme_name',
    'adr_scheme_website?',
    'adr_time_limit?',
    'adr_referral_now',
  ],
  adr_notice: ['adr_scheme_name', 'adr_scheme_website?', 'adr_time_limit?', 'adr_referral_now'],
  final_response: ['adr_scheme_name?', 'adr_scheme_website?', 'adr_referral_condition?'],
  deadlock_refusal: ['adr_referral_condition?'],
  progress_report: ['progress_since_last', 'next_report?'],
};

const contactSchema = z.strictObject({
  name: z.string(),
  /** Postal address, one line per item. */
  address: z.array(z.string()).default([]),
  /** Where complaints are taken in person, if not the postal address. */
  office: z.array(z.string()).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
});

/** The standard wording on time limits a regulator prescribes, chosen per complaint (FCA DISP 1
 *  Annex 3R): `{scheme}` and `{span}` are filled in. */
export const TIME_LIMIT_POSITIONS = ['no_consent', 'consent', 'out_of_time'] as const;
export type TimeLimitPosition = (typeof TIME_LIMIT_POSITIONS)[number];

const localisedWording = z.strictObject({ en: z.string().optional(), vi: z.string().optional() });

export const adrSchema = z.strictObject({
  scheme: contactSchema,
  /** When the customer may refer: once this long has passed since the complaint was received … */
  after: durationSchema.optional(),
  /** … or at once on one of these letters (Ofcom: a deadlock letter; FCA: the final response
   *  and the eight-week letter). */
  openedBy: z.array(z.enum(COMMUNICATION_KINDS)).default(['deadlock_letter', 'adr_notice']),
  /** How long the customer has to refer once told of the right … */
  timeLimit: durationSchema.optional(),
  /** … counted from the date of one of these letters (Ofcom: the deadlock letter). */
  timeLimitFrom: z.array(z.enum(COMMUNICATION_KINDS)).default(['deadlock_letter']),
  free: z.boolean().default(true),
  /** The scheme's explanatory leaflet, sent with the letters that `enclose` it: Redress's own
   *  text of it (`builtin`), or the scheme's printed leaflet as a PDF file (`file`). */
  leaflet: z
    .strictObject({
      builtin: z.enum(['financial-ombudsman-service']).optional(),
      file: z.string().optional(),
      title: z.string().optional(),
    })
    .refine((l) => Boolean(l.builtin) !== Boolean(l.file), 'give either builtin or file')
    .optional(),
  /** Prescribed wording on the time limit, per position (DISP 1 Annex 3R); the position is the
   *  complaint's (`timeLimitPosition` of the response), `defaultPosition` when none is given. */
  timeLimitWording: z.partialRecord(z.enum(TIME_LIMIT_POSITIONS), localisedWording).optional(),
  defaultPosition: z.enum(TIME_LIMIT_POSITIONS).default('no_consent'),
  quote: z.string().optional(),
});

export const deadlockSchema = z.strictObject({
  /** A deadlock letter is sent when the customer asks. */
  letterOnRequest: z.boolean().default(true),
  /** A deadlock letter is sent without being asked once the clock named here is breached. */
  letterAutomatic: z.boolean().default(false),
  /** Flags that stop the deadlock letter and its reminder. */
  refuseWhenFlagged: z.array(z.enum(['vexatious', 'outside_jurisdiction'])).default([]),
  quote: z.string().optional(),
});

/** Raising priority and escalating within the organisation (seed 000). */
export const escalationSchema = z.strictObject({
  /** An urgent complaint has its priority raised (the `urgent` flag). */
  urgentPriority: z.boolean().default(false),
  urgentQuote: z.string().optional(),
  /** A customer who is not satisfied may ask for a review and escalation within the company. */
  onRequest: z.boolean().default(true),
  /** Who takes escalations. */
  role: z.enum(ROLES).default('manager'),
  quote: z.string().optional(),
});

/** A proposed solution must be approved before the response is sent (seed 004, step 3). */
export const approvalSchema = z.strictObject({
  required: z.boolean().default(true),
  role: z.enum(ROLES).default('manager'),
  quote: z.string().optional(),
});

export const closingSchema = z.strictObject({
  requireRootCause: z.boolean().default(true),
  requireSummary: z.boolean().default(false),
  requireLessonsLearned: z.boolean().default(false),
  quote: z.string().optional(),
});

/** How long a complaint's record is kept before it is anonymised: `years` from its closing
 *  (or its receipt), or another period for some outcomes (`byOutcome`) or products. */
export const retentionSchema = z.strictObject({
  years: z.number().int().positive('expected a whole number of years'),
  from: z.enum(['closed', 'received']).default('closed'),
  byOutcome: z
    .partialRecord(z.enum(OUTCOMES), z.number().int().positive('expected a whole number of years'))
    .optional(),
  /** Longer periods for some products (FCA: five years for MiFID business); the longest applies. */
  byProduct: z
    .record(z.string(), z.number().int().positive('expected a whole number of years'))
    .optional(),
  quote: z.string().optional(),
});
export type RetentionConfig = z.infer<typeof retentionSchema>;

/** The clocks of a data-subject request: acknowledge (VN), answer, answer when processors are
 *  involved (VN: 20 days), one extension (UK: two months with a reason; VN: 15 days), and whether
 *  the clock pauses while the requester's identity is checked (UK). */
export const dataRequestsSchema = z.strictObject({
  regime: z.enum(['uk', 'vn']),
  acknowledge: durationSchema.optional(),
  respond: durationSchema,
  respondWithProcessors: durationSchema.optional(),
  extension: durationSchema.optional(),
  pauseForIdentityCheck: z.boolean().default(false),
  quote: z.string().optional(),
});
export type DataRequestsConfig = z.infer<typeof dataRequestsSchema>;

export const policySchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'expected lower-case letters, digits and hyphens (e.g. uk-comms-ombudsman)',
    ),
  name: z.string().min(1),
  version: z.number().int().positive().default(1),
  effectiveFrom: isoDate.default('1970-01-01'),
  timezone,
  languages: z.array(z.enum(LANGUAGES)).min(1).default(['en']),
  /** The published title per language; defaults to `name`. */
  title: localisedText.optional(),
  organisation: contactSchema.optional(),
  source: z.string().optional(),
  summary: z.string().optional(),
  calendar: calendarSchema,
  clocks: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'clock names are snake_case'), clockSchema)
    .refine((c) => Object.keys(c).length > 0, 'a policy needs at least one clock'),
  intake: z
    .strictObject({
      channels: z
        .array(z.enum(CHANNELS))
        .min(1)
        .default([...CHANNELS]),
      firstContactResolution: z
        .strictObject({
          allowed: z.boolean().default(true),
          requireOutcome: z.boolean().default(true),
          quote: z.string().optional(),
        })
        .default({ allowed: true, requireOutcome: true }),
      quote: z.string().optional(),
    })
    .default({
      channels: [...CHANNELS],
      firstContactResolution: { allowed: true, requireOutcome: true },
    }),
  communications: z.record(z.string(), communicationSchema).default({}),
  /** Required content per communication kind; the defaults carry the rights every ADR letter
   *  and progress report must state. */
  requiredContent: z
    .partialRecord(z.enum(COMMUNICATION_KINDS), z.array(z.string()))
    .default({})
    .transform((r) => ({ ...DEFAULT_REQUIRED_CONTENT, ...r })),
  progressReports: z
    .strictObject({ after: z.string(), every: durationSchema, quote: z.string().optional() })
    .optional(),
  adr: adrSchema.optional(),
  escalation: escalationSchema.optional(),
  approval: approvalSchema.optional(),
  deadlock: deadlockSchema.default({
    letterOnRequest: true,
    letterAutomatic: false,
    refuseWhenFlagged: [],
  }),
  closing: closingSchema.default({
    requireRootCause: true,
    requireSummary: false,
    requireLessonsLearned: false,
  }),
  procedureCopy: z
    .strictObject({
      free: z.boolean().default(true),
      byPost: z.boolean().default(true),
      quote: z.string().optional(),
    })
    .optional(),
  retention: retentionSchema.default({ years: 6, from: 'closed' }),
  /** Data-subject requests (access, erasure, restriction): their regime and clocks. */
  dataRequests: dataRequestsSchema.optional(),
  /** The automatic receipt: sent by email at once to a customer whose complaint came by one of
   *  these channels (and who gave an email address), with its reference and tracking link. It is
   *  not the acknowledgement, which a person gives and which stops the acknowledge clock. A
   *  phone or in-person complaint (and a first-contact resolution) gets none. */
  receipt: z
    .strictObject({
      send: z.boolean().default(true),
      channels: z
        .array(z.enum(CHANNELS))
        .min(1)
        .default([...RECEIPT_CHANNELS]),
      /** The policy's communication of kind `receipt` to use (its template); by default the
       *  first of that kind, else the shipped receipt template. */
      communication: z.string().optional(),
      quote: z.string().optional(),
    })
    .default({ send: true, channels: [...RECEIPT_CHANNELS] }),
  /** The satisfaction survey sent after closing, by the customer's contact method (or `via`),
   *  at most once per complaint: never to a withdrawn complaint, nor to a customer whose data
   *  is restricted or erased. */
  survey: z
    .strictObject({
      enabled: z.boolean().default(false),
      via: z.enum(['preferred', 'email', 'post', 'portal', 'phone']).optional(),
      communication: z.string().optional(),
      quote: z.string().optional(),
    })
    .default({ enabled: false }),
  /** Product and cause codes for classifying complaints (regulator returns). */
  taxonomy: taxonomySchema.optional(),
});

export type PolicyInput = z.input<typeof policySchema>;
export type Policy = z.infer<typeof policySchema>;
