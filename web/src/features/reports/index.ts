export { DashboardScreen, DASHBOARD_REPORTS } from './DashboardScreen.tsx';
export { DrillDownScreen } from './DrillDownScreen.tsx';
export { FiledReturnScreen } from './FiledReturnScreen.tsx';
export { ReturnDrillScreen } from './ReturnDrillScreen.tsx';
export { ReturnScreen } from './ReturnScreen.tsx';
export { ReturnsScreen } from './ReturnsScreen.tsx';
export { prefetchDeadline, prefetchReports } from './api.ts';
export { fcaPeriodOf, showsFcaDeadline } from './FcaDeadline.tsx';
export { readPeriod } from './period.ts';
