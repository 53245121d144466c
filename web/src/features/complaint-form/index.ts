export { ComplaintForm, type Sent } from './ComplaintForm.tsx';
export { Receipt } from './Receipt.tsx';
