/**
 * A Monte Carlo input's distribution as text and as the fields of its editor. The text is the
 * engine's own form, read back by its parser; the fields are that text taken apart as typed, so
 * an editor shows what the person wrote and the engine checks it:
 *
 *   distributionFields("normal(0, 50) clamp(-150, 150) integer")
 *   → { kind: 'normal', args: ['0', '50'], clamp: ['-150', '150'], integer: true }
 *   switchKind(that, 'uniform') → uniform(-100, 100): the same centre and spread, another shape.
 */
import { checkDistribution, parseDistribution } from '../../engine/analysis/index';
import type { Text } from './format';

/** What is wrong with a distribution text, or null. */
export function distributionError(text: string): Text | null {
  const d = parseDistribution(text);
  if (!d) return { zh: '无法识别的分布', en: 'not a distribution the engine reads' };
  return checkDistribution(d);
}

export type DistKind = 'uniform' | 'triangular' | 'normal' | 'lognormal';

export const DIST_PARAMS: Record<DistKind, readonly { key: string; zh: string; en: string }[]> = {
  uniform: [{ key: 'min', zh: '最小值', en: 'min' }, { key: 'max', zh: '最大值', en: 'max' }],
  triangular: [{ key: 'min', zh: '最小值', en: 'min' }, { key: 'mode', zh: '众数', en: 'mode' }, { key: 'max', zh: '最大值', en: 'max' }],
  normal: [{ key: 'mean', zh: '均值', en: 'mean' }, { key: 'sd', zh: '标准差', en: 'sd' }],
  lognormal: [{ key: 'median', zh: '中位数', en: 'median' }, { key: 'sigma', zh: '对数标准差 σ', en: 'sigma' }],
};

export const DIST_NAMES: Record<DistKind, Text> = {
  uniform: { zh: '均匀分布', en: 'uniform' },
  triangular: { zh: '三角分布', en: 'triangular' },
  normal: { zh: '正态分布', en: 'normal' },
  lognormal: { zh: '对数正态分布', en: 'lognormal' },
};

export interface DistFields { readonly kind: DistKind; readonly args: readonly string[]; readonly clamp: readonly [string, string]; readonly integer: boolean }

/** "normal(0, 50) clamp(-150, 150) integer" → its fields as written ('' where absent). */
export function distributionFields(text: string): DistFields {
  const m = /^\s*(uniform|triangular|normal|lognormal)\s*\(([^)]*)\)\s*(?:clamp\s*\(([^)]*)\))?\s*(integer)?\s*$/i.exec(text);
  const kind = (m?.[1].toLowerCase() ?? 'triangular') as DistKind;
  const args = (m?.[2] ?? '').split(',').map((s) => s.trim());
  const clamp = (m?.[3] ?? ',').split(',').map((s) => s.trim());
  return { kind, args: DIST_PARAMS[kind].map((_, i) => args[i] ?? ''), clamp: [clamp[0] ?? '', clamp[1] ?? ''], integer: !!m?.[4] };
}

/** The fields put back into the text form; a clamp with neither end is left out. */
export function fieldsText(f: DistFields): string {
  const clamp = f.clamp[0] !== '' || f.clamp[1] !== '' ? ` clamp(${f.clamp[0]}, ${f.clamp[1]})` : '';
  return `${f.kind}(${f.args.join(', ')})${clamp}${f.integer ? ' integer' : ''}`;
}

/** Another kind of distribution around the same centre and spread (parameters of a draw, not money). */
export function switchKind(f: DistFields, kind: DistKind): DistFields {
  if (kind === f.kind) return f;
  const n = f.args.map(Number);
  const centre = f.kind === 'uniform' ? (n[0] + n[1]) / 2 : f.kind === 'triangular' ? n[1] : n[0];
  const half = f.kind === 'uniform' ? (n[1] - n[0]) / 2 : f.kind === 'triangular' ? (n[2] - n[0]) / 2 : f.kind === 'normal' ? 2 * n[1] : 2 * n[1] * n[0];
  const c = Number.isFinite(centre) ? centre : 1;
  const h = Number.isFinite(half) && half > 0 ? half : Math.abs(c) * 0.1 || 1;
  const r = (x: number) => String(Number(x.toPrecision(6)));
  const args = kind === 'uniform' ? [r(c - h), r(c + h)] : kind === 'triangular' ? [r(c - h), r(c), r(c + h)] : kind === 'normal' ? [r(c), r(h / 2)] : [r(c > 0 ? c : 1), r(c > 0 ? h / 2 / c : 0.1)];
  return { ...f, kind, args };
}
