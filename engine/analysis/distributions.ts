/**
 * Distributions for Monte Carlo inputs, drawn through a standard normal so that inputs can be
 * correlated (a Gaussian copula): each input gets z ~ N(0, 1) from its run's stream, correlated
 * z's are L·z with L the Cholesky factor of the correlation matrix, and each marginal maps its z:
 *
 *   normal(mean, sd)          mean + sd·z
 *   lognormal(mu, sigma)      exp(mu + sigma·z)         (median = e^mu; {median} may be given instead of mu)
 *   uniform(min, max)         min + (max − min)·Φ(z)
 *   triangular(min, mode, max) the inverse CDF at Φ(z)
 *
 * Optional `min`/`max` clamp a draw (a sale delay is never negative); `integer` rounds it half-up.
 * Example: a sale price index triangular(0.8, 1, 1.1) and a sale delay normal(3, 3) clamped to
 * [0, 12] months, correlated −0.4 (weak markets sell later at lower prices).
 */
import type { Random } from './random';

export type Distribution = (
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'lognormal'; readonly mu?: number; readonly median?: number; readonly sigma: number }
) & { readonly clamp?: readonly [number, number]; readonly integer?: boolean };

// The coefficients of Hart's rational approximation (West 2005), used below 7.07.
const CDF_NUMERATOR = [3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931, 220.206867912376];
const CDF_DENOMINATOR = [8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831, 793.826512519948, 440.413735824752];

/** c₀·aⁿ + c₁·aⁿ⁻¹ + … + cₙ, evaluated as ((c₀·a + c₁)·a + …) + cₙ. */
function horner(coefficients: readonly number[], a: number): number {
  let v = coefficients[0];
  for (let i = 1; i < coefficients.length; i++) v = v * a + coefficients[i];
  return v;
}

/** Standard normal CDF Φ, double precision (Hart 1968 as given by West 2005; |error| < 1e-14). */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) c = 0;
  else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      c = (e * horner(CDF_NUMERATOR, a)) / horner(CDF_DENOMINATOR, a);
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

/** Inverse standard normal CDF (Acklam's algorithm with one Halley refinement; |error| < 1e-13). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** A standard normal draw (Box–Muller, cosine branch): always exactly two uniforms from the stream. */
export function standardNormal(rng: Random): number {
  const u1 = 1 - rng.float(); // (0, 1]
  const u2 = rng.float();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function mu(d: Extract<Distribution, { kind: 'lognormal' }>): number {
  return d.mu ?? Math.log(d.median ?? 1);
}

/** The quantile function of the marginal at probability u ∈ (0, 1), before clamping and rounding. */
export function quantile(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'uniform':
      return d.min + (d.max - d.min) * u;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'normal':
      return d.mean + d.sd * normalQuantile(u);
    case 'lognormal':
      return Math.exp(mu(d) + d.sigma * normalQuantile(u));
  }
}

/** The marginal's value for a standard normal z (the copula step), clamped and rounded as asked. */
export function fromNormal(d: Distribution, z: number): number {
  let x: number;
  switch (d.kind) {
    case 'normal':
      x = d.mean + d.sd * z;
      break;
    case 'lognormal':
      x = Math.exp(mu(d) + d.sigma * z);
      break;
    default:
      x = quantile(d, normalCdf(z));
  }
  if (d.clamp) x = Math.min(d.clamp[1], Math.max(d.clamp[0], x));
  return d.integer ? Math.floor(x + 0.5) : x;
}

/** One independent draw. */
export function sample(d: Distribution, rng: Random): number {
  return fromNormal(d, standardNormal(rng));
}

/** What is wrong with a distribution's parameters, in English and Chinese, or null. */
export function checkDistribution(d: Distribution): { en: string; zh: string } | null {
  const finite = (...xs: (number | undefined)[]) => xs.every((x) => x === undefined || Number.isFinite(x));
  switch (d.kind) {
    case 'uniform':
      return finite(d.min, d.max) && d.min <= d.max ? null : { en: 'uniform(min, max) with min ≤ max', zh: 'uniform(min, max)，且 min ≤ max' };
    case 'triangular':
      return finite(d.min, d.mode, d.max) && d.min <= d.mode && d.mode <= d.max && d.min < d.max ? null : { en: 'triangular(min, mode, max) with min ≤ mode ≤ max and min < max', zh: 'triangular(min, mode, max)，且 min ≤ mode ≤ max、min < max' };
    case 'normal':
      return finite(d.mean, d.sd) && d.sd >= 0 ? null : { en: 'normal(mean, sd) with sd ≥ 0', zh: 'normal(mean, sd)，且 sd ≥ 0' };
    case 'lognormal':
      return finite(d.mu, d.median, d.sigma) && d.sigma >= 0 && (d.median === undefined || d.median > 0) ? null : { en: 'lognormal(median, sigma) with median > 0 and sigma ≥ 0', zh: 'lognormal(median, sigma)，且 median > 0、sigma ≥ 0' };
    default:
      return { en: 'one of uniform, triangular, normal, lognormal', zh: 'uniform、triangular、normal、lognormal 之一' };
  }
}

/**
 * Parses "triangular(0.8, 1, 1.1)", "normal(3, 3) clamp(0, 12) integer", "lognormal(1, 0.1)"
 * (median, sigma), "uniform(0.9, 1.2)". Null if malformed.
 */
export function parseDistribution(text: string): Distribution | null {
  const m = /^\s*(uniform|triangular|normal|lognormal)\s*\(([^)]*)\)\s*(?:clamp\s*\(([^)]*)\))?\s*(integer)?\s*$/i.exec(text);
  if (!m) return null;
  const nums = (s: string) => s.split(',').map((x) => x.trim()).filter((x) => x !== '').map(Number);
  const args = nums(m[2]);
  if (args.some((x) => !Number.isFinite(x))) return null;
  const clamp = m[3] !== undefined ? nums(m[3]) : null;
  if (clamp && (clamp.length !== 2 || clamp.some((x) => !Number.isFinite(x)) || clamp[0] > clamp[1])) return null;
  const extra = { ...(clamp ? { clamp: [clamp[0], clamp[1]] as const } : {}), ...(m[4] ? { integer: true } : {}) };
  const kind = m[1].toLowerCase();
  if (kind === 'uniform' && args.length === 2) return { kind, min: args[0], max: args[1], ...extra };
  if (kind === 'triangular' && args.length === 3) return { kind, min: args[0], mode: args[1], max: args[2], ...extra };
  if (kind === 'normal' && args.length === 2) return { kind, mean: args[0], sd: args[1], ...extra };
  if (kind === 'lognormal' && args.length === 2) return { kind, median: args[0], sigma: args[1], ...extra };
  return null;
}

/**
 * Cholesky factor L (lower triangular, row-major n×n) of a correlation matrix, or null if the
 * matrix is not symmetric positive semi-definite with a unit diagonal.
 */
export function cholesky(corr: readonly (readonly number[])[]): number[][] | null {
  const n = corr.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    if (corr[i].length !== n || Math.abs(corr[i][i] - 1) > 1e-12) return null;
    for (let j = 0; j <= i; j++) {
      if (Math.abs(corr[i][j] - corr[j][i]) > 1e-12 || Math.abs(corr[i][j]) > 1) return null;
      let s = corr[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (s < -1e-12) return null;
        L[i][i] = Math.sqrt(Math.max(0, s));
      } else {
        L[i][j] = L[j][j] > 0 ? s / L[j][j] : 0;
      }
    }
  }
  return L;
}
