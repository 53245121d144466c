// Whom a complaint can be assigned to: the active handlers and managers, by name. Anyone who
// works the queue may see this list (the full accounts list is for managers and administrators).
import type { Queryable } from '../../db/client.ts';
import { findUsers } from '../../db/repositories/users.ts';

export interface Assignee {
  id: string;
  name: string;
  role: 'handler' | 'manager';
}

export async function listAssignees(deps: { db: Queryable }): Promise<Assignee[]> {
  const [handlers, managers] = await Promise.all([
    findUsers(deps.db, { role: 'handler', active: true }),
    findUsers(deps.db, { role: 'manager', active: true }),
  ]);
  return [...handlers, ...managers]
    .map((u) => ({ id: u.id, name: u.name, role: u.role as Assignee['role'] }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
