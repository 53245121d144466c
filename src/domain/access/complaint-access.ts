// Who reaches which complaint, and what a caller may do with one beyond lifecycle actions
// (those are the lifecycle's allowedActions).
import { may, type Permission } from './permissions.ts';

export interface Caller {
  role: string;
  departmentId?: string | null;
}

/** Department members reach only their department's complaints; other staff reach every one. */
export function canSeeComplaint(
  caller: Caller,
  complaint: { departmentId: string | null },
): boolean {
  return (
    caller.role !== 'department_member' ||
    (!!caller.departmentId && complaint.departmentId === caller.departmentId)
  );
}

/** The permissions that concern one complaint and are not lifecycle actions. */
export const COMPLAINT_PERMISSIONS = [
  'complaint.attach',
  'customer.match',
  'letter.read',
  'letter.post',
  'template.preview',
  'mail.confirm-sender',
  'tracking.link',
] as const satisfies readonly Permission[];
export type ComplaintPermission = (typeof COMPLAINT_PERMISSIONS)[number];

/** What the caller may do with this complaint, besides its lifecycle actions. */
export function complaintCapabilities(
  caller: Caller,
  complaint: { departmentId: string | null },
): Record<ComplaintPermission, boolean> {
  const reach = canSeeComplaint(caller, complaint);
  return Object.fromEntries(
    COMPLAINT_PERMISSIONS.map((p) => [p, reach && may(caller.role, p)]),
  ) as Record<ComplaintPermission, boolean>;
}
