// The lessons register's calls: the register (GET /lessons with its filters), the people who
// can own a corrective action (active users), and adding or changing one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { components, paths } from '../../api/schema.js';

export type LessonEntry = components['schemas']['LessonEntry'];
export type CorrectiveAction = components['schemas']['CorrectiveAction'];
export type LessonsQuery = NonNullable<paths['/api/v1/lessons']['get']['parameters']['query']>;
export type NewAction = NonNullable<
  paths['/api/v1/lessons/{reference}/actions']['post']['requestBody']
>['content']['application/json'];
export type ActionPatch = NonNullable<
  paths['/api/v1/lessons/{reference}/actions/{id}']['patch']['requestBody']
>['content']['application/json'];

export function useLessons(query: LessonsQuery) {
  return useQuery({
    queryKey: ['lessons', query],
    queryFn: () => call(api.GET('/api/v1/lessons', { params: { query } })),
  });
}

export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'active'],
    enabled,
    queryFn: async () =>
      (await call(api.GET('/api/v1/users', { params: { query: { active: 'true' } } }))).items,
    staleTime: 5 * 60_000,
  });
}

export function useRefreshLessons() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['lessons'] });
}

export const addAction = (reference: string, body: NewAction) =>
  call(api.POST('/api/v1/lessons/{reference}/actions', { params: { path: { reference } }, body }));

export const changeAction = (reference: string, id: number, body: ActionPatch) =>
  call(
    api.PATCH('/api/v1/lessons/{reference}/actions/{id}', {
      params: { path: { reference, id } },
      body,
    }),
  );
