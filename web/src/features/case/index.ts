export { CaseWorkspace } from './CaseWorkspace.tsx';
