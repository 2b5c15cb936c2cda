/**
 * The edits that turn one scenario into another: the fields whose values differ, as JSON paths.
 * A page that moves a slider sends the whole scenario again; diffing it against the scenario the
 * model holds finds the one field that moved (sub-trees shared by reference are skipped), so the
 * model can rebuild only what that field reaches. An array whose length changed (a parcel, bond or
 * zone added or removed) is one edit of the whole array.
 *
 * A stress adjustment left out means no adjustment: a page drops `adjustments.salePriceFactor`
 * when its slider returns to 100 %, or the whole `adjustments` when every control is back home.
 * Each adjustment the model holds and `b` leaves out is an edit to its neutral value (× 1, 0
 * months, 0 bp), which runs as leaving it out does, so moving a slider home stays an edit.
 *
 *   scenarioEdits(s, setAt(s, ['split', 'ratios', 'province'], '7'))  → [{ path: 'split.ratios.province', value: '7' }]
 *   scenarioEdits({ ...s, adjustments: { salePriceFactor: '0.9' } }, s) → [{ path: 'adjustments.salePriceFactor', value: '1' }]
 */
import type { PathSegment } from '../scenario/json-path';
import { ADJUSTMENT_KEYS, type Edit } from './edit';

/** The value of each stress adjustment that adjusts nothing (adjust.ts reads a missing one so). */
const NEUTRAL: Readonly<Record<string, unknown>> = { salePriceFactor: '1', saleDelayMonths: 0, costFactor: '1', rateShiftBp: 0 };
const ADJUSTMENTS = 'adjustments';

/** The edits from `a` to `b`, or null when they cannot be written as edits (not objects, a top-level field removed). */
export function scenarioEdits(a: unknown, b: unknown): Edit[] | null {
  if (!isRecord(a) || !isRecord(b)) return null;
  if (!extends_(withoutAdjustments(a), withoutAdjustments(b))) return null;
  const out: Edit[] = [];
  for (const k of Object.keys(b)) if (k !== ADJUSTMENTS) diff(a[k], b[k], [k], out);
  if (!adjustmentEdits(a[ADJUSTMENTS], b[ADJUSTMENTS], out)) diff(a[ADJUSTMENTS], b[ADJUSTMENTS], [ADJUSTMENTS], out);
  return out;
}

/**
 * The adjustments of `b` against `a`'s, key by key, a missing one (or a missing object) read as
 * neutral; false when either holds anything but the four adjustments (then the object is one edit,
 * which the model prepares afresh and so reports as a fresh run would).
 */
function adjustmentEdits(a: unknown, b: unknown, out: Edit[]): boolean {
  if (a === b) return true;
  if (!onlyAdjustments(a) || !onlyAdjustments(b)) return false;
  for (const k of ADJUSTMENT_KEYS) {
    const x = a?.[k] ?? NEUTRAL[k];
    const y = b?.[k] ?? NEUTRAL[k];
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ path: `${ADJUSTMENTS}.${k}`, value: y });
  }
  return true;
}

function onlyAdjustments(x: unknown): x is Record<string, unknown> | undefined {
  return x === undefined || (isRecord(x) && Object.keys(x).every((k) => (ADJUSTMENT_KEYS as readonly string[]).includes(k)));
}

function withoutAdjustments(x: Record<string, unknown>): Record<string, unknown> {
  if (!(ADJUSTMENTS in x)) return x;
  const { [ADJUSTMENTS]: _dropped, ...rest } = x;
  void _dropped;
  return rest;
}

function diff(a: unknown, b: unknown, at: PathSegment[], out: Edit[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) diff(a[i], b[i], [...at, i], out);
    return;
  }
  // A field removed cannot be an edit's value, nor can fields reordered: the object is replaced whole.
  if (isRecord(a) && isRecord(b) && extends_(a, b)) {
    for (const k of Object.keys(b)) diff(a[k], b[k], [...at, k], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: pathText(at), value: b });
}

/** Segments as the JSON path text parsePath reads back. */
export function pathText(segments: readonly PathSegment[]): string {
  let s = '';
  for (const seg of segments) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) s += s ? `.${seg}` : seg;
    else s += `["${seg.replace(/(["\\])/g, '\\$1')}"]`;
  }
  return s;
}

/** b has a's keys in a's order, new keys (if any) after them — what setting fields of a gives. */
function extends_(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length <= kb.length && ka.every((k, i) => kb[i] === k);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
