// Adding a version: the draft in a plain text area (YAML or JSON, as in a policy file), checked
// by the API before anything is added — each problem shown beside the draft with where it is —
// then a diff against the version in force and the deadlines the draft would give.
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, ApiError, call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import type { PolicyDoc, Schemas } from './admin-api.ts';
import { LineDiff } from './LineDiff.tsx';
import { lineDiff, policyText } from './line-diff.ts';

const CHANNELS = ['email', 'web', 'phone', 'post', 'in_person', 'api'] as const;
type Channel = (typeof CHANNELS)[number];
type Check = Schemas['PolicyDraftCheck'];
interface Issue {
  path: string;
  message: string;
}

function issuesOf(err: unknown): Issue[] {
  if (!(err instanceof ApiError)) return [];
  const d = err.details as { issues?: unknown } | undefined;
  return Array.isArray(d?.issues)
    ? (d.issues as Issue[]).filter((i) => typeof i?.message === 'string')
    : [];
}

/** A draft to start from: the latest version, without its number (the API gives the next). */
export function startingDraft(latest: PolicyDoc | undefined): string {
  if (!latest) return '';
  const { version: _v, ...rest } = latest;
  return JSON.stringify(rest, null, 2);
}

/** "2026-12-01T09:00" in the browser's time, for <input type=datetime-local>. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset(), 0, 0);
  return d.toISOString().slice(0, 16);
}

export function PolicyDraft({ detail }: { detail: Schemas['PolicyDetail'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const latest = detail.versions[detail.versions.length - 1];
  const [text, setText] = useState(() => startingDraft(latest));
  const [receivedAt, setReceivedAt] = useState(localNow);
  const [channel, setChannel] = useState<Channel>('email');
  const [check, setCheck] = useState<Check | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  const receivedError = Number.isNaN(new Date(receivedAt).getTime())
    ? t('admin.draft.receivedAtInvalid')
    : undefined;

  const runCheck = async (): Promise<Check | null> => {
    setIssues([]);
    setFailure(null);
    setAdded(null);
    try {
      const result = await call<Check>(
        api.POST('/api/v1/policies/{id}/draft', {
          params: { path: { id: detail.id } },
          body: { text, channel, receivedAt: new Date(receivedAt).toISOString() },
        }),
      );
      setCheck(result);
      return result;
    } catch (err) {
      setCheck(null);
      const found = issuesOf(err);
      if (found.length) setIssues(found);
      else setFailure(errorText(err, t));
      editor.current?.focus();
      return null;
    }
  };

  const onCheck = async () => {
    setBusy(true);
    await runCheck();
    setBusy(false);
  };

  const onAdd = async () => {
    setBusy(true);
    const checked = await runCheck();
    if (checked) {
      try {
        const saved = await call<PolicyDoc>(
          api.POST('/api/v1/policies/{id}/versions', {
            params: { path: { id: detail.id } },
            body: checked.document as unknown as Record<string, never>,
          }),
        );
        setAdded(saved.version);
        setCheck(null);
        await client.invalidateQueries({ queryKey: ['admin'] });
      } catch (err) {
        const found = issuesOf(err);
        if (found.length) setIssues(found);
        else setFailure(errorText(err, t));
        editor.current?.focus();
      }
    }
    setBusy(false);
  };

  const inForce = detail.versions.find((v) => v.version === detail.current) ?? latest;
  return (
    <Section id="draft" title={t('admin.draft.title')}>
      <p className="mb-4 max-w-prose">{t('admin.draft.intro')}</p>
      {added !== null && (
        <Alert tone="success" title={t('admin.draft.added', { n: added })}>
          <p>{t('admin.draft.addedText')}</p>
        </Alert>
      )}
      {failure && <Alert tone="error" title={failure} />}
      <div className={`mb-6 ${issues.length ? 'border-l-4 border-red-700 pl-3' : ''}`}>
        <label htmlFor="draft-text" className="mb-1 block text-lg font-semibold">
          {t('admin.draft.text')}
        </label>
        <p id="draft-text-hint" className="mb-1 text-slate-700">
          {t('admin.draft.textHint')}
        </p>
        {issues.length > 0 && (
          <div id="draft-text-error" className="mb-2 font-semibold text-red-700">
            <p>{t('admin.draft.problems', { count: issues.length })}</p>
            <ul className="list-disc pl-6">
              {issues.map((i, k) => (
                <li key={k}>
                  {i.path ? (
                    <>
                      <code className="rounded bg-red-50 px-1">{i.path}</code>: {i.message}
                    </>
                  ) : (
                    i.message
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <textarea
          id="draft-text"
          ref={editor}
          value={text}
          rows={18}
          spellCheck={false}
          aria-invalid={issues.length ? true : undefined}
          aria-describedby={`draft-text-hint${issues.length ? ' draft-text-error' : ''}`}
          onInput={(e) => setText(e.currentTarget.value)}
          className="block w-full rounded border-2 border-slate-700 bg-white p-2 font-mono text-sm aria-[invalid=true]:border-red-700"
        />
      </div>
      <fieldset className="mb-4">
        <legend className="mb-2 text-lg font-semibold">{t('admin.draft.sample')}</legend>
        <TextField
          id="draft-received"
          type="datetime-local"
          label={t('admin.draft.receivedAt')}
          value={receivedAt}
          error={receivedError}
          onInput={(e) => setReceivedAt(e.currentTarget.value)}
          className="sm:max-w-xs"
        />
        <SelectField
          id="draft-channel"
          label={t('admin.draft.channel')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`admin.channels.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v)}
        />
      </fieldset>
      <div className="mb-8 flex flex-wrap gap-4">
        <Button
          variant="secondary"
          disabled={busy || !!receivedError}
          onClick={() => void onCheck()}
        >
          {t('admin.draft.check')}
        </Button>
        <Button disabled={busy || !!receivedError} onClick={() => void onAdd()}>
          {t('admin.draft.add')}
        </Button>
      </div>
      {check && (
        <div role="status">
          <p className="mb-4 font-semibold text-green-900">{t('admin.draft.valid')}</p>
          <Deadlines check={check} />
          <LineDiff
            caption={t('admin.diff.caption', { n: inForce?.version ?? '—' })}
            lines={lineDiff(policyText(check.inForce ?? inForce), policyText(check.document))}
          />
        </div>
      )}
    </Section>
  );
}

function Deadlines({ check }: { check: Check }) {
  const { t } = useTranslation();
  const tz = check.document.timezone;
  const due = (iso: string | null, startsOn: string[]) =>
    iso ? (
      <DateTime iso={iso} style="due" timeZone={tz} />
    ) : (
      <span className="text-slate-700">
        {t('admin.draft.startsLater', { events: startsOn.join(', ') || '—' })}
      </span>
    );
  /** Whether the draft's due moment comes later or earlier than the version in force's. */
  const difference = (draft: string | null, inForce: string | null | undefined) => {
    if (!check.inForce || !draft || !inForce) return '—';
    const d = Date.parse(draft) - Date.parse(inForce);
    return t(`admin.draft.differences.${d > 0 ? 'later' : d < 0 ? 'earlier' : 'same'}`);
  };
  return (
    <div
      role="region"
      aria-label={t('admin.draft.deadlines')}
      tabIndex={0}
      className="mb-6 overflow-x-auto"
    >
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">
          {t('admin.draft.deadlines')}
          <span className="block text-base font-normal">
            {t('admin.draft.deadlinesFor', { channel: t(`admin.channels.${check.channel}`) })}{' '}
            <DateTime iso={check.receivedAt} timeZone={tz} />
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              {t('admin.draft.clock')}
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              {t('admin.draft.underDraft')}
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              {t('admin.draft.underInForce')}
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              {t('admin.draft.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {check.deadlines.map((d) => (
            <tr key={d.clock} className="border-b border-slate-300">
              <th scope="row" className="p-2 text-left font-semibold">
                {d.label ?? d.clock}
              </th>
              <td className="p-2">{due(d.dueAt, d.startsOn)}</td>
              <td className="p-2">
                {check.inForce ? due(d.inForceDueAt, d.startsOn) : t('admin.draft.newPolicy')}
              </td>
              <td className="p-2 font-semibold">{difference(d.dueAt, d.inForceDueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
