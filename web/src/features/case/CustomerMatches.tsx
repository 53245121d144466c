// "Possibly the same customer": other customers with this complaint's email or phone. Intake
// never joins them (anyone can type anyone's email into the web form); a member of staff who
// has confirmed who is who links the complaint to the earlier customer, saying how.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { TextArea } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { customerMatchesQuery, linkCustomer, type Complaint, type CustomerMatch } from './api.ts';

export function CustomerMatches({ c, onLinked }: { c: Complaint; onLinked: () => Promise<void> }) {
  const { t } = useTranslation();
  const q = useQuery({ ...customerMatchesQuery(c.reference), enabled: true });
  const items = q.data ?? [];
  if (items.length === 0) return null;
  return (
    <Section id="customer-matches" title={t('case.matches.title')}>
      <p className="mb-3 max-w-3xl text-slate-800">{t('case.matches.intro')}</p>
      <ul className="mb-6 flex max-w-4xl flex-col gap-3">
        {items.map((m) => (
          <MatchItem key={m.customerId} c={c} m={m} onLinked={onLinked} />
        ))}
      </ul>
    </Section>
  );
}

function MatchItem({
  c,
  m,
  onLinked,
}: {
  c: Complaint;
  m: CustomerMatch;
  onLinked: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = `match-${m.customerId}-reason`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(field)?.focus();
      return;
    }
    try {
      await linkCustomer(c.reference, { customerId: m.customerId, reason: reason.trim() });
      await onLinked();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <li className="rounded border-2 border-amber-700 p-3">
      <p className="font-semibold">
        {m.name} —{' '}
        {t(`case.matches.on.${m.matchedOn}`, {
          value: m.matchedOn === 'email' ? m.email : m.phone,
        })}
      </p>
      {m.complaints.length > 0 && (
        <ul aria-label={t('case.matches.theirComplaints', { name: m.name })} className="mb-2">
          {m.complaints.map((x) => (
            <li key={x.reference}>
              <Link href={`/complaints/${x.reference}`} className="text-blue-800 underline">
                {x.reference}
              </Link>{' '}
              — {t(`case.status.${x.status}`, { defaultValue: x.status })},{' '}
              <DateTime iso={x.receivedAt} timeZone={c.timezone} />
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={(e) => void submit(e)}>
        {error && <Alert tone="error">{error}</Alert>}
        <TextArea
          id={field}
          label={t('case.matches.how', { name: m.name })}
          error={missing && !reason.trim() ? t('case.form.required') : undefined}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button type="submit" variant="secondary">
          {t('case.matches.link', { name: m.name })}
        </Button>
      </form>
    </li>
  );
}
