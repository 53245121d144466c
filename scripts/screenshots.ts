// npm run screenshots: a PNG of every page of the web app at 1280 px and 360 px, in English
// and Vietnamese, in .scratch/screenshots/ (gitignored; SCREENSHOTS_DIR=… puts them elsewhere),
// to be looked at by a person.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, startServer, WIDTHS } from '../test/e2e/harness.ts';
import { adminPages } from '../test/e2e/admin-pages.ts';
import { workspacePages } from '../test/e2e/case-helpers.ts';
import { senderReviewPages } from '../test/e2e/mail-pages.ts';
import { managerPages } from '../test/e2e/manager-pages.ts';
import { appPages } from '../test/e2e/pages.ts';
import { reportPages } from '../test/e2e/report-pages.ts';
import { satisfactionPages } from '../test/e2e/satisfaction-pages.ts';

/** `npm run screenshots -- workspace` takes only the pages whose name starts with this;
 * SCREENSHOTS_ONLY=queue,log-complaint only those named. */
const prefix = process.argv[2] ?? '';
const only = process.env.SCREENSHOTS_ONLY?.split(',').filter(Boolean);
const out =
  process.env.SCREENSHOTS_DIR ?? join(import.meta.dirname, '..', '.scratch', 'screenshots');
mkdirSync(out, { recursive: true });
// With an SMTP mailbox, for the pages of mail that claims a complaint from an unverified sender.
const [server, browser] = await Promise.all([
  startServer({}, { smtpMailbox: true }),
  launchBrowser(),
]);
try {
  let n = 0;
  for (const lang of ['en', 'vi'] as const) {
    for (const width of WIDTHS) {
      for (const p of [
        ...appPages(),
        ...workspacePages(),
        ...senderReviewPages(server),
        ...adminPages(),
        ...reportPages(),
        ...managerPages(),
        ...satisfactionPages(),
      ].filter((x) => x.name.startsWith(prefix) && (!only || only.includes(x.name)))) {
        const { context, page } = await openPage(browser, {
          width,
          locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
        });
        await p.open(page, server.url, lang);
        await page.screenshot({
          path: join(out, `${p.name}-${lang}-${width}.png`),
          fullPage: true,
        });
        await context.close();
        n++;
      }
    }
  }
  console.log(`wrote ${n} screenshots to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
