// The customer's tracking link, revealed on request (a handler on the phone to a customer who
// lost it) with a button that copies it. Shown only with the complaint's `tracking.link` flag.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { LoadFailed } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { fetchTrackingLink } from './api.ts';

type State =
  | { kind: 'hidden' }
  | { kind: 'loading' }
  | { kind: 'shown'; url: string | null }
  | { kind: 'failed'; error: unknown };

export function TrackingLink({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'hidden' });
  const input = useRef<HTMLTextAreaElement>(null);
  // The button that asked is gone once the link shows: focus goes to the link.
  useEffect(() => {
    if (state.kind === 'shown') input.current?.focus();
  }, [state.kind]);
  const reveal = () => {
    setState({ kind: 'loading' });
    fetchTrackingLink(reference).then(
      (url) => setState({ kind: 'shown', url }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };
  if (state.kind === 'failed') return <LoadFailed error={state.error} retry={reveal} />;
  if (state.kind !== 'shown')
    return (
      <Button variant="secondary" onClick={reveal} disabled={state.kind === 'loading'}>
        {state.kind === 'loading' ? t('case.trackingLink.loading') : t('case.trackingLink.show')}
      </Button>
    );
  if (state.url === null) return <p>{t('case.trackingLink.none')}</p>;
  return (
    <div className="flex flex-col gap-2">
      {/* The term beside it says "Tracking link" already; the label names the box alone. */}
      <label htmlFor={`${id}-url`} className="sr-only">
        {t('case.trackingLink.label')}
      </label>
      {/* All of it in view, wrapped, to read out on the phone; selected when focused. */}
      <textarea
        id={`${id}-url`}
        ref={input}
        readOnly
        rows={3}
        value={state.url}
        onFocus={(e) => e.currentTarget.select()}
        className="w-full resize-none break-all rounded border-2 border-slate-700 p-2 font-mono text-sm sm:w-[32rem]"
      />
      <p className="text-sm text-slate-800">{t('case.trackingLink.hint')}</p>
      <CopyButton text={state.url} label={t('case.trackingLink.copy')} />
    </div>
  );
}
