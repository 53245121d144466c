// `/complaints/{reference}`: the case workspace, for every staff role (the API decides what
// each may see and do; an auditor reads only).
import { useParams } from 'wouter';
import { RequireStaff } from '../features/auth/index.ts';
import { CaseWorkspace } from '../features/case/index.ts';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('case')]);

export default function ComplaintRoute() {
  const { reference = '' } = useParams<{ reference: string }>();
  return (
    <RequireStaff roles={['handler', 'department_member', 'manager', 'administrator', 'auditor']}>
      {(session) => <CaseWorkspace reference={reference} session={session} />}
    </RequireStaff>
  );
}
