// After sending: the reference, the promises with their dates, and the tracking link.
import { useTranslation } from '../../i18n/use-translation.ts';
import { policyFacts } from '../../app/settings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Section } from '../../components/Page.tsx';
import { PromiseList } from '../tracking/Promises.tsx';
import type { Sent } from './ComplaintForm.tsx';

export function Receipt({
  sent,
  policy,
  onAnother,
}: {
  sent: Sent;
  policy: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { receipt, failedUploads } = sent;
  const timeZone = policyFacts(policy)?.timezone;
  const trackPath = `/track/${encodeURIComponent(receipt.reference)}?token=${encodeURIComponent(receipt.trackingToken)}`;
  return (
    <>
      <div className="mb-8 rounded border-4 border-green-800 bg-green-50 p-6">
        <p className="text-lg">{t('receipt.reference')}</p>
        <p className="text-3xl font-bold break-all">{receipt.reference}</p>
      </div>
      {failedUploads.map((f) => (
        <Alert key={f} tone="error">
          {f}
        </Alert>
      ))}
      <Section id="next" title={t('receipt.promises')}>
        <PromiseList
          deadlines={receipt.deadlines.map((d) => ({
            clock: d.clock,
            label: d.clock,
            dueAt: d.dueAt,
          }))}
          now={receipt.receivedAt}
          timeZone={timeZone}
        />
      </Section>
      <Section id="link" title={t('receipt.trackingLink')}>
        <p className="mb-3 max-w-prose">{t('receipt.saveLink')}</p>
        <p className="mb-4 rounded border border-slate-400 bg-slate-50 p-3 font-mono text-sm break-all">
          {receipt.trackingUrl}
        </p>
        <div className="flex flex-wrap gap-4">
          <ButtonLink href={trackPath}>{t('receipt.openTracking')}</ButtonLink>
          <CopyButton text={receipt.trackingUrl} label={t('receipt.copyLink')} />
        </div>
      </Section>
      <Button variant="secondary" onClick={onAnother}>
        {t('receipt.another')}
      </Button>
    </>
  );
}
