// Data-subject requests: the open ones (soonest due first), or all.
import type { Queryable } from '../../db/client.ts';
import {
  findDataRequest,
  listDataRequests as rows,
} from '../../db/repositories/privacy-requests.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { policyOfRequest, toDataRequest, type DataRequest } from './data-request.ts';

export async function listDataRequests(
  deps: { db: Queryable; policies: PolicyRegistry },
  actor: Actor,
  input: { all?: boolean } = {},
): Promise<DataRequest[]> {
  return (await rows(deps.db, { openOnly: !input.all })).map((r) =>
    toDataRequest(r, policyOfRequest(deps.policies, r), actor),
  );
}

export async function getDataRequest(
  deps: { db: Queryable; policies: PolicyRegistry },
  actor: Actor,
  input: { id: string },
): Promise<DataRequest> {
  const r = await findDataRequest(deps.db, input.id);
  if (!r) throw new AppError('DSR.NOT_FOUND', `no data request ${input.id}`);
  return toDataRequest(r, policyOfRequest(deps.policies, r), actor);
}
