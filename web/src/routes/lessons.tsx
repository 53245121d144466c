// `/lessons`: the lessons-learned register, for whoever may read it (the API's capability flag
// decides); managers add and update its corrective actions.
import { Page } from '../components/Page.tsx';
import { RequireCapability } from '../features/admin/RequireCapability.tsx';
import { LessonsScreen } from '../features/lessons/LessonsScreen.tsx';
import { loadStrings } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';

await Promise.all([loadStrings('staff'), loadStrings('case'), loadStrings('manage')]);

export default function LessonsRoute() {
  const { t } = useTranslation();
  return (
    <RequireCapability capability="lesson.read">
      {(session) => (
        <Page title={t('lessons.title')}>
          <LessonsScreen session={session} />
        </Page>
      )}
    </RequireCapability>
  );
}
