// `/procedure/{policy}`: the published procedure, generated from the policy, with its PDF.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../i18n/use-translation.ts';
import { useParams } from 'wouter';
import { api, call } from '../api/client.ts';
import type { Procedure } from '../api/types.ts';
import { policyFacts } from '../app/settings.ts';
import { ButtonLink } from '../components/Button.tsx';
import { Layout } from '../components/Layout.tsx';
import { Page } from '../components/Page.tsx';
import { LoadFailed, Loading } from '../components/States.tsx';
import { ProcedureText, parseProcedure } from '../features/procedure/index.ts';
import { currentLanguage } from '../i18n/index.ts';

export default function ProcedureRoute() {
  const { t } = useTranslation();
  const { policy = '' } = useParams<{ policy: string }>();
  const lng = currentLanguage();
  const facts = policyFacts(policy);
  // The procedure in the language shown when the policy publishes it, else its first language.
  const lang = !facts || facts.languages.includes(lng) ? lng : (facts.languages[0] as 'en' | 'vi');
  const query = useQuery({
    queryKey: ['procedure', policy, lang],
    queryFn: async () =>
      (await call(
        api.GET('/api/v1/policies/{id}/procedure', {
          params: { path: { id: policy }, query: { lang, format: 'json' } },
        }),
      )) as Procedure,
    retry: false,
  });
  const blocks = query.data ? parseProcedure(query.data.text) : [];
  const title = blocks.find((b) => b.kind === 'title');
  const heading = title && 'text' in title ? title.text : (facts?.name ?? t('procedure.title'));
  return (
    <Layout>
      <Page title={heading}>
        {query.isPending && <Loading />}
        {query.isError && <LoadFailed error={query.error} />}
        {query.data && (
          <>
            <div lang={query.data.lang}>
              <ProcedureText blocks={blocks} />
            </div>
            <div className="mt-8 flex flex-wrap gap-4">
              <a
                href={`/api/v1/policies/${encodeURIComponent(policy)}/procedure.pdf?lang=${lang}`}
                className="inline-flex min-h-11 items-center rounded border-2 border-blue-800 bg-white px-4 font-semibold text-blue-900 underline"
              >
                {t('procedure.pdf')}
              </a>
              <ButtonLink href={`/complain?policy=${encodeURIComponent(policy)}`}>
                {t('procedure.complain')}
              </ButtonLink>
            </div>
          </>
        )}
      </Page>
    </Layout>
  );
}
