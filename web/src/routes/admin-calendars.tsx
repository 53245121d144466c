// `/admin/calendars`: the business calendars the clocks count by, for administrators.
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { CalendarsScreen } from '../features/admin/CalendarsScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin'), loadStrings('queue')]);

export default function AdminCalendarsRoute() {
  return <AdminPage section="calendars">{() => <CalendarsScreen />}</AdminPage>;
}
