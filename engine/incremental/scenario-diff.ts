/**
 * The edits that turn one scenario into another: the fields whose values differ, as JSON paths.
 * A page that moves a slider sends the whole scenario again; diffing it against the scenario the
 * model holds finds the one field that moved (sub-trees shared by reference are skipped), so the
 * model can rebuild only what that field reaches. An array whose length changed (a parcel, bond or
 * zone added or removed) is one edit of the whole array.
 *
 *   scenarioEdits(s, setAt(s, ['split', 'ratios', 'province'], '7'))  → [{ path: 'split.ratios.province', value: '7' }]
 */
import type { PathSegment } from '../scenario/json-path';
import type { Edit } from './edit';

/** The edits from `a` to `b`, or null when they cannot be written as edits (not objects, a top-level field removed). */
export function scenarioEdits(a: unknown, b: unknown): Edit[] | null {
  if (!isRecord(a) || !isRecord(b)) return null;
  if (!extends_(a, b)) return null;
  const out: Edit[] = [];
  for (const k of Object.keys(b)) diff(a[k], b[k], [k], out);
  return out;
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
