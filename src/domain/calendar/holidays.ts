// Public and bank holidays of a region, as local dates (YYYY-MM-DD), from date-holidays.
// Only `public` and `bank` entries count (never observances); multi-day entries such as Tết
// are expanded to one date per day. Results are cached per region and year.
import Holidays from 'date-holidays';

export interface HolidaySource {
  /** Local dates that are public or bank holidays in the given year. */
  datesIn(year: number): Map<string, string>;
}

const DAY = 86_400_000;
const sources = new Map<string, HolidaySource>();

export function holidaySource(region: string | null): HolidaySource {
  const key = region ?? '';
  let source = sources.get(key);
  if (!source) {
    source = region ? dateHolidaysSource(region) : { datesIn: () => new Map() };
    sources.set(key, source);
  }
  return source;
}

export function isKnownRegion(region: string): boolean {
  const [country, state] = region.split('-');
  const hd = new Holidays();
  const countries = hd.getCountries() ?? {};
  if (!country || !(country in countries)) return false;
  if (!state) return true;
  return state in (hd.getStates(country) ?? {});
}

function dateHolidaysSource(region: string): HolidaySource {
  const [country, state] = region.split('-');
  const hd = state ? new Holidays(country!, state) : new Holidays(country!);
  const byYear = new Map<number, Map<string, string>>();
  return {
    datesIn(year) {
      let dates = byYear.get(year);
      if (dates) return dates;
      dates = new Map();
      for (const h of hd.getHolidays(year) || []) {
        if (h.type !== 'public' && h.type !== 'bank') continue;
        const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
        const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY));
        for (let i = 0; i < days; i++) {
          const date = new Date(first + i * DAY).toISOString().slice(0, 10);
          if (!dates.has(date)) dates.set(date, h.name);
        }
      }
      byYear.set(year, dates);
      return dates;
    },
  };
}
