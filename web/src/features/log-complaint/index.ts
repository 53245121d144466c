export { LogComplaintForm } from './LogComplaintForm.tsx';
