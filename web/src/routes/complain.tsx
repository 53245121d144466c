// `/complain?policy=<id>`: the web form, then the receipt in its place.
import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { Link, useSearch } from 'wouter';
import { settings } from '../app/settings.ts';
import { Alert } from '../components/Alert.tsx';
import { Layout } from '../components/Layout.tsx';
import { Page } from '../components/Page.tsx';
import { ComplaintForm, Receipt, type Sent } from '../features/complaint-form/index.ts';
import { loadStrings } from '../i18n/index.ts';

await loadStrings('complain');

export default function ComplainRoute() {
  const { t } = useTranslation();
  const search = new URLSearchParams(useSearch());
  const policy = search.get('policy') ?? settings.defaultPolicy ?? settings.policies[0]?.id ?? '';
  const [sent, setSent] = useState<Sent | null>(null);
  const known = settings.policies.length === 0 || settings.policies.some((p) => p.id === policy);
  return (
    <Layout>
      {sent ? (
        <Page key="sent" title={t('receipt.title')}>
          <Receipt sent={sent} policy={policy} onAnother={() => setSent(null)} />
        </Page>
      ) : (
        <Page key="form" title={t('complain.title')}>
          {known ? (
            <>
              <p className="mb-6">
                <Link
                  href={`/procedure/${encodeURIComponent(policy)}`}
                  className="text-blue-800 underline"
                >
                  {t('complain.procedureLink')}
                </Link>
              </p>
              <ComplaintForm policy={policy} onSent={setSent} />
            </>
          ) : (
            <Alert tone="error">{t('complain.unknownPolicy', { policy })}</Alert>
          )}
        </Page>
      )}
    </Layout>
  );
}
