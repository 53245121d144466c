// The ADR scheme's details, once the complaint is deadlocked or referred to it.
import { useTranslation } from '../../i18n/use-translation.ts';
import type { TrackedComplaint } from '../../api/types.ts';
import { Section } from '../../components/Page.tsx';

export function AdrDetails({ data }: { data: TrackedComplaint }) {
  const { t } = useTranslation();
  const scheme = data.adr?.scheme;
  if (!scheme || !['deadlocked', 'referred_to_adr'].includes(data.status)) return null;
  return (
    <Section id="adr" title={t('track.adrTitle')}>
      <p className="mb-3 max-w-prose">{t('track.adrText', { scheme: scheme.name })}</p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {scheme.website && (
          <>
            <dt className="font-bold">{t('track.adrWebsite')}</dt>
            <dd>
              <a
                href={scheme.website}
                className="break-all text-blue-800 underline"
                rel="noreferrer"
              >
                {scheme.website}
              </a>
            </dd>
          </>
        )}
        {scheme.phone && (
          <>
            <dt className="font-bold">{t('track.adrPhone')}</dt>
            <dd>{scheme.phone}</dd>
          </>
        )}
        {scheme.email && (
          <>
            <dt className="font-bold">{t('track.adrEmail')}</dt>
            <dd>{scheme.email}</dd>
          </>
        )}
      </dl>
      {scheme.address?.length ? (
        <address className="mt-2 not-italic">{scheme.address.join(', ')}</address>
      ) : null}
    </Section>
  );
}
