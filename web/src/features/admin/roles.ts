// The staff roles (the API's Role enum, for choices in forms; what each may do is the API's).
import type { Role } from '../../api/types.ts';

export const ROLES_ALL: readonly Role[] = [
  'handler',
  'department_member',
  'manager',
  'administrator',
  'auditor',
];
export { ROLE_HOME } from '../auth/index.ts';
