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

/** One date per day of each public or bank holiday of a year, with its name. A day inside a
 *  holiday of several days takes the name of the last holiday begun within it by then: Tết's
 *  days are "Tết Nguyên Đán", not the eve's "Giao thừa", whose span runs through them. */
function expand(hd: Holidays, year: number, lang?: string): Map<string, string> {
  const spans: { from: number; days: number; name: string }[] = [];
  for (const h of (lang ? hd.getHolidays(year, lang) : hd.getHolidays(year)) || []) {
    if (h.type !== 'public' && h.type !== 'bank') continue;
    const from = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY));
    spans.push({ from, days, name: h.name });
  }
  const dates = new Map<string, string>();
  for (const span of spans) {
    for (let i = 0; i < span.days; i++) {
      const day = span.from + i * DAY;
      const date = new Date(day).toISOString().slice(0, 10);
      if (dates.has(date)) continue;
      const begun = spans.filter((s) => s.from >= span.from && s.from <= day);
      dates.set(date, begun.reduce((a, b) => (b.from > a.from ? b : a), span).name);
    }
  }
  return new Map([...dates].sort(([a], [b]) => a.localeCompare(b)));
}

function dateHolidaysSource(region: string): HolidaySource {
  const [country, state] = region.split('-');
  const hd = state ? new Holidays(country!, state) : new Holidays(country!);
  const byYear = new Map<number, Map<string, string>>();
  return {
    datesIn(year) {
      let dates = byYear.get(year);
      if (dates) return dates;
      dates = expand(hd, year);
      byYear.set(year, dates);
      return dates;
    },
  };
}

const named = new Map<string, { lang: string; names: Map<string, string> }>();

/**
 * The public and bank holidays of a region in a year, named in `lang` when date-holidays has the
 * region's names in that language (VN: vi and en), else in the region's own first language
 * (GB: en) — never a list half in one language and half in another. `lang` says which it is.
 */
export function holidayNames(
  region: string | null,
  year: number,
  lang: string,
): { lang: string; names: Map<string, string> } {
  if (!region) return { lang, names: new Map() };
  const key = `${region}|${year}|${lang}`;
  const cached = named.get(key);
  if (cached) return cached;
  const [country, state] = region.split('-');
  const hd = state ? new Holidays(country!, state) : new Holidays(country!);
  const languages = hd.getLanguages() ?? [];
  const used = languages.includes(lang) ? lang : (languages[0] ?? 'en');
  const out = { lang: used, names: expand(hd, year, used) };
  if (named.size > 256) named.clear();
  named.set(key, out);
  return out;
}
