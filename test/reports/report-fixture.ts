// A generated fixture for the report tests: complaints on two policies, over several months and
// channels, each taken down one of a few paths (answered, settled at first contact, escalated to
// deadlock and the ombudsman, withdrawn, still open, redress paid), through the real API.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.ts';

export type Path = 'answered' | 'first-contact' | 'adr' | 'withdrawn' | 'open' | 'redress';
const PATHS: Path[] = ['answered', 'first-contact', 'adr', 'withdrawn', 'open', 'redress'];
const CHANNELS = ['email', 'phone', 'web', 'post'];
const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
const ROOT_CAUSES = ['billing_error', 'network_fault', 'process_failure'];

export interface FixtureComplaint {
  reference: string;
  path: Path;
  channel: string;
  policy: string;
  receivedAt: string;
}

const DAY = 86_400_000;

export async function act(
  t: TestApp,
  ref: string,
  action: string,
  payload: object = {},
  role: 'manager' | 'handler' = 'manager',
): Promise<void> {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${ref}/actions/${action}`,
    headers: t.as(role),
    payload,
  });
  assert.equal(r.statusCode, 200, `${ref} ${action}: ${r.body}`);
}

export async function register(
  t: TestApp,
  body: { policy: string; channel: string; receivedAt: string; subject?: string },
): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: t.as('handler'),
    payload: {
      customer: { name: 'Ann Customer', email: 'ann@example.com' },
      subject: body.subject ?? 'Report fixture',
      description: 'A complaint for the report tests.',
      ...body,
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().reference as string;
}

/** `count` complaints received from `start` on, one every `spacingDays`, paths in rotation. */
export async function generateFixture(
  t: TestApp,
  start: Date,
  count: number,
  spacingDays: number,
): Promise<FixtureComplaint[]> {
  const out: FixtureComplaint[] = [];
  for (let i = 0; i < count; i++) {
    const path = PATHS[i % PATHS.length]!;
    const policy = i % 5 === 4 ? 'uk-fca-disp' : 'uk-comms-ombudsman';
    const channel = path === 'first-contact' ? 'phone' : CHANNELS[(i * 7) % CHANNELS.length]!;
    const received = new Date(start.getTime() + i * spacingDays * DAY + 10 * 3_600_000);
    t.setNow(new Date(received.getTime() + 60_000));
    const reference = await register(t, {
      policy,
      channel,
      receivedAt: received.toISOString(),
    });
    out.push({ reference, path, channel, policy, receivedAt: received.toISOString() });
    // Actions happen i % 4 days later (some after clocks fell due, some before).
    t.setNow(new Date(received.getTime() + ((i % 4) * 9 + 0.5) * DAY));
    const outcome = OUTCOMES[i % 3]!;
    const rootCause = ROOT_CAUSES[i % 3]!;
    switch (path) {
      case 'answered':
        await act(t, reference, 'acknowledge');
        await act(t, reference, 'start-investigation');
        await act(t, reference, 'propose-response', {
          response: 'We looked into it.',
          outcome,
          rootCause,
        });
        await act(t, reference, 'approve-response');
        await act(t, reference, 'respond');
        await act(t, reference, 'close', {
          summary: `Summary ${i}`,
          lessonsLearned: `Lesson ${i}`,
        });
        break;
      case 'first-contact':
        await act(t, reference, 'resolve-on-first-contact', {
          outcome: 'resolved_on_first_contact',
          resolution: 'Sorted on the call',
        });
        await act(t, reference, 'close', { rootCause });
        break;
      case 'adr':
        await act(t, reference, 'acknowledge');
        await act(t, reference, 'escalate', { reason: 'Customer unhappy' });
        await act(t, reference, 'deadlock', { reason: 'Final position' });
        if (i % 4 === 2) {
          await act(t, reference, 'refer-to-adr', {
            referredAt: new Date(t.services.now().getTime()).toISOString().slice(0, 10),
            scheme: 'Ombudsman',
          });
          await act(t, reference, 'record-adr-decision', { decision: 'not_upheld' });
          await act(t, reference, 'close', { outcome: 'not_upheld', rootCause });
        }
        break;
      case 'withdrawn':
        await act(t, reference, 'withdraw', { reason: 'No longer needed' });
        await act(t, reference, 'close', { rootCause });
        break;
      case 'open':
        if (i % 2) await act(t, reference, 'acknowledge');
        break;
      case 'redress':
        await act(t, reference, 'acknowledge');
        await act(t, reference, 'offer-redress', {
          kind: 'money',
          description: 'Goodwill credit',
          amount: 10 + i,
          currency: 'GBP',
        });
        if (i % 4 === 1) {
          await act(t, reference, 'record-redress-accepted');
          await act(t, reference, 'record-redress-completed');
        }
        await act(t, reference, 'classify', {
          vulnerability: { identified: true, causedByFirm: i % 3 === 0 },
        });
        break;
    }
  }
  return out;
}
