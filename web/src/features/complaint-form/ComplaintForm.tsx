// The web form (SPEC §7 /complain): who the customer is and how to reach them, the complaint,
// what would put it right, files, and any adjustments they need. Checked here first, then by
// the server, whose refusals land on the same fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { fieldIssues } from '../../api/client.ts';
import type { ComplaintReceipt } from '../../api/types.ts';
import { settings } from '../../app/settings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useDraft } from '../../lib/drafts.ts';
import { errorText } from '../../lib/errors.ts';
import { serverFieldErrors } from './server-errors.ts';
import { complaintBody, sendComplaint, uploadFile } from './submit.ts';
import {
  EMPTY_DRAFT,
  problemsOf,
  validateComplaint,
  type ComplaintDraft,
  type ContactMethod,
  type FieldId,
} from './validate.ts';

export interface Sent {
  receipt: ComplaintReceipt;
  /** Files that could not be attached, with why. */
  failedUploads: string[];
}

const CONTACT_METHODS: ContactMethod[] = ['email', 'phone', 'post', 'portal'];

export function ComplaintForm({ policy, onSent }: { policy: string; onSent: (s: Sent) => void }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [draft, setDraft, clearDraft] = useDraft<ComplaintDraft>(
    `complaint.${policy}`,
    EMPTY_DRAFT,
  );
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldId, string>>>({});
  const [formProblems, setFormProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);

  const set =
    <K extends keyof ComplaintDraft>(key: K) =>
    (value: ComplaintDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      if (errors[key as FieldId]) setErrors((e) => ({ ...e, [key]: undefined }));
    };
  const input = (key: Exclude<keyof ComplaintDraft, 'preferredContact'>) => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const found = validateComplaint(draft, t);
    setErrors(found);
    setFormProblems([]);
    if (Object.keys(found).length > 0) return;
    setBusy(t('complain.sending'));
    try {
      const receipt = await sendComplaint(complaintBody(policy, draft, lng));
      const failedUploads: string[] = [];
      for (const f of files) {
        setBusy(t('complain.uploading', { name: f.name }));
        try {
          await uploadFile(receipt.reference, receipt.trackingToken, f);
        } catch (err) {
          failedUploads.push(
            t('complain.uploadFailed', { name: f.name, reason: errorText(err, t) }),
          );
        }
      }
      clearDraft();
      onSent({ receipt, failedUploads });
    } catch (err) {
      const { fields, rest } = serverFieldErrors(fieldIssues(err), t);
      setErrors(fields);
      setFormProblems(
        Object.keys(fields).length > 0 && rest.length === 0
          ? []
          : [{ field: null, message: errorText(err, t) }],
      );
    } finally {
      setBusy(null);
    }
  };

  const problems = [...formProblems, ...problemsOf(errors)];
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-describedby="complain-intro">
      <ErrorSummary problems={problems} focusKey={attempt} />
      <p id="complain-intro" className="mb-6 max-w-prose text-lg">
        {t('complain.intro')}
      </p>
      <fieldset className="mb-4">
        <legend className="mb-4 text-2xl font-bold">{t('complain.aboutYou')}</legend>
        <TextField
          id="name"
          label={t('complain.name')}
          autoComplete="name"
          error={errors.name}
          {...input('name')}
        />
        <TextField
          id="email"
          type="email"
          label={t('complain.email')}
          hint={t('complain.emailHint')}
          autoComplete="email"
          optional
          error={errors.email}
          {...input('email')}
        />
        <TextField
          id="phone"
          type="tel"
          label={t('complain.phone')}
          autoComplete="tel"
          optional
          error={errors.phone}
          {...input('phone')}
        />
        <SelectField
          id="preferredContact"
          label={t('complain.preferredContact')}
          optional
          error={errors.preferredContact}
          value={draft.preferredContact}
          onChange={set('preferredContact')}
          options={[
            { value: '' as const, label: t('complain.contact_none') },
            ...CONTACT_METHODS.map((m) => ({ value: m, label: t(`complain.contact_${m}`) })),
          ]}
        />
        <TextArea
          id="address"
          rows={3}
          label={t('complain.address')}
          hint={t('complain.addressHint')}
          autoComplete="street-address"
          optional
          error={errors.address}
          {...input('address')}
        />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="mb-4 text-2xl font-bold">{t('complain.aboutComplaint')}</legend>
        <TextField
          id="subject"
          label={t('complain.subject')}
          hint={t('complain.subjectHint')}
          error={errors.subject}
          {...input('subject')}
        />
        <TextArea
          id="description"
          rows={8}
          label={t('complain.description')}
          hint={t('complain.descriptionHint')}
          error={errors.description}
          {...input('description')}
        />
        <TextArea
          id="remedy"
          rows={3}
          label={t('complain.remedy')}
          hint={t('complain.remedyHint')}
          optional
          error={errors.remedy}
          {...input('remedy')}
        />
        <FileDrop
          id="attachments"
          label={t('complain.attachments')}
          hint={t('complain.attachmentsHint', {
            count: settings.maxFiles,
            size: formatBytes(settings.maxUploadBytes, lng),
          })}
          files={files}
          onChange={setFiles}
          maxBytes={settings.maxUploadBytes}
          maxFiles={settings.maxFiles}
        />
        <TextArea
          id="needs"
          rows={3}
          label={t('complain.needs')}
          hint={t('complain.needsHint')}
          optional
          error={errors.needs}
          {...input('needs')}
        />
      </fieldset>
      {busy && <Alert tone="info">{busy}</Alert>}
      <Button type="submit" disabled={busy !== null}>
        {t('complain.send')}
      </Button>
    </form>
  );
}
