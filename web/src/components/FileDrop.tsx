// Files to attach: drag and drop onto the zone, or the plain file input inside it. Each file's
// size and type are checked here, before anything is uploaded, against the server's limits.
import { useState, type DragEvent } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { formatBytes } from '../i18n/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { Button } from './Button.tsx';

/** The types the server accepts (it reads them from the bytes; src/app/attachments/
 *  sniff-content-type.ts). REPLACE with the list the server publishes once it does. */
export const ACCEPTED_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'gif',
  'webp',
  'zip',
  'docx',
  'xlsx',
  'eml',
  'txt',
  'text',
  'log',
  'csv',
  'tsv',
  'md',
] as const;

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

export function checkFile(file: File, maxBytes: number): { kind: 'tooLarge' | 'badType' } | null {
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extensionOf(file.name)))
    return { kind: 'badType' };
  if (file.size > maxBytes) return { kind: 'tooLarge' };
  return null;
}

export function FileDrop({
  id,
  label,
  hint,
  files,
  onChange,
  maxBytes,
  maxFiles,
}: {
  id: string;
  label: string;
  hint?: string;
  files: File[];
  onChange: (files: File[]) => void;
  maxBytes: number;
  maxFiles: number;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [problems, setProblems] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  const size = formatBytes(maxBytes, lng);

  const add = (incoming: File[]) => {
    const found: string[] = [];
    const ok: File[] = [];
    for (const f of incoming) {
      const bad = checkFile(f, maxBytes);
      if (bad) found.push(t(`files.${bad.kind}`, { name: f.name, size }));
      else ok.push(f);
    }
    let next = [...files, ...ok];
    if (next.length > maxFiles) {
      found.push(t('files.tooMany', { count: maxFiles }));
      next = next.slice(0, maxFiles);
    }
    setProblems(found);
    onChange(next);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    add(Array.from(e.dataTransfer?.files ?? []));
  };

  return (
    <div className="mb-6">
      <p id={`${id}-label`} className="mb-1 text-lg font-semibold text-slate-900">
        {label} <span className="font-normal text-slate-700">({t('app.optional')})</span>
      </p>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-slate-700">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <ul id={`${id}-error`} role="alert" className="mb-2 font-semibold text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-dropzone=""
        className={`rounded border-2 border-dashed p-4 ${over ? 'border-blue-800 bg-blue-50' : 'border-slate-600'}`}
      >
        <label htmlFor={id} className="mb-2 block text-slate-800">
          {t('files.drop')} <span className="font-semibold">{t('files.choose')}</span>
        </label>
        <input
          id={id}
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',')}
          aria-describedby={
            [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(e) => {
            add(Array.from(e.currentTarget.files ?? []));
            e.currentTarget.value = '';
          }}
          className="block w-full text-base file:mr-3 file:min-h-11 file:rounded file:border-2 file:border-blue-800 file:bg-white file:px-4 file:font-semibold file:text-blue-900"
        />
      </div>
      {files.length > 0 && (
        <ul aria-label={t('files.list')} className="mt-3 flex flex-col gap-2">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex flex-wrap items-center gap-3">
              <span className="break-all">
                {f.name} ({formatBytes(f.size, lng)})
              </span>
              <Button
                variant="secondary"
                aria-label={t('files.remove', { name: f.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
