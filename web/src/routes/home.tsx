// `/`: what a customer can do (complain, follow a complaint, read the procedure) and the way in
// for staff.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { Link, useLocation } from 'wouter';
import { settings } from '../app/settings.ts';
import { Button, ButtonLink } from '../components/Button.tsx';
import { TextField } from '../components/Field.tsx';
import { Layout } from '../components/Layout.tsx';
import { Page, Section } from '../components/Page.tsx';

export default function HomeRoute() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [reference, setReference] = useState('');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<'reference' | 'code' | null>(null);
  const follow = (e: FormEvent) => {
    e.preventDefault();
    const ref = reference.trim().toUpperCase();
    const token = code.trim().replace(/^.*token=/, '');
    if (!ref || !token) {
      setMissing(!ref ? 'reference' : 'code');
      document.getElementById(!ref ? 'track-reference' : 'track-code')?.focus();
      return;
    }
    navigate(`/track/${encodeURIComponent(ref)}?token=${encodeURIComponent(token)}`);
  };
  return (
    <Layout>
      <Page title={t('home.title')}>
        <p className="mb-8 max-w-prose text-lg">{t('home.intro')}</p>
        <div className="grid gap-8 md:grid-cols-2">
          <Section id="complain" title={t('home.complainTitle')}>
            <p className="mb-4">{t('home.complainText')}</p>
            <ButtonLink href="/complain">{t('home.complainLink')}</ButtonLink>
          </Section>
          <Section id="follow" title={t('home.trackTitle')}>
            <p className="mb-4">{t('home.trackText')}</p>
            <form noValidate onSubmit={follow}>
              <TextField
                id="track-reference"
                label={t('home.reference')}
                hint={t('home.referenceHint')}
                value={reference}
                error={
                  missing === 'reference' && !reference.trim()
                    ? t('field.invalidRequired', { field: t('home.reference').toLowerCase() })
                    : undefined
                }
                onChange={(e) => setReference(e.currentTarget.value)}
                autoComplete="off"
              />
              <TextField
                id="track-code"
                label={t('home.trackingCode')}
                hint={t('home.trackingCodeHint')}
                value={code}
                error={
                  missing === 'code' && !code.trim()
                    ? t('field.invalidRequired', { field: t('home.trackingCode').toLowerCase() })
                    : undefined
                }
                onChange={(e) => setCode(e.currentTarget.value)}
                autoComplete="off"
              />
              <Button type="submit" variant="secondary">
                {t('home.trackButton')}
              </Button>
            </form>
          </Section>
        </div>
        {settings.policies.length > 0 && (
          <Section id="procedures" title={t('home.procedureTitle')}>
            <ul className="list-disc pl-6">
              {settings.policies.map((p) => (
                <li key={p.id} className="py-1">
                  <Link href={`/procedure/${p.id}`} className="text-blue-800 underline">
                    {p.name} ({p.id})
                  </Link>
                </li>
              ))}
            </ul>
          </Section>
        )}
        <Section id="staff" title={t('home.staffTitle')}>
          <p className="mb-4">{t('home.staffText')}</p>
          <ButtonLink href="/login" variant="secondary">
            {t('home.staffLink')}
          </ButtonLink>
        </Section>
      </Page>
    </Layout>
  );
}
