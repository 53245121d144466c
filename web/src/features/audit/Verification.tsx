// The chain's verification, run on request, its result said in words.
import { useState } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Section } from '../../components/Page.tsx';
import { formatMoment, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { verifyChain, type Verification as Result } from './audit-api.ts';

export function Verification({ complaint }: { complaint: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [result, setResult] = useState<{ scope: string; value: Result } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scope = complaint.trim();
  const run = async () => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult({ scope, value: await verifyChain(scope || undefined) });
    } catch (err) {
      setFailure(errorText(err, t));
    }
    setBusy(false);
  };
  const n = (x: number) => formatNumber(x, lng);
  return (
    <Section id="verify" title={t('audit.verify.title')}>
      <p className="mb-4 max-w-prose">{t('audit.verify.intro')}</p>
      <Button onClick={() => void run()} disabled={busy}>
        {scope ? t('audit.verify.runOne', { reference: scope }) : t('audit.verify.runAll')}
      </Button>
      <div aria-live="polite" className="mt-4">
        {busy && <p>{t('audit.verify.running')}</p>}
        {result &&
          (result.value.intact ? (
            <Alert tone="success" title={t('audit.verify.intact')}>
              <p>
                {t('audit.verify.intactText', {
                  events: n(result.value.events),
                  streams: n(result.value.streams),
                  at: formatMoment(result.value.verifiedAt, lng),
                })}
              </p>
            </Alert>
          ) : (
            <Alert tone="error" title={t('audit.verify.broken')}>
              <p>
                {t('audit.verify.brokenText', {
                  seq: n(result.value.broken!.seq),
                  stream: result.value.broken!.stream,
                  id: result.value.broken!.id,
                })}
              </p>
              <p className="mt-2">
                <span className="font-semibold">{t('audit.verify.problem')}</span>{' '}
                {result.value.broken!.problem}
              </p>
            </Alert>
          ))}
      </div>
      {failure && <Alert tone="error" title={failure} />}
    </Section>
  );
}
