// The form a handler fills in while on the phone, with a letter in hand, or with the customer
// in front of them. Errors are listed at the top and beside each field; after logging, the
// reference and a link to the complaint.
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { settings } from '../../app/settings.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { fieldIssues } from '../../api/client.ts';
import { errorText } from '../../lib/errors.ts';
import { issuesByField, lastKey } from '../../lib/field-issues.ts';
import {
  attachScan,
  LOG_CHANNELS,
  logComplaint,
  resolveOnFirstContact,
  toBody,
  type LogDraft,
} from './submit.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const localNow = (d = new Date()) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

const fresh = (): LogDraft => ({
  channel: 'phone',
  policy: settings.defaultPolicy ?? settings.policies[0]?.id ?? '',
  receivedAt: localNow(),
  arrivedOn: localNow().slice(0, 10),
  name: '',
  email: '',
  phone: '',
  address: '',
  language: currentLanguage(),
  preferredContact: '',
  subject: '',
  description: '',
  remedy: '',
  category: '',
  firstContact: false,
  resolution: '',
});

type Errors = Partial<Record<keyof LogDraft | 'contact', string>>;

/** Where a problem the server found with the body goes on this form (body.customer.email → the
 *  contact fields). */
function serverField(path: string, byPost: boolean): keyof Errors | undefined {
  const key = lastKey(path);
  if (key === 'email' || key === 'phone' || key === 'address' || path.endsWith('customer'))
    return 'contact';
  if (key === 'receivedAt') return byPost ? 'arrivedOn' : 'receivedAt';
  if (key === 'remedySought') return 'remedy';
  return (['name', 'subject', 'description', 'category', 'resolution'] as const).find(
    (k) => k === key,
  );
}

interface Done {
  reference: string;
  resolved: boolean;
  problems: string[];
}

