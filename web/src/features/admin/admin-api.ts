// The administration's reads as query hooks, over the generated client.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { components } from '../../api/schema.js';

export type Schemas = components['schemas'];
export type PolicyDoc = Schemas['Policy'];

export function usePolicies() {
  return useQuery({
    queryKey: ['admin', 'policies'],
    queryFn: () => call<Schemas['PolicyList']>(api.GET('/api/v1/policies')),
  });
}

export function usePolicy(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'policy', id],
    queryFn: () =>
      call<Schemas['PolicyDetail']>(
        api.GET('/api/v1/policies/{id}', { params: { path: { id: id! }, query: {} } }),
      ),
    enabled: !!id,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['admin', 'departments'],
    queryFn: () => call<Schemas['DepartmentList']>(api.GET('/api/v1/departments')),
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => call<Schemas['UserList']>(api.GET('/api/v1/users', { params: { query: {} } })),
    enabled,
  });
}
