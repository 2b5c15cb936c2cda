/**
 * "Did you mean …?": the nearest of the known names to what a person typed, when it is near
 * enough (case aside, at most two edits, or one a prefix of the other) to be the likely intent.
 */
export function editDistance(a: string, b: string): number {
  // Long inputs are never a typo of a short name; bounding them keeps this quadratic loop small.
  if (Math.abs(a.length - b.length) > 2 || a.length > 200) return Math.abs(a.length - b.length) + 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function nearest(typed: string, known: readonly string[]): string | null {
  const t = typed.toLowerCase();
  let best: string | null = null;
  let bestD = 3;
  for (const k of known) {
    const d = k.toLowerCase() === t ? 0 : editDistance(k.toLowerCase(), t);
    if (d < bestD) { best = k; bestD = d; }
  }
  return best;
}

/** The hint for a problem: `did you mean "x"? / 是否应为 "x"？`, or undefined. */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const n = nearest(typed, known);
  return n === null ? undefined : `did you mean "${n}"? / 是否应为 "${n}"？`;
}
