// The JavaScript each page of the web app loads, gzipped, read from Vite's manifest: the entry
// and its static imports, the page's route chunk and its static imports, and the strings of one
// language (the larger of en and vi). Budgets (issue 9): the first page ≤ 160 kB, the tracking
// page ≤ 60 kB. Run `npm run build:web` first; `npm run bench:web` prints the table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Each page: its route module and the parts of the strings it loads (web/src/i18n). */
export const PAGES = {
  '/ (home)': ['src/routes/home.tsx', 'main'],
  '/complain': ['src/routes/complain.tsx', 'main', 'complain'],
  '/track/{reference}': ['src/routes/track.tsx', 'main'],
  '/procedure/{policy}': ['src/routes/procedure.tsx', 'main'],
  '/login': ['src/routes/login.tsx', 'main'],
  '/queue': ['src/routes/queue.tsx', 'main', 'staff', 'queue'],
  '/complaints/new': ['src/routes/log-complaint.tsx', 'main', 'staff', 'queue'],
  '/notifications': ['src/routes/notifications.tsx', 'main', 'staff', 'queue'],
  '/dashboard': ['src/routes/dashboard.tsx', 'main', 'staff', 'queue', 'reports'],
  '/returns': ['src/routes/returns.tsx', 'main', 'staff', 'queue', 'reports'],
  '/returns/{kind}': ['src/routes/return.tsx', 'main', 'staff', 'queue', 'reports'],
  '/complaints/{reference}': ['src/routes/complaint.tsx', 'main', 'staff', 'case'],
} as const;
export type PageName = keyof typeof PAGES;

export const BUDGETS_KB: Partial<Record<PageName, number>> = {
  '/ (home)': 160,
  '/track/{reference}': 60,
  '/dashboard': 160,
  '/returns/{kind}': 160,
};

const STRINGS: Record<string, Record<'en' | 'vi', string>> = {
  main: { en: 'src/i18n/locales/en.ts', vi: 'src/i18n/locales/vi.ts' },
  complain: { en: 'src/i18n/locales/en-complain.ts', vi: 'src/i18n/locales/vi-complain.ts' },
  staff: { en: 'src/i18n/locales/en-staff.ts', vi: 'src/i18n/locales/vi-staff.ts' },
  queue: { en: 'src/i18n/locales/en-queue.ts', vi: 'src/i18n/locales/vi-queue.ts' },
  case: { en: 'src/i18n/locales/en-case.ts', vi: 'src/i18n/locales/vi-case.ts' },
  reports: { en: 'src/i18n/locales/en-reports.ts', vi: 'src/i18n/locales/vi-reports.ts' },
};

export interface PageWeight {
  page: PageName;
  files: string[];
  gzipBytes: number;
}

export function measurePages(dist = join(import.meta.dirname, '..', 'web', 'dist')): PageWeight[] {
  const manifest = JSON.parse(
    readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const gz = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
    return gz.get(file)!;
  };
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the manifest: was the app built?`);
    if (into.has(chunk.file)) return;
    into.add(chunk.file);
    for (const k of chunk.imports ?? []) closure(k, into);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  return (Object.entries(PAGES) as [PageName, readonly string[]][]).map(
    ([page, [route, ...parts]]) => {
      let heaviest: PageWeight | null = null;
      for (const lang of ['en', 'vi'] as const) {
        const files = new Set<string>();
        closure(entry, files);
        closure(route!, files);
        for (const part of parts) closure(STRINGS[part]![lang], files);
        const gzipBytes = [...files].reduce((sum, f) => sum + sizeOf(f), 0);
        if (!heaviest || gzipBytes > heaviest.gzipBytes)
          heaviest = { page, files: [...files], gzipBytes };
      }
      return heaviest!;
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measurePages();
  console.log('JavaScript each page loads (gzip -9; entry + route chunk + one language):');
  for (const r of rows) {
    const budget = BUDGETS_KB[r.page];
    const kb = r.gzipBytes / 1000;
    const verdict = budget
      ? kb <= budget
        ? `≤ ${budget} kB budget: ok`
        : `OVER the ${budget} kB budget`
      : '';
    console.log(
      `  ${r.page.padEnd(22)} ${kb.toFixed(1).padStart(6)} kB  (${r.files.length} files) ${verdict}`,
    );
  }
}
