// Any other address inside the app.
import { useTranslation } from '../i18n/use-translation.ts';
import { Link } from 'wouter';
import { Layout } from '../components/Layout.tsx';
import { Page } from '../components/Page.tsx';

export default function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Layout>
      <Page title={t('app.notFoundTitle')}>
        <p className="mb-4">{t('app.notFoundText')}</p>
        <Link href="/" className="text-blue-800 underline">
          {t('app.home')}
        </Link>
      </Page>
    </Layout>
  );
}
