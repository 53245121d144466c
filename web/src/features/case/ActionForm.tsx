// The form of one action: the fields its payload needs, a preview of the message it will send
// (rendered by the server in the customer's language), the required content checked before
// sending, and the server's refusal in words beside the form. What is typed is kept as a draft,
// so an expired session (sign in again, come back) or a reload does not lose it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { useDraft } from '../../lib/drafts.ts';
import { fieldIssues } from '../../api/client.ts';
import { errorText } from '../../lib/errors.ts';
import { issuesByField, lastKey } from '../../lib/field-issues.ts';
import { missingFields, payloadOf, type FieldSpec, type FormValues } from './action-forms.ts';
import { previewAction, takeAction, type ActionName, type ActionPreview } from './api.ts';
import { MessagePreview } from './MessagePreview.tsx';

export interface ActionFormProps {
  reference: string;
  action: ActionName;
  fields: readonly FieldSpec[];
  me: string;
  departments: { id: string; name: string }[];
  flags: readonly string[];
  onDone: (action: ActionName) => void | Promise<void>;
  onCancel?: () => void;
  /** Says whether the person has typed something (presence: "editing"). */
  onEditing?: (editing: boolean) => void;
  submitLabel?: string;
  /** False for an action that never writes to the customer (a note): no preview button. */
  previewable?: boolean;
}

const EMPTY: FormValues = {};

export function ActionForm(p: ActionFormProps) {
  const { t } = useTranslation();
  const [values, setValues, clear] = useDraft<FormValues>(`case.${p.reference}.${p.action}`, EMPTY);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [preview, setPreview] = useState<ActionPreview | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  /** The server's problems with the fields, by field name, said in the language shown. */
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${p.action}-${name}`;
  const label = (name: string) => t(`case.fields.${name}`);

  const set = (name: string, v: string) => {
    setValues((prev) => ({ ...prev, [name]: v }));
    setServerErrors(({ [name]: _done, ...rest }) => rest);
    p.onEditing?.(true);
  };

  const checkFields = (): boolean => {
    const missing = missingFields(p.fields, values);
    setInvalid(missing);
    if (missing.length) document.getElementById(id(missing[0]!))?.focus();
    return missing.length === 0;
  };

  /** A refusal: its field problems beside the form's fields, and what no field holds above. */
  const refused = (err: unknown) => {
    const names = new Set(p.fields.map((f) => f.name));
    const { fields, unplaced } = issuesByField(fieldIssues(err), t, (path) =>
      names.has(lastKey(path)) ? lastKey(path) : undefined,
    );
    setServerErrors(fields);
    if (Object.keys(fields).length === 0 || unplaced > 0) setError(errorText(err, t));
  };

  const showPreview = async () => {
    setError(null);
    setBusy(true);
    try {
      setPreview(await previewAction(p.reference, p.action, payloadOf(p.fields, values, p.me)));
    } catch (err) {
      refused(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setServerErrors({});
    if (!checkFields()) return;
    setBusy(true);
    try {
      const body = payloadOf(p.fields, values, p.me);
      // Required content first: a message that lacks it is shown, not sent.
      const pv = p.previewable === false ? null : await previewAction(p.reference, p.action, body);
      if (p.previewable !== false) setPreview(pv);
      if (pv && pv.missing.length > 0) {
        setError(t('case.form.missingContent'));
        return;
      }
      await takeAction(p.reference, p.action, body);
      clear();
      p.onEditing?.(false);
      await p.onDone(p.action);
    } catch (err) {
      refused(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label={t(`case.actions.${p.action}`)}>
      {p.fields.length === 0 && <p className="mb-4">{t('case.form.noFields')}</p>}
      {p.fields.map((f) => {
        const common = {
          id: id(f.name),
          label: label(f.name),
          optional: !f.required,
          error:
            invalid.includes(f.name) && !(values[f.name] ?? '').trim()
              ? t('case.form.required')
              : serverErrors[f.name],
          hint:
            f.audience === 'customer'
              ? t('case.form.forCustomer')
              : f.audience === 'staff'
                ? t('case.form.forStaff')
                : f.kind === 'lines'
                  ? t('case.form.onePerLine')
                  : undefined,
        };
        const value = values[f.name] ?? '';
        if (f.kind === 'textarea' || f.kind === 'lines') {
          return (
            <TextArea
              key={f.name}
              {...common}
              hint={f.kind === 'lines' ? t('case.form.onePerLine') : common.hint}
              value={value}
              onChange={(e) => set(f.name, e.currentTarget.value)}
            />
          );
        }
        if (f.kind === 'select' || f.kind === 'department' || f.kind === 'assignee') {
          const options =
            f.kind === 'department'
              ? p.departments.map((d) => ({ value: d.id, label: d.name }))
              : f.kind === 'assignee'
                ? [
                    { value: 'me', label: t('case.form.assignMe') },
                    { value: 'nobody', label: t('case.form.assignNobody') },
                  ]
                : (f.name === 'flag' && p.action === 'unflag' ? p.flags : (f.options ?? [])).map(
                    (o) => ({ value: o, label: t(`case.options.${f.name}.${o}`) }),
                  );
          return (
            <SelectField
              key={f.name}
              {...common}
              value={value}
              options={[{ value: '', label: t('case.form.choose') }, ...options]}
              onChange={(v) => set(f.name, v)}
            />
          );
        }
        return (
          <TextField
            key={f.name}
            {...common}
            type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'}
            value={value}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      })}
      {error && <Alert tone="error">{error}</Alert>}
      {preview !== undefined && <MessagePreview preview={preview} />}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy}>
          {p.submitLabel ?? t('case.form.submit', { action: t(`case.actions.${p.action}`) })}
        </Button>
        {p.previewable !== false && (
          <Button variant="secondary" disabled={busy} onClick={() => void showPreview()}>
            {t('case.form.preview')}
          </Button>
        )}
        {p.onCancel && (
          <Button variant="secondary" onClick={p.onCancel}>
            {t('case.form.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
