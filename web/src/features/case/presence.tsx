// "Alex is also working on this complaint": a heartbeat every 15 s (and when the person starts
// or stops editing) tells the server who is here; its answer names the others.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { beat, type PresenceOther } from './api.ts';

const EVERY_MS = 15_000;

export function usePresence(reference: string, editing: boolean, enabled: boolean) {
  const [others, setOthers] = useState<PresenceOther[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const send = () =>
      beat(reference, editing ? 'editing' : 'viewing')
        .then((o) => alive && setOthers(o))
        .catch(() => {
          /* presence is a courtesy: a failed beat changes nothing else */
        });
    void send();
    const timer = window.setInterval(send, EVERY_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, [reference, editing, enabled]);
  // Leaving the page: the others stop seeing this person at once.
  useEffect(() => {
    if (!enabled) return;
    return () => void beat(reference, 'left').catch(() => undefined);
  }, [reference, enabled]);
  return others;
}

export function PresenceWarning({ others }: { others: PresenceOther[] }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      {others.length > 0 && (
        <div className="mb-6 border-l-8 border-amber-700 bg-amber-50 p-4 text-amber-950">
          {others.map((o) => (
            <p key={o.userId} className="font-semibold">
              {o.mode === 'editing'
                ? t('case.presence.editing', { name: o.name })
                : t('case.presence.viewing', { name: o.name })}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
