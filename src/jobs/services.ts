// The background services, in start-up order (one import and one entry each).
import type { ServiceFactory } from './background.ts';

export const SERVICES: ServiceFactory[] = [];
