// /admin/departments: where complaints are transferred — the list, a new department, a rename.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useDepartments, type Schemas } from './admin-api.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors.ts';

type Department = Schemas['Department'];

function Rename({ department, onDone }: { department: Department; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(department.name);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call(
        api.PATCH('/api/v1/departments/{id}', {
          params: { path: { id: department.id } },
          body: { name },
        }),
      );
      await client.invalidateQueries({ queryKey: ['admin', 'departments'] });
      onDone(t('admin.departments.renamed', { name: name.trim() }));
    } catch (err) {
      setErrors(formErrors(err, t));
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="rounded border-2 border-blue-800 p-4"
    >
      {errors.form && <Alert tone="error" title={errors.form} />}
      <TextField
        id={`rename-${department.id}`}
        label={t('admin.departments.newName', { id: department.id })}
        value={name}
        error={errors.fields.name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <Button type="submit">{t('admin.departments.saveName')}</Button>
    </form>
  );
}

function NewDepartment() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({ id: '', name: '', email: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    try {
      const d = await call<Department>(
        api.POST('/api/v1/departments', {
          body: {
            id: form.id.trim(),
            name: form.name.trim(),
            ...(form.email.trim() ? { email: form.email.trim() } : {}),
          },
        }),
      );
      setErrors(NO_ERRORS);
      setDone(t('admin.departments.created', { name: d.name }));
      setForm({ id: '', name: '', email: '' });
      await client.invalidateQueries({ queryKey: ['admin', 'departments'] });
    } catch (err) {
      setErrors(formErrors(err, t, { 'DEPARTMENT.ALREADY_EXISTS': 'id' }));
    }
  };
  return (
    <Section id="new-department" title={t('admin.departments.add')}>
      {done && <Alert tone="success" title={done} />}
      {errors.form && <Alert tone="error" title={errors.form} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="department-id"
          label={t('admin.departments.id')}
          hint={t('admin.departments.idHint')}
          value={form.id}
          error={errors.fields.id}
          onInput={(e) => set('id')(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextField
          id="department-name"
          label={t('admin.departments.name')}
          value={form.name}
          error={errors.fields.name}
          onInput={(e) => set('name')(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextField
          id="department-email"
          type="email"
          label={t('admin.departments.email')}
          optional
          value={form.email}
          error={errors.fields.email}
          onInput={(e) => set('email')(e.currentTarget.value)}
          autoComplete="off"
        />
        <Button type="submit">{t('admin.departments.create')}</Button>
      </form>
    </Section>
  );
}

export function DepartmentsScreen() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (departments.isPending) return <Loading />;
  if (departments.isError)
    return <LoadFailed error={departments.error} retry={() => void departments.refetch()} />;
  return (
    <>
      <Section id="departments" title={t('admin.departments.list')}>
        <div aria-live="polite">{message && <Alert tone="success" title={message} />}</div>
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
                aria-expanded={renaming === d.id}
                onClick={() => {
                  setMessage(null);
                  setRenaming(renaming === d.id ? null : d.id);
                }}
              >
                {t('admin.departments.rename', { name: d.name })}
              </Button>
              {renaming === d.id && (
                <div className="mt-3">
                  <Rename
                    department={d}
                    onDone={(m) => {
                      setMessage(m);
                      setRenaming(null);
                    }}
                  />
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
