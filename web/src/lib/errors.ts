// An error in the person's language: from its code when there is a translation, else the
// server's own message. (Codes contain dots, so they are looked up in the table, not as keys.)
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

export function errorText(err: unknown, t: TFunction): string {
  const table = t('errors', { returnObjects: true }) as unknown as Record<string, string>;
  if (err instanceof ApiError) {
    const translated = table[err.code];
    if (translated) return translated;
    if (err.status >= 500) return table.INTERNAL ?? err.message;
    return err.message;
  }
  return table.INTERNAL ?? String(err);
}
