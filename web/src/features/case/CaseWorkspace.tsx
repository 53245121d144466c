// `/complaints/{reference}`: everything about one complaint that a member of staff works with.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Session } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { ActionForm } from './ActionForm.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { ACTION_FORMS } from './action-forms.ts';
import { complaintQuery, departmentsQuery, type ActionName } from './api.ts';
import { Clocks } from './Clocks.tsx';
import { CustomerMatches } from './CustomerMatches.tsx';
import { NextStep } from './NextStep.tsx';
import { PresenceWarning, usePresence } from './presence.tsx';
import { Attachments, Letters, Messages, Timeline } from './Records.tsx';
import { MailClaims, SenderReview } from './SenderReview.tsx';
import { Summary } from './Summary.tsx';
import { Tasks } from './Tasks.tsx';

export function CaseWorkspace({ reference, session }: { reference: string; session: Session }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const q = useQuery(complaintQuery(reference));
  const departments = useQuery(departmentsQuery()).data?.items ?? [];
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const caps = session.capabilities as Record<string, boolean>;
  const others = usePresence(reference, editing, caps['presence.record'] === true);
  const refresh = useCallback(
    () => client.invalidateQueries({ queryKey: ['complaint', reference] }),
    [client, reference],
  );
  const onDone = async (action: ActionName) => {
    setEditing(false);
    await refresh();
    setDone(t('case.done', { action: t(`case.actions.${action}`) }));
  };

  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const c = q.data;
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  return (
    <Page
      title={t('case.title', { reference: c.reference })}
      heading={t('case.heading', { reference: c.reference })}
    >
      <p className="-mt-4 mb-6 text-xl text-slate-800">{c.subject}</p>
      <PresenceWarning others={others} />
      <div role="status">{done && <Alert tone="success">{done}</Alert>}</div>
      <SenderReview c={c} onConfirmed={refresh} />
      <MailClaims c={c} />
      <NextStep c={c} />
      <ActionPanel
        c={c}
        me={session.user.id}
        departments={departments}
        onDone={onDone}
        onEditing={setEditing}
      />
      <Summary c={c} me={session.user.id} departmentName={departmentName} />
      {c.capabilities['customer.match'] && <CustomerMatches c={c} onLinked={refresh} />}
      <Clocks clocks={c.deadlines} timeZone={c.timezone} />
      {c.allowedActions.includes('add-note') && (
        <section id="notes" aria-labelledby="notes-heading" className="mb-8 max-w-3xl">
          <h2 id="notes-heading" className="mb-1 text-2xl font-bold">
            {t('case.notes.title')}
          </h2>
          <p className="mb-3 text-slate-800">{t('case.notes.mentionHint')}</p>
          <ActionForm
            reference={c.reference}
            action="add-note"
            fields={ACTION_FORMS['add-note']}
            me={session.user.id}
            departments={departments}
            flags={c.flags}
            onEditing={setEditing}
            onDone={onDone}
            submitLabel={t('case.notes.add')}
            previewable={false}
          />
        </section>
      )}
      <Tasks
        c={c}
        canCreate={caps['task.create'] === true}
        canComplete={caps['task.complete'] === true}
        departments={departments}
        onChanged={refresh}
      />
      <Messages c={c} />
      <Letters c={c} canPost={c.capabilities['letter.post'] === true} onPosted={refresh} />
      <Attachments c={c} />
      <Timeline c={c} />
    </Page>
  );
}
