// Copies a text to the clipboard and says so in a live region.
import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { Button } from './Button.tsx';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        onClick={() => {
          // No clipboard outside a secure context (plain http on another host): say so.
          if (!navigator.clipboard) return setDone('failed');
          navigator.clipboard.writeText(text).then(
            () => setDone('copied'),
            () => setDone('failed'),
          );
        }}
      >
        {label}
      </Button>
      <span role="status" className="text-slate-800">
        {done === 'copied' ? t('app.copied') : done === 'failed' ? t('app.copyFailed') : ''}
      </span>
    </span>
  );
}
