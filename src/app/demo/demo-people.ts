// Who complains and when: pools of customers (so some complain more than once), receipt times
// at plausible local hours, money in the policy's currency.
import type { CreateComplaintInput } from '../complaints/schemas.ts';
import type { Channel } from '../../domain/complaint/states.ts';
import type { Rng } from './demo-scripts.ts';
import { ascii, NAMES, type DemoPolicy } from './demo-texts.ts';

const HOUR = 3_600_000;

export function weighted<T>(rng: Rng, items: [T, number][]): T {
  let r = rng.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

export type Customer = CreateComplaintInput['customer'];

/** Pools of customers, so that some complain more than once. */
export function customerPools(rng: Rng): Record<'en' | 'vi' | 'enVn', Customer[]> {
  const en = NAMES.en;
  const vi = NAMES.vi;
  const uk: Customer[] = Array.from({ length: 110 }, (_, i) => {
    const first = rng.pick(en.first);
    const last = rng.pick(en.last);
    const business = rng.chance(0.35) ? rng.pick(en.businesses) : null;
    return {
      name: business ? `${first} ${last} (${business})` : `${first} ${last}`,
      email: `${first}.${last}${i}@example.co.uk`.toLowerCase(),
      phone: `07700 900${String(i).padStart(3, '0')}`,
      address: [`${rng.int(1, 120)} ${rng.pick(en.streets)}`, rng.pick(en.towns)],
      preferredContact: weighted<'email' | 'phone' | 'post'>(rng, [
        ['email', 7],
        ['phone', 2],
        ['post', 1],
      ]),
      language: 'en',
    };
  });
  const vn: Customer[] = Array.from({ length: 70 }, (_, i) => {
    const company = rng.chance(0.35) ? rng.pick(vi.companies) : null;
    const family = rng.pick(vi.family);
    const given = rng.pick(vi.given);
    const name = `${family} ${rng.pick(vi.middle)} ${given}`;
    return {
      name: company ? `${name} – ${company}` : name,
      email: `${ascii(given)}.${ascii(family)}${i}@example.vn`.toLowerCase(),
      phone: `090 ${rng.int(100, 999)} ${String(1000 + i).padStart(4, '0')}`,
      address: [`Số ${rng.int(1, 300)} đường Nguyễn Văn Linh`, 'Quận 7, TP. Hồ Chí Minh'],
      preferredContact: rng.chance(0.7) ? 'email' : 'phone',
      language: 'vi',
    };
  });
  const enVn: Customer[] = [
    'Mekong Fintech Pte Ltd',
    'Lotus Game Studio',
    'Pacific Freight Asia',
  ].map((company, i) => ({
    name: `${rng.pick(en.first)} ${rng.pick(en.last)} (${company})`,
    email: `it-ops${i}@example.com`,
    phone: `+84 28 3${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    preferredContact: 'email',
    language: 'en',
  }));
  return { en: uk, vi: vn, enVn };
}

export function formatMoney(amount: number, currency: 'GBP' | 'VND'): string {
  return currency === 'GBP'
    ? `£${amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : `${amount.toLocaleString('de-DE')} đ`;
}

/** A receipt time `ageDays` before now, at a plausible local hour for the channel. */
export function receiptTime(
  rng: Rng,
  now: Date,
  ageDays: number,
  channel: Channel,
  policy: DemoPolicy,
) {
  const offset = policy === 'vn-datacentre' ? 7 : 1;
  const staffed = channel === 'phone' || channel === 'in_person' || channel === 'post';
  const localHour = staffed ? rng.between(8.5, 17) : rng.between(6, 23.5);
  const day = new Date(now.getTime() - ageDays * 24 * HOUR);
  day.setUTCHours(0, 0, 0, 0);
  let at = day.getTime() + (localHour - offset) * HOUR;
  if (staffed) {
    // Nobody answers the phone or opens the post at the weekend: move to the Friday.
    const weekday = new Date(at + offset * HOUR).getUTCDay();
    if (weekday === 6) at -= 24 * HOUR;
    if (weekday === 0) at -= 48 * HOUR;
  }
  while (at > now.getTime() - 0.6 * HOUR) at -= 24 * HOUR;
  return new Date(Math.round(at / 60_000) * 60_000);
}
