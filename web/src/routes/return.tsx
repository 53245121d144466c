// `/returns/{kind}`, `/returns/{kind}/complaints` and `/returns/{kind}/filed/{id}`: one
// regulator return computed for a period, the complaints behind one of its figures, and one
// filed snapshot.
import { useRoute } from 'wouter';
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { FiledReturnScreen, ReturnDrillScreen, ReturnScreen } from '../features/reports/index.ts';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('queue'), loadStrings('reports')]);

export default function ReturnRoute() {
  const { t } = useTranslation();
  const [, one] = useRoute<{ kind: string }>('/returns/:kind');
  const [, drill] = useRoute<{ kind: string }>('/returns/:kind/complaints');
  const [, filed] = useRoute<{ kind: string; id: string }>('/returns/:kind/filed/:id');
  const kind = decodeURIComponent(one?.kind ?? drill?.kind ?? filed?.kind ?? '');
  const title = t(`reports.returns.kinds.${kind}`, { defaultValue: kind });
  return (
    <RequireStaff roles={['manager', 'administrator', 'auditor']}>
      {(session) =>
        filed ? (
          <Page title={title}>
            <FiledReturnScreen kind={kind} id={Number(filed.id)} />
          </Page>
        ) : drill ? (
          <Page title={t('reports.drill.title')}>
            <ReturnDrillScreen kind={kind} />
          </Page>
        ) : (
          <Page title={title}>
            <ReturnScreen kind={kind} session={session} />
          </Page>
        )
      }
    </RequireStaff>
  );
}
