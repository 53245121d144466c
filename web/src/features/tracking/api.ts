// The tracking link's calls. The token travels in the X-Tracking-Token header, not the URL.
import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { ActionResult, TrackedComplaint } from '../../api/types.ts';

const header = (token: string) => ({ 'x-tracking-token': token });

export const trackedQuery = (reference: string, token: string) =>
  queryOptions({
    queryKey: ['tracked', reference, token],
    queryFn: async () =>
      (await call(
        api.GET('/api/v1/public/complaints/{reference}', {
          params: { path: { reference } },
          headers: header(token),
        }),
      )) as unknown as TrackedComplaint,
    retry: (n, err) => n < 2 && (err as { status?: number }).status === 0,
  });

/** One customer action by its public route name (see ./actions.tsx for which is which).
 *  REPLACE the cast once every route is in the generated `paths`. */
export async function postCustomerAction(
  reference: string,
  token: string,
  route: string,
  body: Record<string, unknown>,
): Promise<ActionResult> {
  const path =
    `/api/v1/public/complaints/{reference}/${route}` as '/api/v1/public/complaints/{reference}/reply';
  return (await call(
    api.POST(path, {
      params: { path: { reference } },
      headers: header(token),
      body: body as never,
    }),
  )) as unknown as ActionResult;
}

export const attachmentUrl = (reference: string, id: number, token: string) =>
  `/api/v1/public/complaints/${encodeURIComponent(reference)}/attachments/${id}?token=${encodeURIComponent(token)}`;