export function LogComplaintForm() {
  const { t } = useTranslation();
  const [d, setD] = useState<LogDraft>(fresh);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<Done | null>(null);
  const scan = useRef<HTMLInputElement>(null);
  const key = useRef(crypto.randomUUID());
  const L = (k: string) => t(`logComplaint.${k}`);
  const set =
    <K extends keyof LogDraft>(k: K) =>
    (v: LogDraft[K]) =>
      setD((x) => ({ ...x, [k]: v }));
  const text = (k: keyof LogDraft) => (e: { currentTarget: { value: string } }) =>
    set(k)(e.currentTarget.value as never);

  const validate = (): Errors => {
    const e: Errors = {};
    const need = (k: keyof LogDraft, label: string) => {
      if (!String(d[k]).trim()) e[k] = t('logComplaint.required', { field: label.toLowerCase() });
    };
    need('name', L('name'));
    need('subject', L('subject'));
    need('description', L('description'));
    if (!d.email.trim() && !d.phone.trim() && !d.address.trim()) e.contact = L('needContact');
    if (d.channel === 'post') need('arrivedOn', L('arrivedOn'));
    else need('receivedAt', L('receivedAt'));
    const when = d.channel === 'post' ? `${d.arrivedOn}T00:00` : d.receivedAt;
    if (when && new Date(when).getTime() > Date.now() + 60_000) {
      e[d.channel === 'post' ? 'arrivedOn' : 'receivedAt'] = L('futureDate');
    }
    if (d.firstContact && d.channel !== 'post') need('resolution', L('resolution'));
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    setAttempt((n) => n + 1);
    setFailure(null);
    if (Object.keys(e).length) return;
    setSending(true);
    try {
      const { reference } = await logComplaint(toBody(d), key.current);
      const problems: string[] = [];
      const file = scan.current?.files?.[0];
      if (d.channel === 'post' && file) {
        await attachScan(reference, file).catch((err: unknown) =>
          problems.push(t('logComplaint.scanFailed', { message: errorText(err, t) })),
        );
      }
      let resolved = false;
      if (d.firstContact && d.channel !== 'post') {
        await resolveOnFirstContact(reference, d.resolution).then(
          () => (resolved = true),
          (err: unknown) =>
            problems.push(t('logComplaint.firstContactFailed', { message: errorText(err, t) })),
        );
      }
      setDone({ reference, resolved, problems });
    } catch (err) {
      // The server's field problems beside their fields; any it cannot place, for the form.
      const { fields, unplaced } = issuesByField(fieldIssues(err), t, (path) =>
        serverField(path, d.channel === 'post'),
      );
      setErrors(fields);
      if (Object.keys(fields).length === 0 || unplaced > 0) setFailure(errorText(err, t));
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <>
        <Alert
          tone="success"
          title={t(done.resolved ? 'logComplaint.loggedResolved' : 'logComplaint.logged', {
            reference: done.reference,
          })}
        />
        {done.problems.map((p) => (
          <Alert key={p} tone="error">
            {p}
          </Alert>
        ))}
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={`/complaints/${done.reference}`}>
            {t('logComplaint.openIt', { reference: done.reference })}
          </ButtonLink>
          <Button
            variant="secondary"
            onClick={() => {
              key.current = crypto.randomUUID();
              setD(fresh());
              setDone(null);
            }}
          >
            {L('another')}
          </Button>
        </div>
      </>
    );
  }

  const summary = Object.entries(errors)
    .filter((x): x is [string, string] => !!x[1])
    .map(([k, message]) => ({ field: k === 'contact' ? 'log-email' : `log-${k}`, message }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="mb-6 max-w-prose">{L('intro')}</p>
      <ErrorSummary problems={summary} focusKey={attempt} />
      {failure && <Alert tone="error">{failure}</Alert>}
      <RadioGroup
        id="log-channel"
        legend={L('channel')}
        value={d.channel}
        onChange={set('channel')}
        options={LOG_CHANNELS.map((c) => ({ value: c, label: t(`queue.channel.${c}`) }))}
      />
      <SelectField
        id="log-policy"
        label={L('policy')}
        value={d.policy}
        onChange={(v) => set('policy')(v)}
        options={settings.policies.map((p) => ({ value: p.id, label: p.name }))}
      />
      {d.channel === 'post' ? (
        <>
          <TextField
            id="log-arrivedOn"
            type="date"
            label={L('arrivedOn')}
            hint={L('arrivedOnHint')}
            error={errors.arrivedOn}
            value={d.arrivedOn}
            onInput={text('arrivedOn')}
          />
          <div className="mb-6">
            <label htmlFor="log-scan" className="mb-1 block text-lg font-semibold">
              {L('scan')} <span className="font-normal text-slate-700">({t('app.optional')})</span>
            </label>
            <p id="log-scan-hint" className="mb-1 text-slate-700">
              {L('scanHint')}
            </p>
            <input
              id="log-scan"
              ref={scan}
              type="file"
              accept="application/pdf,image/*"
              aria-describedby="log-scan-hint"
              className="block min-h-11 text-base"
            />
          </div>
        </>
      ) : (
        <TextField
          id="log-receivedAt"
          type="datetime-local"
          label={L('receivedAt')}
          hint={L('receivedAtHint')}
          error={errors.receivedAt}
          value={d.receivedAt}
          onInput={text('receivedAt')}
        />
      )}
      <fieldset className="mb-2">
        <legend className="mb-3 text-2xl font-bold">{L('customer')}</legend>
        <TextField
          id="log-name"
          label={L('name')}
          error={errors.name}
          value={d.name}
          onInput={text('name')}
          autoComplete="off"
        />
        <TextField
          id="log-email"
          type="email"
          label={L('email')}
          optional
          error={errors.contact}
          value={d.email}
          onInput={text('email')}
          autoComplete="off"
        />
        <TextField
          id="log-phone"
          type="tel"
          label={L('phone')}
          optional
          value={d.phone}
          onInput={text('phone')}
          autoComplete="off"
        />
        <TextArea
          id="log-address"
          label={L('address')}
          optional
          rows={3}
          value={d.address}
          onInput={text('address')}
        />
        <SelectField
          id="log-language"
          label={L('language')}
          value={d.language}
          onChange={(v) => set('language')((v || 'en') as LogDraft['language'])}
          options={[
            { value: 'en', label: 'English' },
            { value: 'vi', label: 'Tiếng Việt' },
          ]}
        />
        <SelectField
          id="log-preferredContact"
          label={L('preferredContact')}
          optional
          value={d.preferredContact}
          onChange={(v) => set('preferredContact')(v as LogDraft['preferredContact'])}
          options={[
            { value: '', label: L('notStated') },
            { value: 'email', label: t('queue.channel.email') },
            { value: 'phone', label: t('queue.channel.phone') },
            { value: 'post', label: t('queue.channel.post') },
          ]}
        />
      </fieldset>
      <fieldset className="mb-2">
        <legend className="mb-3 text-2xl font-bold">{L('complaint')}</legend>
        <TextField
          id="log-subject"
          label={L('subject')}
          error={errors.subject}
          value={d.subject}
          onInput={text('subject')}
        />
        <TextArea
          id="log-description"
          label={L('description')}
          error={errors.description}
          value={d.description}
          onInput={text('description')}
        />
        <TextArea
          id="log-remedy"
          label={L('remedy')}
          optional
          rows={3}
          value={d.remedy}
          error={errors.remedy}
          onInput={text('remedy')}
        />
        <TextField
          id="log-category"
          label={L('category')}
          optional
          value={d.category}
          error={errors.category}
          onInput={text('category')}
        />
      </fieldset>
      {d.channel !== 'post' && (
        <div className="mb-6 border-l-4 border-blue-800 pl-4">
          <label className="mb-1 inline-flex min-h-11 cursor-pointer items-center gap-3 text-lg font-semibold">
            <input
              type="checkbox"
              checked={d.firstContact}
              aria-describedby="log-firstContact-hint"
              onChange={(e) => set('firstContact')(e.currentTarget.checked)}
              className="h-6 w-6 accent-blue-800"
            />
            {L('firstContact')}
          </label>
          <p id="log-firstContact-hint" className="mb-3 text-slate-700">
            {L('firstContactHint')}
          </p>
          {d.firstContact && (
            <TextArea
              id="log-resolution"
              label={L('resolution')}
              hint={L('resolutionHint')}
              error={errors.resolution}
              rows={3}
              value={d.resolution}
              onInput={text('resolution')}
            />
          )}
        </div>
      )}
      <Button type="submit" disabled={sending}>
        {sending ? L('sending') : L('submit')}
      </Button>
    </form>
  );
}
