// One clock of a complaint as a badge: its name and what is left, in the clock's own unit,
// coloured by state as a second cue (the words always say it).
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge.tsx';
import { formatClockRemaining } from '../../i18n/format-clock.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { QueueClock } from './api.ts';

const SOON_MS = 24 * 3_600_000;

export function clockTone(c: QueueClock, now: number): BadgeTone {
  if (c.status === 'paused' || !c.dueAt) return 'neutral';
  const due = Date.parse(c.dueAt);
  if (c.status === 'breached' || due <= now) return 'bad';
  return due - now <= SOON_MS ? 'warn' : 'good';
}

export function ClockBadge({
  clock,
  now,
  timeZone,
}: {
  clock: QueueClock;
  now: number;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const name = t(`queue.clockName.${clock.clock}`, { defaultValue: clock.label });
  const text = formatClockRemaining(clock, now, currentLanguage(), t, timeZone);
  return (
    <StatusBadge tone={clockTone(clock, now)}>
      {name}: {text}
    </StatusBadge>
  );
}
