// The staff queue: saved views with counts, search and filters (kept in the URL), the page of
// complaints sorted by next due with a badge per open clock, selection across pages for bulk
// assign and transfer, keyboard navigation, and a refresh every 30 seconds that keeps the
// selection and the place in the list.
import { useMemo, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Session } from '../../api/types.ts';
import { ButtonLink, Button } from '../../components/Button.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import {
  useAssignees,
  useDepartments,
  useQueuePage,
  useQueueViews,
  type Selection,
} from './api.ts';
import { BulkActions } from './BulkActions.tsx';
import { QueueFilters, SearchBox } from './QueueFilters.tsx';
import { QueueList, rowLinkId } from './QueueList.tsx';
import { apiQuery, readParams, toSearch, type QueueParams } from './queue-params.ts';
import { SavedViews } from './SavedViews.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { useQueueKeys } from './use-queue-keys.ts';

export function QueueScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = useMemo(() => readParams(search), [search]);
  const query = useMemo(() => apiQuery(params), [params]);
  const queryKey = JSON.stringify(query);

  // Paging by cursor: the cursors of the pages before this one. A new query starts again.
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({
    key: queryKey,
    cursors: [null],
  });
  const cursors = pages.key === queryKey ? pages.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;

  // The selection survives refreshes and page changes; a new query clears it.
  const [sel, setSel] = useState<{ key: string; refs: Set<string>; all: boolean }>({
    key: queryKey,
    refs: new Set(),
    all: false,
  });
  const selected = sel.key === queryKey ? sel.refs : new Set<string>();
  const allMatching = sel.key === queryKey && sel.all;
  const [active, setActive] = useState(0);
  const [help, setHelp] = useState(false);

  const page = useQueuePage(query, cursor);
  const views = useQueueViews();
  const assignees = useAssignees();
  const departments = useDepartments();
  const items = page.data?.items ?? [];
  const names = useMemo(
    () => ({
      users: new Map((assignees.data ?? []).map((a) => [a.id, a.name])),
      departments: new Map((departments.data ?? []).map((d) => [d.id, d.name])),
    }),
    [assignees.data, departments.data],
  );

  const apply = (p: QueueParams) => navigate(`/queue${toSearch(p)}`);
  const toggle = (ref: string) =>
    setSel(() => {
      const refs = new Set(selected);
      if (refs.has(ref)) refs.delete(ref);
      else refs.add(ref);
      return { key: queryKey, refs, all: false };
    });
  const clear = () => setSel({ key: queryKey, refs: new Set(), all: false });
  const focusRow = (i: number) => {
    const at = Math.max(0, Math.min(items.length - 1, i));
    setActive(at);
    document.getElementById(rowLinkId(at))?.focus();
  };
  const pageAllSelected = items.length > 0 && items.every((c) => selected.has(c.reference));

  useQueueKeys({
    move: (by) =>
      focusRow(document.activeElement?.id.startsWith('queue-row-') ? active + by : active),
    open: () => {
      const c = items[active];
      if (c) navigate(`/complaints/${c.reference}`);
    },
    toggle: () => {
      const c = items[active];
      if (c) toggle(c.reference);
    },
    search: () => document.getElementById('queue-search')?.focus(),
    help: () => setHelp(true),
  });

  const selection: Selection = allMatching ? { filter: query } : { references: [...selected] };
  const canAssign = session.capabilities['action.assign'];
  const canTransfer = session.capabilities['action.transfer'];
  const updated = page.dataUpdatedAt
    ? new Intl.DateTimeFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', {
        timeStyle: 'short',
      }).format(page.dataUpdatedAt)
    : null;

  return (
    <>
      <div className="mb-4 flex flex-wrap gap-3">
        {session.capabilities['complaint.create'] && (
          <ButtonLink href="/complaints/new">{t('queue.logNew')}</ButtonLink>
        )}
        <Button variant="secondary" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          {t('queue.shortcuts.open')}
        </Button>
      </div>
      <SavedViews views={views.data} params={params} />
      <SearchBox params={params} onApply={apply} />
      <QueueFilters params={params} onApply={apply} />
      {(canAssign || canTransfer) && (
        <BulkActions
          selectedCount={selected.size}
          offerAllMatching={pageAllSelected && !!page.data?.nextCursor}
          allMatching={allMatching}
          selection={selection}
          canAssign={canAssign}
          canTransfer={canTransfer}
          onSelectAllMatching={() => setSel({ key: queryKey, refs: new Set(), all: true })}
          onClear={clear}
        />
      )}
      {page.isPending ? (
        <Loading />
      ) : page.isError && !page.data ? (
        <LoadFailed error={page.error} retry={() => void page.refetch()} />
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <label className="inline-flex min-h-11 cursor-pointer items-center gap-3 font-semibold">
              <input
                type="checkbox"
                checked={allMatching || pageAllSelected}
                disabled={allMatching || items.length === 0}
                onChange={() =>
                  setSel(() => {
                    const refs = new Set(selected);
                    for (const c of items) {
                      if (pageAllSelected) refs.delete(c.reference);
                      else refs.add(c.reference);
                    }
                    return { key: queryKey, refs, all: false };
                  })
                }
                className="h-6 w-6 accent-blue-800"
              />
              {t('queue.selectPage')}
            </label>
            <p className="text-slate-700">
              {updated && t('queue.updated', { time: updated })}{' '}
              <Button variant="secondary" onClick={() => void page.refetch()}>
                {t('queue.refresh')}
              </Button>
            </p>
          </div>
          {items.length === 0 ? (
            <p className="mb-6">{t('queue.empty')}</p>
          ) : (
            <QueueList
              items={items}
              now={page.dataUpdatedAt || Date.now()}
              selected={selected}
              allMatching={allMatching}
              onToggle={toggle}
              onFocusRow={setActive}
              names={names}
              busy={page.isPlaceholderData}
            />
          )}
          <nav aria-label={t('queue.pages')} className="flex flex-wrap gap-3">
            {cursors.length > 1 && (
              <Button
                variant="secondary"
                onClick={() => setPages({ key: queryKey, cursors: cursors.slice(0, -1) })}
              >
                {t('queue.previous')}
              </Button>
            )}
            {page.data?.nextCursor && (
              <Button
                variant="secondary"
                onClick={() =>
                  setPages({ key: queryKey, cursors: [...cursors, page.data!.nextCursor] })
                }
              >
                {t('queue.next')}
              </Button>
            )}
          </nav>
        </>
      )}
      <ShortcutSheet open={help} onClose={() => setHelp(false)} />
    </>
  );
}
