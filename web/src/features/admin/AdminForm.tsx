// What every administration form shares: its values, the API's refusal turned into errors beside
// each field (or for the whole form), the success message, and the one submit path; and a list
// whose rows open an editor one at a time, with what was done said in a live region. Users,
// departments, mailboxes, calendars and privacy all use it, so a form behaves the same everywhere.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors.ts';

type Values = Record<string, string | boolean>;

export function useAdminForm<F extends Values>(
  initial: F,
  /** Error codes that belong to one field (USER.ALREADY_EXISTS → email). */
  codeFields: Record<string, string> = {},
) {
  const { t } = useTranslation();
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof F>(k: K) =>
    (v: F[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  /** The props of a text field bound to `k`: its value, its error, its input handler. */
  const text = (k: keyof F & string) => ({
    value: String(form[k]),
    error: errors.fields[k],
    onInput: (e: { currentTarget: { value: string } }) =>
      set(k)(e.currentTarget.value as F[typeof k]),
  });
  /**
   * Runs the work; its answer (a sentence) becomes the success message and the errors clear,
   * or its refusal becomes the errors. `reset` empties the form after success.
   */
  const run = async (work: () => Promise<string>, opts: { reset?: boolean } = {}) => {
    setDone(null);
    setBusy(true);
    try {
      const message = await work();
      setErrors(NO_ERRORS);
      setDone(message);
      if (opts.reset) setForm(initial);
      return true;
    } catch (err) {
      setErrors(formErrors(err, t, codeFields));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { form, set, text, errors, setErrors, done, setDone, busy, run };
}

/** The form's outcome above it: what was done, or what stopped it (announced at once). */
export function FormOutcome({ done, errors }: { done: string | null; errors: FormErrors }) {
  return (
    <>
      {done && <Alert tone="success" title={done} />}
      {errors.form && <Alert tone="error" title={errors.form} />}
    </>
  );
}

/** A form that never reloads the page and leaves checking to the API (errors come back per field). */
export function AdminForm({
  onSubmit,
  children,
  className,
  label,
}: {
  onSubmit: () => void | Promise<unknown>;
  children: ReactNode;
  className?: string;
  /** An accessible name, when a page holds more than one form. */
  label?: string;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      className={className}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** Which row of a list has its editor open (one at a time), and what the last edit did. */
export function useOpenRow() {
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return {
    open,
    message,
    isOpen: (id: string) => open === id,
    toggle: (id: string) => {
      setMessage(null);
      setOpen(open === id ? null : id);
    },
    /** Closes the editor, saying what was done. */
    finish: (done: string) => {
      setMessage(done);
      setOpen(null);
    },
  };
}

/** The list's message of what was just done, in a region that is always there to announce it. */
export function ListMessage({ message }: { message: string | null }) {
  return <div aria-live="polite">{message && <Alert tone="success" title={message} />}</div>;
}
