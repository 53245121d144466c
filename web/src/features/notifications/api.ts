// The signed-in person's unread notifications (due soon, breached, customer replied, approval
// needed), refreshed every 30 seconds, and marking one read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { components } from '../../api/schema.js';

export type Notification = components['schemas']['Notification'];
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: async () => (await call(api.GET('/api/v1/notifications'))).items as Notification[],
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (_data, id) => {
      client.setQueryData<Notification[]>(NOTIFICATIONS_KEY, (list) =>
        list?.filter((n) => n.id !== id),
      );
      void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
}

const KINDS = [
  'clock_warning',
  'clock_breached',
  'customer_replied',
  'approval_needed',
  'corrective_action_overdue',
  'sweep_failed',
  'information_received',
  'withdrawn',
  'escalation_requested',
  'deadlock_letter_requested',
  'adr_decision_against',
  'mention',
];
export const kindKey = (kind: string) =>
  `notifications.kind.${KINDS.includes(kind) ? kind : 'other'}`;

/** What the notice says, in the reader's language from its kind and data, or else the English
 *  sentence the server wrote (a kind this app does not know yet, or a notice from before). */
export function noticeText(
  n: Notification,
  t: (key: string, vars?: Record<string, unknown>) => string,
  formatDue: (iso: string) => string,
): string {
  const data = n.data ?? {};
  const needs: Record<string, string[]> = {
    clock_warning: ['clock', 'dueAt'],
    clock_breached: ['clock', 'dueAt'],
    sweep_failed: ['clock', 'code'],
    mention: ['author', 'excerpt'],
  };
  if (!KINDS.includes(n.kind) || (needs[n.kind] ?? []).some((k) => !data[k])) return n.message;
  return t(`notifications.text.${n.kind}`, {
    ...data,
    clock: data['clock']
      ? t(`queue.clockName.${data['clock']}`, { defaultValue: data['label'] ?? data['clock'] })
      : undefined,
    due: data['dueAt'] ? formatDue(data['dueAt']) : undefined,
  });
}
