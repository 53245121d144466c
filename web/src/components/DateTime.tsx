// An instant in a <time> element, formatted in the language shown and the given time zone.
import { useTranslation } from '../i18n/use-translation.ts';
import { formatDay, formatDue, formatMoment } from '../i18n/format.ts';
import { currentLanguage } from '../i18n/index.ts';

export function DateTime({
  iso,
  timeZone,
  style = 'moment',
}: {
  iso: string;
  timeZone?: string | undefined;
  /** moment: "2 Dec 2026, 10:00"; day: "Wednesday 2 December 2026"; due: a deadline. */
  style?: 'moment' | 'day' | 'due';
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const text =
    style === 'day'
      ? formatDay(iso, lng, timeZone)
      : style === 'due'
        ? formatDue(iso, lng, t, timeZone)
        : formatMoment(iso, lng, timeZone);
  return <time dateTime={iso}>{text}</time>;
}
