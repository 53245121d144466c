// A line diff (longest common subsequence): what a draft adds to and removes from a text, with
// unchanged runs folded to a few lines of context around each change.
export type DiffLine =
  | {
      kind: 'same' | 'added' | 'removed';
      text: string;
      before: number | null;
      after: number | null;
    }
  | { kind: 'folded'; count: number };

export function lineDiff(beforeText: string, afterText: string, context = 2): DiffLine[] {
  const a = beforeText.split('\n');
  const b = afterText.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], as one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[at(i, j)] =
        a[i] === b[j]
          ? lcs[at(i + 1, j + 1)]! + 1
          : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
  const all: Exclude<DiffLine, { kind: 'folded' }>[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      all.push({ kind: 'same', text: a[i]!, before: ++i, after: ++j });
    } else if (j < m && (i >= n || lcs[at(i, j + 1)]! >= lcs[at(i + 1, j)]!)) {
      all.push({ kind: 'added', text: b[j]!, before: null, after: ++j });
    } else {
      all.push({ kind: 'removed', text: a[i]!, before: ++i, after: null });
    }
  }
  // Keep `context` unchanged lines either side of a change; fold the rest.
  const keep = all.map((l) => l.kind !== 'same');
  all.forEach((l, k) => {
    if (l.kind === 'same') return;
    for (let d = 1; d <= context; d++) {
      if (k - d >= 0) keep[k - d] = true;
      if (k + d < all.length) keep[k + d] = true;
    }
  });
  const out: DiffLine[] = [];
  let folded = 0;
  all.forEach((l, k) => {
    if (keep[k]) {
      if (folded) out.push({ kind: 'folded', count: folded });
      folded = 0;
      out.push(l);
    } else folded++;
  });
  if (folded) out.push({ kind: 'folded', count: folded });
  return out;
}

/** A policy as text to compare: JSON with its keys in order, without the version's number. */
export function policyText(doc: Record<string, unknown> | null | undefined): string {
  if (!doc) return '';
  const { version: _v, ...rest } = doc;
  return JSON.stringify(sortKeys(rest), null, 2);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}
