// /admin/users: staff accounts — the list, a new account, a change of role or department, and
// deactivation (each change is an audit event; the API refuses to remove the last administrator).
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useDepartments, useUsers, type Schemas } from './admin-api.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors.ts';
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
  const [form, setForm] = useState({
    email: '',
    name: '',
    role: 'handler' as Role,
    departmentId: '',
    password: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    try {
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
      setErrors(NO_ERRORS);
      setDone(t('admin.users.created', { name: user.name }));
      setForm({ email: '', name: '', role: 'handler', departmentId: '', password: '' });
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
    } catch (err) {
      setErrors(
        formErrors(err, t, {
          'USER.ALREADY_EXISTS': 'email',
          'USER.DEPARTMENT_REQUIRED': 'departmentId',
          'USER.UNKNOWN_DEPARTMENT': 'departmentId',
        }),
      );
    }
  };
  return (
    <Section id="new-user" title={t('admin.users.add')}>
      {done && <Alert tone="success" title={done} />}
      {errors.form && <Alert tone="error" title={errors.form} />}
      <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          id="user-email"
          type="email"
          label={t('admin.users.email')}
          value={form.email}
          error={errors.fields.email}
          onInput={(e) => set('email')(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextField
          id="user-name"
          label={t('admin.users.name')}
          value={form.name}
          error={errors.fields.name}
          onInput={(e) => set('name')(e.currentTarget.value)}
          autoComplete="off"
        />
        <SelectField
          id="user-role"
          label={t('admin.users.role')}
          options={roles}
          value={form.role}
          error={errors.fields.role}
          onChange={(v) => v && set('role')(v)}
        />
        <SelectField
          id="user-department"
          label={t('admin.users.department')}
          hint={t('admin.users.departmentHint')}
          options={departments}
          value={form.departmentId}
          error={errors.fields.departmentId}
          onChange={(v) => set('departmentId')(v)}
        />
        <TextField
          id="user-password"
          type="password"
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint')}
          optional
          value={form.password}
          error={errors.fields.password}
          onInput={(e) => set('password')(e.currentTarget.value)}
          autoComplete="new-password"
        />
        <div className="sm:col-span-2">
          <Button type="submit">{t('admin.users.create')}</Button>
        </div>
      </form>
    </Section>
  );
}

function EditUser({ user, onDone }: { user: User; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roles = useRoleOptions();
  const departments = useDepartmentOptions();
  const [role, setRole] = useState<Role>(user.role);
  const [departmentId, setDepartmentId] = useState(user.departmentId ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const patch = async (
    changes: { role?: Role; departmentId?: string | null; active?: boolean },
    message: string,
  ) => {
    try {
      await call(
        api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: changes }),
      );
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone(message);
    } catch (err) {
      setErrors(
        formErrors(err, t, {
          'USER.DEPARTMENT_REQUIRED': 'departmentId',
          'USER.UNKNOWN_DEPARTMENT': 'departmentId',
        }),
      );
    }
  };
  const prefix = `edit-${user.id}`;
  return (
    <div className="rounded border-2 border-blue-800 p-4">
      <h3 className="mb-3 text-xl font-bold">{t('admin.users.editing', { name: user.name })}</h3>
      {errors.form && <Alert tone="error" title={errors.form} />}
      <div className="grid gap-x-6 sm:grid-cols-2">
        <SelectField
          id={`${prefix}-role`}
          label={t('admin.users.role')}
          options={roles}
          value={role}
          error={errors.fields.role}
          onChange={(v) => v && setRole(v)}
        />
        <SelectField
          id={`${prefix}-department`}
          label={t('admin.users.department')}
          options={departments}
          value={departmentId}
          error={errors.fields.departmentId}
          onChange={setDepartmentId}
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
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (users.isPending) return <Loading />;
  if (users.isError) return <LoadFailed error={users.error} retry={() => void users.refetch()} />;
  const departmentName = (id: string | null) =>
    id ? (departments.data?.items.find((d) => d.id === id)?.name ?? id) : '—';
  const editingUser = users.data.items.find((u) => u.id === editing);
  return (
    <>
      <Section id="users" title={t('admin.users.list')}>
        <div aria-live="polite">{message && <Alert tone="success" title={message} />}</div>
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
                      aria-expanded={editing === u.id}
                      aria-controls="edit-user"
                      onClick={() => {
                        setMessage(null);
                        setEditing(editing === u.id ? null : u.id);
                      }}
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
          {editingUser && (
            <EditUser
              key={editingUser.id}
              user={editingUser}
              onDone={(m) => {
                setMessage(m);
                setEditing(null);
              }}
            />
          )}
        </div>
      </Section>
      <NewUser />
    </>
  );
}
