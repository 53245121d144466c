// What `redress serve` tells the app in index.html (src/http/web-app.ts): the default policy,
// the upload limit and the public facts of each policy (name, time zone, languages).
export interface PolicyFacts {
  id: string;
  name: string;
  timezone: string;
  languages: string[];
}

export interface Settings {
  defaultPolicy: string | null;
  maxUploadBytes: number;
  maxFiles: number;
  policies: PolicyFacts[];
}

const FALLBACK: Settings = {
  defaultPolicy: null,
  maxUploadBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  policies: [],
};

function read(): Settings {
  try {
    const raw = document.getElementById('redress-settings')?.textContent ?? '{}';
    return { ...FALLBACK, ...(JSON.parse(raw) as Partial<Settings>) };
  } catch {
    return FALLBACK;
  }
}

export const settings: Settings = read();

export const policyFacts = (id: string | null | undefined): PolicyFacts | undefined =>
  settings.policies.find((p) => p.id === id);
