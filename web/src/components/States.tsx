// What a page shows while it loads or when its data could not be had.
import { useTranslation } from '../i18n/use-translation.ts';
import { errorText } from '../lib/errors.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="text-slate-700">
      {t('app.loading')}
    </p>
  );
}

export function LoadFailed({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error" title={t('app.errorTitle')}>
      <p className="mb-3">{errorText(error, t)}</p>
      {retry && (
        <Button variant="secondary" onClick={retry}>
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
