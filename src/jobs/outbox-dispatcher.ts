// The outbox dispatcher as a background service (only when SMTP_URL is set).
import { dispatchOnce, recoverInterruptedSends } from '../app/communications/dispatch-outbox.ts';
import { leafletAttachments } from '../letters/scheme-leaflet.ts';
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

export const outboxDispatcher: ServiceFactory = (services, log) => {
  const sender = services.mailer;
  if (!sender) {
    log('outbox: SMTP_URL is not set, so emails wait in the outbox');
    return null;
  }
  const deps = {
    db: services.db,
    sender,
    now: services.now,
    from: services.config.mailFrom,
    attachmentsFor: leafletAttachments(services.policies),
  };
  const loop = workLoop(
    'outbox',
    Math.min(services.config.sweepIntervalMs, 2000),
    async () => (await dispatchOnce(deps)).claimed,
    log,
  );
  let unsubscribe = () => {};
  return {
    name: loop.name,
    async start() {
      unsubscribe = services.work.subscribe('outbox', () => loop.wake());
      const n = await recoverInterruptedSends(deps);
      if (n)
        log(`outbox: ${n} message(s) were interrupted while sending; marked unknown for review`);
      await loop.start();
    },
    async stop() {
      unsubscribe();
      await loop.stop();
    },
  };
};
