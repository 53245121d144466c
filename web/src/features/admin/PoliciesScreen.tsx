// /admin/policies: every policy and its versions (each readable as procedure text), and a new
// version drafted, checked, compared with the version in force and added.
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { usePolicies, usePolicy } from './admin-api.ts';
import { PolicyDraft } from './PolicyDraft.tsx';
import { PolicyPicker } from './PolicyPicker.tsx';
import { PolicyVersions } from './PolicyVersions.tsx';

export function PoliciesScreen() {
  const { t } = useTranslation();
  const list = usePolicies();
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen ?? list.data?.items[0]?.id ?? null;
  const detail = usePolicy(id);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadFailed error={list.error} retry={() => void list.refetch()} />;
  return (
    <>
      <DataTable
        caption={t('admin.policies.list')}
        rows={list.data.items}
        rowKey={(p) => p.id}
        columns={[
          { header: t('admin.policies.name'), cell: (p) => p.name },
          { header: t('admin.policies.id'), cell: (p) => <code>{p.id}</code> },
          {
            header: t('admin.policies.current'),
            cell: (p) => (p.current === null ? t('admin.policies.noneInForce') : p.current),
          },
          { header: t('admin.policies.count'), cell: (p) => p.versions.length },
        ]}
      />
      <PolicyPicker policies={list.data.items} value={id ?? ''} onChange={setChosen} />
      {detail.isPending && <Loading />}
      {detail.isError && <LoadFailed error={detail.error} retry={() => void detail.refetch()} />}
      {detail.data && (
        <div key={detail.data.id}>
          <PolicyDraft detail={detail.data} />
          <PolicyVersions detail={detail.data} />
        </div>
      )}
    </>
  );
}
