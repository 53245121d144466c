// What a customer may do through their tracking link (SPEC §6), by the name of its public route,
// and which lifecycle action each route takes now. The customer's view lists exactly these
// names, so what it offers is what the routes accept.
import type { Policy } from '../policy/schema.ts';
import type { ActionType } from './actions.ts';
import { allowedActions } from './lifecycle.ts';
import type { Actor, ComplaintSnapshot } from './snapshot.ts';

export const CUSTOMER_ROUTES = [
  'reply',
  'request-escalation',
  'request-deadlock-letter',
  'request-procedure-copy',
  'withdraw',
  'rate-satisfaction',
] as const;
export type CustomerRoute = (typeof CUSTOMER_ROUTES)[number];

/**
 * The lifecycle actions behind each route, first match wins: a reply answers a request for
 * information while the complaint waits on the customer (and so resumes it), and is a plain
 * message otherwise.
 */
const ACTIONS_OF_ROUTE: Record<CustomerRoute, readonly ActionType[]> = {
  reply: ['receive-information', 'customer-reply'],
  'request-escalation': ['request-escalation'],
  'request-deadlock-letter': ['request-deadlock-letter'],
  'request-procedure-copy': ['request-procedure-copy'],
  withdraw: ['withdraw'],
  'rate-satisfaction': ['rate-satisfaction'],
};

const CUSTOMER: Actor = { id: 'customer', role: 'customer' };

/** The lifecycle action a route takes on this complaint now (the last one when none is allowed,
 *  so that its refusal explains why). */
export function actionOfRoute(
  route: CustomerRoute,
  complaint: ComplaintSnapshot,
  policy: Policy,
): ActionType {
  const candidates = ACTIONS_OF_ROUTE[route];
  const allowed = new Set(allowedActions(complaint, CUSTOMER, policy));
  return candidates.find((a) => allowed.has(a)) ?? candidates.at(-1)!;
}

/** The route's body as the lifecycle action takes it (a reply's message is the information). */
export function payloadOfRoute(
  action: ActionType,
  body: Record<string, unknown>,
): Record<string, unknown> {
  if (action === 'receive-information') return { information: body['message'] };
  return body;
}

/** The routes the customer may use now: what their view lists as allowed. */
export function customerRoutesAllowed(
  complaint: ComplaintSnapshot,
  policy: Policy,
): CustomerRoute[] {
  const allowed = new Set(allowedActions(complaint, CUSTOMER, policy));
  return CUSTOMER_ROUTES.filter((r) => ACTIONS_OF_ROUTE[r].some((a) => allowed.has(a)));
}
