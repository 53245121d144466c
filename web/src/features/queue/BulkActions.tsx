// What can be done to the selected complaints at once: assign them, or transfer them to a
// department. "Select all that match" selects across pages: the server applies the change to
// every complaint the filters match, and says which it could not change and why.
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { useAssignees, useBulkChange, useDepartments, type Selection } from './api.ts';

export function BulkActions({
  selectedCount,
  offerAllMatching,
  allMatching,
  selection,
  canAssign,
  canTransfer,
  onSelectAllMatching,
  onClear,
}: {
  selectedCount: number;
  /** Every complaint on the page is selected and there are more pages. */
  offerAllMatching: boolean;
  allMatching: boolean;
  selection: Selection;
  canAssign: boolean;
  canTransfer: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  const departments = useDepartments();
  const bulk = useBulkChange();
  const [assignee, setAssignee] = useState('');
  const [department, setDepartment] = useState('');
  const [reason, setReason] = useState('');
  const any = selectedCount > 0 || allMatching;

  const assign = (e: FormEvent) => {
    e.preventDefault();
    if (!assignee) return;
    bulk.mutate(
      { action: 'assign', selection, assigneeId: assignee === 'none' ? null : assignee },
      { onSuccess: onClear },
    );
  };
  const transfer = (e: FormEvent) => {
    e.preventDefault();
    if (!department) return;
    bulk.mutate(
      {
        action: 'transfer',
        selection,
        departmentId: department,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      { onSuccess: onClear },
    );
  };

  // Nothing selected: only the result of the last change, if there is one.
  if (!any && !bulk.data && !bulk.error) return null;
  return (
    <section aria-labelledby="bulk-heading" className="mb-6 rounded border-2 border-slate-300 p-4">
      <h2 id="bulk-heading" className="mb-2 text-xl font-bold">
        {t('queue.bulk')}
      </h2>
      {any && (
        <p className="mb-3 font-semibold">
          {allMatching ? t('queue.allMatching') : t('queue.selected', { count: selectedCount })}
        </p>
      )}
      <div className="mb-4 flex flex-wrap gap-3">
        {offerAllMatching && !allMatching && (
          <Button variant="secondary" onClick={onSelectAllMatching}>
            {t('queue.selectAllMatching')}
          </Button>
        )}
        {any && (
          <Button variant="secondary" onClick={onClear}>
            {t('queue.clearSelection')}
          </Button>
        )}
      </div>
      {bulk.data && (
        <Alert tone={bulk.data.refused.length ? 'info' : 'success'}>
          <p>{t('queue.bulkDone', { count: bulk.data.changed.length })}</p>
          {bulk.data.refused.length > 0 && (
            <ul className="list-disc pl-6">
              {bulk.data.refused.map((r) => (
                <li key={r.reference}>
                  {t('queue.bulkRefused', { reference: r.reference, message: r.message })}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {bulk.error && <Alert tone="error">{errorText(bulk.error, t)}</Alert>}
      {any && (
        <div className="grid gap-x-6 md:grid-cols-2">
          {canAssign && (
            <form onSubmit={assign} aria-label={t('queue.assign')}>
              <SelectField
                id="bulk-assignee"
                label={t('queue.assignTo')}
                value={assignee}
                onChange={setAssignee}
                options={[
                  { value: '', label: t('queue.chooseSomeone') },
                  { value: 'none', label: t('queue.nobody') },
                  ...(assignees.data ?? []).map((a) => ({ value: a.id, label: a.name })),
                ]}
              />
              <Button type="submit" disabled={bulk.isPending || !assignee}>
                {t('queue.assign')}
              </Button>
            </form>
          )}
          {canTransfer && (
            <form onSubmit={transfer} aria-label={t('queue.transfer')}>
              <SelectField
                id="bulk-department"
                label={t('queue.transferTo')}
                value={department}
                onChange={setDepartment}
                options={[
                  { value: '', label: t('queue.chooseDepartment') },
                  ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
                ]}
              />
              <TextField
                id="bulk-reason"
                label={t('queue.transferReason')}
                optional
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
              <Button type="submit" disabled={bulk.isPending || !department}>
                {t('queue.transfer')}
              </Button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
