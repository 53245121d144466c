// The background services, in start-up order (one import and one entry each).
import { inboundMail } from '../mail/inbound/service.ts';
import type { ServiceFactory } from './background.ts';
import { deadlineSweep } from './deadline-sweep.ts';
import { outboxDispatcher } from './outbox-dispatcher.ts';

export const SERVICES: ServiceFactory[] = [deadlineSweep, outboxDispatcher, inboundMail];
