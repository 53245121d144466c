// Form fields: a label, an optional hint, the error beside the field (aria-describedby and
// aria-invalid point a screen reader at both), and native inputs underneath.
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

const INPUT =
  'block w-full max-w-2xl rounded border-2 border-slate-700 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700';

function describedBy(id: string, hint: unknown, error: unknown) {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined
  );
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: FieldProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`mb-6 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <label htmlFor={id} className="mb-1 block text-lg font-semibold text-slate-900">
        {label}
        {optional && <span className="font-normal text-slate-700"> ({t('app.optional')})</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mb-1 font-semibold text-red-700">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  className = '',
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${INPUT} ${className}`}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  optional,
  rows = 5,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={INPUT}
        {...input}
      />
    </FieldFrame>
  );
}

/** A native <select>: compact, and every keyboard and screen reader knows it. */
export function SelectField<V extends string>({
  id,
  label,
  hint,
  error,
  optional,
  options,
  value,
  onChange,
}: FieldProps & {
  options: { value: V | ''; label: string }[];
  value: V | '';
  onChange: (v: V | '') => void;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.currentTarget.value as V | '')}
        className={`${INPUT} min-h-11 sm:max-w-md`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of radio buttons in a fieldset whose legend names the choice. */
export function RadioGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  optional,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: { value: V; label: ReactNode }[];
  value: V | '';
  onChange: (v: V) => void;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      className={`mb-6 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
    >
      <legend className="mb-1 text-lg font-semibold text-slate-900">
        {legend}
        {optional && <span className="font-normal text-slate-700"> ({t('app.optional')})</span>}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mb-1 font-semibold text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-col gap-1">
        {options.map((o) => (
          <label
            key={o.value}
            className="inline-flex min-h-11 cursor-pointer items-center gap-3 text-base"
          >
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="h-6 w-6 accent-blue-800"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
