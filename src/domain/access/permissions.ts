// Who may do what: every API operation is one named permission, granted to roles (or to
// anyone, 'public', or to anyone signed in, 'any'). The routes declare their permission and the
// auth plugin enforces it; clients get the caller's flags from this table, so no client
// re-implements a rule. The lifecycle's actions take their roles from the lifecycle's own
// table (RULES): one permission per action, never a copy.
import { ACTIONS, type ActionType } from '../complaint/actions.ts';
import { RULES } from '../complaint/rules.ts';
import { ROLES, type Role } from '../complaint/states.ts';

/** Who holds a permission: these roles, anyone ('public'), or anyone signed in ('any'). */
export type Access = readonly Role[] | 'public' | 'any';

const STAFF: readonly Role[] = ROLES;
/** Staff who work complaints (auditors read only; department members answer transfers). */
const HANDLERS: readonly Role[] = ['handler', 'manager', 'administrator'];
const ADMIN: readonly Role[] = ['administrator'];

const OPERATIONS = {
  'session.start': 'public',
  'session.end': 'any',
  'session.read': 'any',
  'procedure.read': 'public',
  'complaint.submit': 'public',
  'tracking.read': 'public',
  'tracking.act': 'public',
  'tracking.attach': 'public',
  'complaint.create': HANDLERS,
  'complaint.read': STAFF,
  'complaint.attach': ['handler', 'department_member', 'manager', 'administrator'],
  /** Other customers with the same email or phone: seeing them, and linking the complaint. */
  'customer.match.read': [...HANDLERS, 'auditor'],
  'customer.match': HANDLERS,
  /** The customer's tracking link, read out again to a customer who lost it. */
  'tracking.link': HANDLERS,
  'user.read': ['administrator', 'manager', 'auditor'],
  'assignee.read': STAFF,
  'user.manage': ADMIN,
  'department.read': 'any',
  'department.manage': ADMIN,
  'policy.read': 'any',
  'policy.manage': ADMIN,
  'template.read': [...HANDLERS, 'auditor'],
  'template.edit': ADMIN,
  'template.preview': HANDLERS,
  'task.read': [...HANDLERS, 'department_member', 'auditor'],
  'task.create': HANDLERS,
  'task.complete': [...HANDLERS, 'department_member'],
  'presence.record': ['handler', 'department_member', 'manager', 'administrator'],
  'communication.preview': ['handler', 'department_member', 'manager', 'administrator'],
  'notification.read': 'any',
  'notification.dismiss': 'any',
  'outbox.read': ['administrator', 'manager', 'auditor'],
  'outbox.retry': ADMIN,
  'letter.read': [...HANDLERS, 'auditor'],
  'letter.post': HANDLERS,
  'mailbox.read': ['administrator', 'auditor'],
  'mailbox.retake': ADMIN,
  /** A mail that claimed a complaint from an unverified sender: confirm it is the customer's. */
  'mail.confirm-sender': HANDLERS,
  'mailbox.manage': ADMIN,
  'report.read': ['manager', 'administrator', 'auditor'],
  'return.read': ['manager', 'administrator', 'auditor'],
  'return.file': ['manager', 'administrator'],
  'privacy.read': ['administrator', 'auditor'],
  'privacy.manage': ADMIN,
  'evidence.read': ['manager', 'administrator', 'auditor'],
  'audit.read': ['auditor', 'administrator'],
  // The lessons-learned register: everyone who works complaints learns from it, and the
  // auditor reads it with the reports; its corrective actions are the top level's to set and
  // judge (SPEC §1: managers answer for the procedure), as administrators may do what they may.
  'lesson.read': STAFF,
  'lesson.manage': ['manager', 'administrator'],
} as const satisfies Record<string, Access>;

export type ActionPermission = `action.${ActionType}`;
export type Permission = keyof typeof OPERATIONS | ActionPermission;

export const actionPermission = (action: ActionType): ActionPermission => `action.${action}`;

const isStaffRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** The staff roles the lifecycle lets take an action (customers act through their link). */
const actionRoles = (action: ActionType): readonly Role[] =>
  RULES[action].roles.filter(isStaffRole);

export const PERMISSIONS: Readonly<Record<Permission, Access>> = {
  ...OPERATIONS,
  ...(Object.fromEntries(ACTIONS.map((a) => [actionPermission(a), actionRoles(a)])) as Record<
    ActionPermission,
    readonly Role[]
  >),
};

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(name: unknown): name is Permission {
  return typeof name === 'string' && Object.hasOwn(PERMISSIONS, name);
}

/** Whether a caller (their role, or null when nobody is signed in) holds a permission. Only
 *  staff sign in: a customer or the system holds the public permissions alone. */
export function may(role: string | null, permission: Permission): boolean {
  const access = PERMISSIONS[permission];
  if (access === 'public') return true;
  if (role === null || !isStaffRole(role)) return false;
  return access === 'any' || access.includes(role);
}

/** Every permission with whether the role holds it: the capability flags clients show. */
export function capabilitiesOf(role: Role): Record<Permission, boolean> {
  return Object.fromEntries(PERMISSION_NAMES.map((p) => [p, may(role, p)])) as Record<
    Permission,
    boolean
  >;
}
