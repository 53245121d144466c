// Adding a corrective action (what, owner, due date) or updating one (also done on, whether it
// worked and a note). Required fields are checked here first; the server's refusal is shown
// in words beside the form.
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { fieldIssues } from '../../api/client.ts';
import { errorText } from '../../lib/errors.ts';
import { issuesByField, lastKey } from '../../lib/field-issues.ts';
import { addAction, changeAction, type CorrectiveAction } from './api.ts';

type Effectiveness = CorrectiveAction['effectiveness'];
const EFFECTIVENESS: Effectiveness[] = ['unknown', 'effective', 'not_effective'];

export function CorrectiveActionForm({
  reference,
  action,
  owners,
  onDone,
  onCancel,
}: {
  reference: string;
  /** The action to update; absent: a new one. */
  action?: CorrectiveAction;
  owners: { id: string; name: string }[];
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    description: action?.description ?? '',
    ownerId: action?.owner.id ?? '',
    dueOn: action?.dueOn ?? '',
    doneOn: action?.doneOn ?? '',
    effectiveness: action?.effectiveness ?? ('unknown' as Effectiveness),
    effectivenessNote: action?.effectivenessNote ?? '',
  });
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The server's problems with the fields, by field name, said in the language shown. */
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const prefix = `ca-${reference}-${action?.id ?? 'new'}`;
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const required = ['description', 'ownerId', 'dueOn'] as const;
  const missing = required.filter((k) => !v[k].trim());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    setServerErrors({});
    if (missing.length) {
      document.getElementById(`${prefix}-${missing[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      if (action) {
        await changeAction(reference, action.id, {
          description: v.description,
          ownerId: v.ownerId,
          dueOn: v.dueOn,
          doneOn: v.doneOn || null,
          effectiveness: v.effectiveness,
          effectivenessNote: v.effectivenessNote || null,
        });
      } else {
        await addAction(reference, {
          description: v.description,
          ownerId: v.ownerId,
          dueOn: v.dueOn,
        });
      }
      await onDone();
    } catch (err) {
      const { fields, unplaced } = issuesByField(fieldIssues(err), t, (path) =>
        lastKey(path) in v ? lastKey(path) : undefined,
      );
      setServerErrors(fields);
      if (Object.keys(fields).length === 0 || unplaced > 0) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const err = (k: keyof typeof v) =>
    tried && (missing as readonly string[]).includes(k) ? t('lessons.required') : serverErrors[k];

  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={
        action
          ? t('lessons.editOf', { description: action.description })
          : t('lessons.addTo', { reference })
      }
      className="mt-3 max-w-3xl rounded border-2 border-blue-800 p-3 sm:p-4"
    >
      <TextArea
        id={`${prefix}-description`}
        label={t('lessons.description')}
        rows={3}
        value={v.description}
        error={err('description')}
        onChange={(e) => set('description')(e.currentTarget.value)}
      />
      <SelectField
        id={`${prefix}-ownerId`}
        label={t('lessons.owner')}
        value={v.ownerId}
        error={err('ownerId')}
        options={[
          { value: '', label: t('lessons.choose') },
          ...owners.map((o) => ({ value: o.id, label: o.name })),
        ]}
        onChange={set('ownerId')}
      />
      <TextField
        id={`${prefix}-dueOn`}
        label={t('lessons.dueOn')}
        type="date"
        value={v.dueOn}
        error={err('dueOn')}
        onChange={(e) => set('dueOn')(e.currentTarget.value)}
        className="sm:max-w-xs"
      />
      {action && (
        <>
          <TextField
            id={`${prefix}-doneOn`}
            label={t('lessons.doneOn')}
            hint={t('lessons.doneOnHint')}
            optional
            type="date"
            value={v.doneOn}
            error={err('doneOn')}
            onChange={(e) => set('doneOn')(e.currentTarget.value)}
            className="sm:max-w-xs"
          />
          <SelectField
            id={`${prefix}-effectiveness`}
            label={t('lessons.effectiveness')}
            value={v.effectiveness}
            options={EFFECTIVENESS.map((x) => ({ value: x, label: t(`lessons.${x}`) }))}
            onChange={(x) => set('effectiveness')(x || 'unknown')}
          />
          <TextArea
            id={`${prefix}-note`}
            label={t('lessons.note')}
            optional
            rows={3}
            value={v.effectivenessNote}
            error={err('effectivenessNote')}
            onChange={(e) => set('effectivenessNote')(e.currentTarget.value)}
          />
        </>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy}>
          {action ? t('lessons.save') : t('lessons.add')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('lessons.cancel')}
        </Button>
      </div>
    </form>
  );
}
