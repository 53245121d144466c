// Tasks on the complaint: call-backs, follow-ups and coordination with departments. A handler
// asks a department for something; its members record what they found when they finish.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useDraft } from '../../lib/drafts.ts';
import { errorText } from '../../lib/errors.ts';
import { completeTask, createTask, type Complaint, type Task } from './api.ts';

interface Props {
  c: Complaint;
  canCreate: boolean;
  canComplete: boolean;
  departments: { id: string; name: string }[];
  onChanged: () => Promise<void>;
}

export function Tasks({ c, canCreate, canComplete, departments, onChanged }: Props) {
  const { t } = useTranslation();
  const name = (id: string | null) => departments.find((d) => d.id === id)?.name ?? id ?? '';
  return (
    <Section id="tasks" title={t('case.tasks.title')}>
      {c.tasks.length === 0 && <p className="mb-4">{t('case.tasks.none')}</p>}
      <ul className="mb-6 flex max-w-4xl flex-col gap-3">
        {c.tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            timeZone={c.timezone}
            department={name(task.departmentId)}
            canComplete={canComplete}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {canCreate && (
        <NewTask reference={c.reference} departments={departments} onChanged={onChanged} />
      )}
    </Section>
  );
}

function TaskItem({
  task,
  timeZone,
  department,
  canComplete,
  onChanged,
}: {
  task: Task;
  timeZone: string;
  department: string;
  canComplete: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const done = task.doneAt !== null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await completeTask(task.id, note.trim() || undefined);
      await onChanged();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <li className="rounded border-2 border-slate-400 p-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{task.title}</span>
        <StatusBadge tone={done ? 'good' : 'warn'}>
          {done ? t('case.tasks.done') : t('case.tasks.open')}
        </StatusBadge>
        {task.departmentId && <span>{t('case.tasks.forDepartment', { department })}</span>}
        {task.dueAt && (
          <span>
            {t('case.tasks.due')} <DateTime iso={task.dueAt} timeZone={timeZone} />
          </span>
        )}
      </p>
      {task.note && (
        <p className="whitespace-pre-wrap">
          {t('case.tasks.note')}: {task.note}
        </p>
      )}
      {!done && canComplete && (
        <form noValidate onSubmit={(e) => void submit(e)} className="mt-2">
          {error && <Alert tone="error">{error}</Alert>}
          <TextArea
            id={`task-${task.id}-note`}
            label={t('case.tasks.findings', { title: task.title })}
            optional
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button type="submit" variant="secondary">
            {t('case.tasks.complete', { title: task.title })}
          </Button>
        </form>
      )}
    </li>
  );
}

const NO_TASK = { title: '', departmentId: '', dueAt: '' };

function NewTask({
  reference,
  departments,
  onChanged,
}: {
  reference: string;
  departments: { id: string; name: string }[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [v, setV, clear] = useDraft(`case.${reference}.task`, NO_TASK);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!v.title.trim()) {
      setMissing(true);
      document.getElementById('task-title')?.focus();
      return;
    }
    try {
      await createTask(reference, {
        title: v.title.trim(),
        ...(v.departmentId ? { departmentId: v.departmentId } : {}),
        // A due day means its end in the browser's time: the end of that working day.
        ...(v.dueAt ? { dueAt: new Date(`${v.dueAt}T23:59:00`).toISOString() } : {}),
      });
      clear();
      setMissing(false);
      await onChanged();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-task-heading"
      className="max-w-3xl rounded border-2 border-slate-400 p-4"
    >
      <h3 id="new-task-heading" className="mb-3 text-xl font-bold">
        {t('case.tasks.new')}
      </h3>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        id="task-title"
        label={t('case.tasks.titleField')}
        error={missing && !v.title.trim() ? t('case.form.required') : undefined}
        value={v.title}
        onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
      />
      <SelectField
        id="task-department"
        label={t('case.tasks.department')}
        optional
        value={v.departmentId}
        options={[
          { value: '', label: t('case.tasks.noDepartment') },
          ...departments.map((d) => ({ value: d.id, label: d.name })),
        ]}
        onChange={(d) => setV({ ...v, departmentId: d })}
      />
      <TextField
        id="task-due"
        type="date"
        label={t('case.tasks.dueField')}
        optional
        value={v.dueAt}
        onChange={(e) => setV({ ...v, dueAt: e.currentTarget.value })}
      />
      <Button type="submit">{t('case.tasks.create')}</Button>
    </form>
  );
}
