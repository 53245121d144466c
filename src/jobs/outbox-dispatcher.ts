// The outbox dispatcher as a background service (only when SMTP_URL is set).
import { dispatchOnce, recoverInterruptedSends } from '../app/communications/dispatch-outbox.ts';
import { smtpSender } from '../mail/outbound/smtp-sender.ts';
import { leafletAttachments } from '../letters/scheme-leaflet.ts';
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

export const outboxDispatcher: ServiceFactory = (rt, log) => {
  const url = rt.config.smtpUrl;
  if (!url) {
    log('outbox: SMTP_URL is not set, so emails wait in the outbox');
    return null;
  }
  const sender = smtpSender(url);
  const deps = {
    db: rt.db,
    sender,
    now: () => new Date(),
    from: rt.config.mailFrom,
    attachmentsFor: leafletAttachments(rt.policies),
  };
  const loop = workLoop(
    'outbox',
    Math.min(rt.config.sweepIntervalMs, 2000),
    async () => (await dispatchOnce(deps)).claimed,
    log,
  );
  return {
    name: loop.name,
    async start() {
      const n = await recoverInterruptedSends(rt.db, new Date());
      if (n)
        log(`outbox: ${n} message(s) were interrupted while sending; marked unknown for review`);
      await loop.start();
    },
    async stop() {
      await loop.stop();
      sender.close();
    },
  };
};
