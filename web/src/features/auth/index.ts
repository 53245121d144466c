export { RequireStaff } from './RequireStaff.tsx';
export { SessionExpiry } from './SessionExpiry.tsx';
export { ROLE_HOME, safeNext, signIn, useSession } from './session.ts';
