export { CustomerActions, CUSTOMER_ACTIONS } from './actions.tsx';
export { trackedQuery } from './api.ts';
export { Files, Messages, Timeline } from './History.tsx';
export { PromiseList } from './Promises.tsx';
