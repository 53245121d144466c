// /admin/privacy: data protection at a glance — what the retention sweep will anonymise and when,
// the legal holds that keep records past their period, and the customers' requests about their
// data with their clocks. Auditors read it; administrators place and release holds and record
// requests.
import type { Session } from '../../api/types.ts';
import { DataRequests } from './DataRequests.tsx';
import { LegalHolds } from './LegalHolds.tsx';
import { can } from './RequireCapability.tsx';
import { RetentionPreview } from './RetentionPreview.tsx';

export function PrivacyScreen({ session }: { session: Session }) {
  return (
    <>
      <RetentionPreview />
      <LegalHolds manage={can(session, 'privacy.manage')} />
      <DataRequests manage={can(session, 'privacy.manage')} />
    </>
  );
}
