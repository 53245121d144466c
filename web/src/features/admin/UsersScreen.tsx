// /admin/users: staff accounts — the list, a new account, a change of role or department, and
// deactivation (each change is an audit event; the API refuses to remove the last administrator).
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useDepartments, useUsers, type Schemas } from './admin-api.ts';
import { AdminForm, FormOutcome, ListMessage, useAdminForm, useOpenRow } from './AdminForm.tsx';
import { ROLES_ALL } from './roles.ts';

type User = Schemas['User'];

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES_ALL.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

function useDepartmentOptions() {
  const { t } = useTranslation();
  const departments = useDepartments();
  return [
    { value: '', label: t('admin.users.noDepartment') },
    ...(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
  ];
}

function NewUser() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roles = useRoleOptions();
  const departments = useDepartmentOptions();
  const f = useAdminForm(
    { email: '', name: '', role: 'handler' as Role, departmentId: '', password: '' },
    {
      'USER.ALREADY_EXISTS': 'email',
      'USER.DEPARTMENT_REQUIRED': 'departmentId',
      'USER.UNKNOWN_DEPARTMENT': 'departmentId',
    },
  );
  const { form } = f;
  const submit = () =>
    f.run(
      async () => {
        const user = await call<User>(
          api.POST('/api/v1/users', {
            body: {
              email: form.email.trim(),
              name: form.name.trim(),
              role: form.role,
              departmentId: form.departmentId || null,
              ...(form.password ? { password: form.password } : {}),
            },
          }),
        );
        await client.invalidateQueries({ queryKey: ['admin', 'users'] });
        return t('admin.users.created', { name: user.name });
      },
      { reset: true },
    );
  return (
    <Section id="new-user" title={t('admin.users.add')}>
      <FormOutcome done={f.done} errors={f.errors} />
      <AdminForm onSubmit={submit} className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          id="user-email"
          type="email"
          label={t('admin.users.email')}
          autoComplete="off"
          {...f.text('email')}
        />
        <TextField
          id="user-name"
          label={t('admin.users.name')}
          autoComplete="off"
          {...f.text('name')}
        />
        <SelectField
          id="user-role"
          label={t('admin.users.role')}
          options={roles}
          value={form.role}
          error={f.errors.fields.role}
          onChange={(v) => v && f.set('role')(v)}
        />
        <SelectField
          id="user-department"
          label={t('admin.users.department')}
          hint={t('admin.users.departmentHint')}
          options={departments}
          value={form.departmentId}
          error={f.errors.fields.departmentId}
          onChange={(v) => f.set('departmentId')(v)}
        />
        <TextField
          id="user-password"
          type="password"
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint')}
          optional
          autoComplete="new-password"
          {...f.text('password')}
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={f.busy}>
            {t('admin.users.create')}
          </Button>
        </div>
      </AdminForm>
    </Section>
  );
}

function EditUser({ user, onDone }: { user: User; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roles = useRoleOptions();
  const departments = useDepartmentOptions();
  const f = useAdminForm(
    { role: user.role as Role, departmentId: user.departmentId ?? '' },
    {
      'USER.DEPARTMENT_REQUIRED': 'departmentId',
      'USER.UNKNOWN_DEPARTMENT': 'departmentId',
    },
  );
  const { role, departmentId } = f.form;
  const { errors } = f;
  const patch = (
    changes: { role?: Role; departmentId?: string | null; active?: boolean },
    message: string,
  ) =>
    f.run(async () => {
      await call(
        api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: changes }),
      );
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone(message);
      return message;
    });
  const prefix = `edit-${user.id}`;
  return (
    <div className="rounded border-2 border-blue-800 p-4">
      <h3 className="mb-3 text-xl font-bold">{t('admin.users.editing', { name: user.name })}</h3>
      <FormOutcome done={null} errors={errors} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <SelectField
          id={`${prefix}-role`}
          label={t('admin.users.role')}
          options={roles}
          value={role}
          error={errors.fields.role}
          onChange={(v) => v && f.set('role')(v)}
        />
        <SelectField
          id={`${prefix}-department`}
          label={t('admin.users.department')}
          options={departments}
          value={departmentId}
          error={errors.fields.departmentId}
          onChange={(v) => f.set('departmentId')(v)}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <Button
          onClick={() =>
            void patch(
              { role, departmentId: departmentId || null },
              t('admin.users.saved', { name: user.name }),
            )
          }
        >
          {t('admin.users.save')}
        </Button>
        {user.active ? (
          <Button
            variant="danger"
            onClick={() =>
              void patch({ active: false }, t('admin.users.deactivated', { name: user.name }))
            }
          >
            {t('admin.users.deactivate', { name: user.name })}
          </Button>
        ) : (
          <Button
            variant="secondary"
            onClick={() =>
              void patch({ active: true }, t('admin.users.reactivated', { name: user.name }))
            }
          >
            {t('admin.users.reactivate', { name: user.name })}
          </Button>
        )}
      </div>
    </div>
  );
}

export function UsersScreen() {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const rows = useOpenRow();
  if (users.isPending) return <Loading />;
  if (users.isError) return <LoadFailed error={users.error} retry={() => void users.refetch()} />;
  const departmentName = (id: string | null) =>
    id ? (departments.data?.items.find((d) => d.id === id)?.name ?? id) : '—';
  const editingUser = users.data.items.find((u) => rows.isOpen(u.id));
  return (
    <>
      <Section id="users" title={t('admin.users.list')}>
        <ListMessage message={rows.message} />
        <div
          role="region"
          aria-label={t('admin.users.list')}
          tabIndex={0}
          className="mb-6 overflow-x-auto"
        >
          <table className="w-full min-w-[48rem] border-collapse text-left">
            <thead>
              <tr>
                {(['name', 'email', 'role', 'department', 'status', 'actions'] as const).map(
                  (c) => (
                    <th key={c} scope="col" className="border-b-2 border-slate-700 p-2">
                      {t(`admin.users.${c}`)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id} className="border-b border-slate-300 align-top">
                  <th scope="row" className="p-2 text-left font-semibold">
                    {u.name}
                  </th>
                  <td className="p-2">{u.email}</td>
                  <td className="p-2">{t(`roles.${u.role}`)}</td>
                  <td className="p-2">{departmentName(u.departmentId)}</td>
                  <td className="p-2">
                    {u.active ? t('admin.users.active') : t('admin.users.inactive')}
                  </td>
                  <td className="p-2">
                    <Button
                      variant="secondary"
                      aria-expanded={rows.isOpen(u.id)}
                      aria-controls="edit-user"
                      onClick={() => rows.toggle(u.id)}
                    >
                      {t('admin.users.change', { name: u.name })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div id="edit-user">
          {editingUser && <EditUser key={editingUser.id} user={editingUser} onDone={rows.finish} />}
        </div>
      </Section>
      <NewUser />
    </>
  );
}
