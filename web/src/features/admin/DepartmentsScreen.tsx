// /admin/departments: where complaints are transferred — the list, a new department, a rename.
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useDepartments, type Schemas } from './admin-api.ts';
import { AdminForm, FormOutcome, ListMessage, useAdminForm, useOpenRow } from './AdminForm.tsx';

type Department = Schemas['Department'];

function Rename({ department, onDone }: { department: Department; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useAdminForm({ name: department.name });
  const submit = () =>
    f.run(async () => {
      await call(
        api.PATCH('/api/v1/departments/{id}', {
          params: { path: { id: department.id } },
          body: { name: f.form.name },
        }),
      );
      await client.invalidateQueries({ queryKey: ['admin', 'departments'] });
      const done = t('admin.departments.renamed', { name: f.form.name.trim() });
      onDone(done);
      return done;
    });
  return (
    <AdminForm onSubmit={submit} className="rounded border-2 border-blue-800 p-4">
      <FormOutcome done={null} errors={f.errors} />
      <TextField
        id={`rename-${department.id}`}
        label={t('admin.departments.newName', { id: department.id })}
        {...f.text('name')}
      />
      <Button type="submit" disabled={f.busy}>
        {t('admin.departments.saveName')}
      </Button>
    </AdminForm>
  );
}

function NewDepartment() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useAdminForm({ id: '', name: '', email: '' }, { 'DEPARTMENT.ALREADY_EXISTS': 'id' });
  const submit = () =>
    f.run(
      async () => {
        const d = await call<Department>(
          api.POST('/api/v1/departments', {
            body: {
              id: f.form.id.trim(),
              name: f.form.name.trim(),
              ...(f.form.email.trim() ? { email: f.form.email.trim() } : {}),
            },
          }),
        );
        await client.invalidateQueries({ queryKey: ['admin', 'departments'] });
        return t('admin.departments.created', { name: d.name });
      },
      { reset: true },
    );
  return (
    <Section id="new-department" title={t('admin.departments.add')}>
      <FormOutcome done={f.done} errors={f.errors} />
      <AdminForm onSubmit={submit}>
        <TextField
          id="department-id"
          label={t('admin.departments.id')}
          hint={t('admin.departments.idHint')}
          autoComplete="off"
          {...f.text('id')}
        />
        <TextField
          id="department-name"
          label={t('admin.departments.name')}
          autoComplete="off"
          {...f.text('name')}
        />
        <TextField
          id="department-email"
          type="email"
          label={t('admin.departments.email')}
          optional
          autoComplete="off"
          {...f.text('email')}
        />
        <Button type="submit" disabled={f.busy}>
          {t('admin.departments.create')}
        </Button>
      </AdminForm>
    </Section>
  );
}

export function DepartmentsScreen() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const rows = useOpenRow();
  if (departments.isPending) return <Loading />;
  if (departments.isError)
    return <LoadFailed error={departments.error} retry={() => void departments.refetch()} />;
  return (
    <>
      <Section id="departments" title={t('admin.departments.list')}>
        <ListMessage message={rows.message} />
        {departments.data.items.length === 0 && <p>{t('admin.departments.none')}</p>}
        <ul className="flex flex-col gap-3">
          {departments.data.items.map((d) => (
            <li key={d.id} className="rounded border border-slate-300 p-4">
              <p className="text-lg font-semibold">{d.name}</p>
              <p className="mb-2 text-slate-700">
                <code>{d.id}</code>
                {d.email && <span className="break-all"> · {d.email}</span>}
              </p>
              <Button
                variant="secondary"
                aria-expanded={rows.isOpen(d.id)}
                onClick={() => rows.toggle(d.id)}
              >
                {t('admin.departments.rename', { name: d.name })}
              </Button>
              {rows.isOpen(d.id) && (
                <div className="mt-3">
                  <Rename department={d} onDone={rows.finish} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </Section>
      <NewDepartment />
    </>
  );
}
