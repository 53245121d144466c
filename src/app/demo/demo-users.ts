// The demo organisation: departments and one account per role, all with the same known password.
import type { Db } from '../../db/client.ts';
import { insertDepartment } from '../../db/repositories/departments.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Role } from '../../domain/complaint/states.ts';
import { createUser } from '../users/create-user.ts';

/** Shared by every demo account with a password; printed on the console at start-up. */
export const DEMO_PASSWORD = 'redress-demo';
export const DEMO_DOMAIN = 'redress.demo';

export const DEMO_DEPARTMENTS = [
  { id: 'customer-success', name: 'Customer Success', email: `customer-success@${DEMO_DOMAIN}` },
  { id: 'billing', name: 'Billing', email: `billing@${DEMO_DOMAIN}` },
  { id: 'network', name: 'Network Operations (NOC)', email: `noc@${DEMO_DOMAIN}` },
  {
    id: 'datacentre-operations',
    name: 'Datacentre Operations – Vận hành trung tâm dữ liệu',
    email: `dc-ops@${DEMO_DOMAIN}`,
  },
] as const;
export type DemoDepartment = (typeof DEMO_DEPARTMENTS)[number]['id'];

/** The staff who act on demo complaints, by the part they play. */
export type StaffKey =
  | 'admin'
  | 'manager'
  | 'vnManager'
  | 'handler'
  | 'handler2'
  | 'vnHandler'
  | 'billing'
  | 'noc'
  | 'dcops'
  | 'auditor'
  | 'integration';

interface DemoUserSpec {
  key: StaffKey;
  email: string;
  name: string;
  role: Role;
  departmentId: DemoDepartment | null;
  /** false: an integration account that signs in with bearer tokens only. */
  password: boolean;
  note: string;
}

const at = (local: string) => `${local}@${DEMO_DOMAIN}`;

export const DEMO_USERS: readonly DemoUserSpec[] = [
  {
    key: 'admin',
    email: at('admin'),
    name: 'Alex Morgan',
    role: 'administrator',
    departmentId: null,
    password: true,
    note: 'policies, users, departments',
  },
  {
    key: 'manager',
    email: at('manager'),
    name: 'Priya Shah',
    role: 'manager',
    departmentId: 'customer-success',
    password: true,
    note: 'approves responses, escalations, deadlock (UK)',
  },
  {
    key: 'vnManager',
    email: at('hung.pham'),
    name: 'Phạm Quốc Hùng',
    role: 'manager',
    departmentId: 'customer-success',
    password: true,
    note: 'top level for the Vietnamese datacentre',
  },
  {
    key: 'handler',
    email: at('handler'),
    name: 'Tom Bennett',
    role: 'handler',
    departmentId: 'customer-success',
    password: true,
    note: 'customer success team (UK)',
  },
  {
    key: 'handler2',
    email: at('sam.okafor'),
    name: 'Sam Okafor',
    role: 'handler',
    departmentId: 'customer-success',
    password: true,
    note: 'customer success team (UK)',
  },
  {
    key: 'vnHandler',
    email: at('lan.nguyen'),
    name: 'Nguyễn Thị Lan',
    role: 'handler',
    departmentId: 'customer-success',
    password: true,
    note: 'chăm sóc khách hàng (VN)',
  },
  {
    key: 'billing',
    email: at('billing'),
    name: 'Gareth Hughes',
    role: 'department_member',
    departmentId: 'billing',
    password: true,
    note: 'billing department',
  },
  {
    key: 'noc',
    email: at('noc'),
    name: 'Chloe Evans',
    role: 'department_member',
    departmentId: 'network',
    password: true,
    note: 'network operations',
  },
  {
    key: 'dcops',
    email: at('minh.tran'),
    name: 'Trần Văn Minh',
    role: 'department_member',
    departmentId: 'datacentre-operations',
    password: true,
    note: 'vận hành trung tâm dữ liệu',
  },
  {
    key: 'auditor',
    email: at('auditor'),
    name: 'Rachel Green',
    role: 'auditor',
    departmentId: null,
    password: true,
    note: 'reads the audit trail, changes nothing',
  },
  {
    key: 'integration',
    email: at('crm-integration'),
    name: 'CRM integration (API)',
    role: 'handler',
    departmentId: 'customer-success',
    password: false,
    note: 'API channel; bearer tokens only',
  },
];

export interface DemoUser {
  id: string;
  role: Role;
  departmentId: string | null;
  name: string;
}
export type DemoStaff = Record<StaffKey, DemoUser>;

/** Who the demo loader acts as for organisation set-up (it is not a user). */
export const DEMO_ACTOR: Actor = { id: 'demo-loader', role: 'system' };

export async function createDemoOrganisation(db: Db, now: Date): Promise<DemoStaff> {
  for (const d of DEMO_DEPARTMENTS) {
    await insertDepartment(db, { id: d.id, name: d.name, email: d.email, createdAt: now });
  }
  const staff = {} as DemoStaff;
  for (const u of DEMO_USERS) {
    const created = await createUser({ db, now: () => now }, DEMO_ACTOR, {
      email: u.email,
      name: u.name,
      role: u.role,
      departmentId: u.departmentId,
      ...(u.password ? { password: DEMO_PASSWORD } : {}),
    });
    staff[u.key] = {
      id: created.id,
      role: created.role,
      departmentId: created.departmentId,
      name: created.name,
    };
  }
  return staff;
}

/** The accounts as a small table for the console. */
export function demoAccountsTable(): string[] {
  const rows = DEMO_USERS.map((u) => [
    u.email,
    u.role + (u.departmentId ? ` (${u.departmentId})` : ''),
    u.name,
    u.password ? DEMO_PASSWORD : '(token only)',
  ]);
  const head = ['email', 'role', 'name', 'password'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
