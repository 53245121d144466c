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
];
export const kindKey = (kind: string) =>
  `notifications.kind.${KINDS.includes(kind) ? kind : 'other'}`;
