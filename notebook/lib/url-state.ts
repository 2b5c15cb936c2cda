/**
 * The view's state lives in the URL's query string, so a link reproduces the view: the page, the
 * scenario, the language, the money unit and every control that moved (only values that differ
 * from the default are written). `?p=split&s=hainan-provincial&ratio=7&exc=0` is "Hainan at 7:3
 * without the paid-recovery exception, on the revenue-share page".
 */
import { FIRST_PAGE, isPageId, type PageId } from '../pages/page-registry';

export type Params = Readonly<Record<string, string>>;

/** Keys in the order they are written (unknown keys follow, sorted). */
const ORDER = ['p', 's', 'lang', 'u', 'price', 'delay', 'cost', 'bond', 'issue', 'rate', 'term', 'shift', 'pool', 'mode', 'fee', 'ratio', 'exc', 'prov', 'parcel', 'b', 'b.price', 'b.delay', 'b.ratio', 'b.exc', 'b.prov', 'b.cost', 'metric', 'k', 'y'];

export function readParams(search: string): Params {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) out[k] = v;
  return out;
}

export function paramsToSearch(params: Params): string {
  const keys = Object.keys(params).filter((k) => params[k] !== undefined && params[k] !== '');
  keys.sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a.localeCompare(b);
  });
  const sp = new URLSearchParams();
  for (const k of keys) sp.set(k, params[k]);
  const s = sp.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return s ? `?${s}` : '';
}

/** Merges a change into params; a value of null or '' removes the key. */
export function withChange(params: Params, change: Record<string, string | null | undefined>): Params {
  const out: Record<string, string> = { ...params };
  for (const [k, v] of Object.entries(change)) {
    if (v === null || v === undefined || v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}

export function pageOf(params: Params): PageId {
  return isPageId(params.p) ? params.p : FIRST_PAGE;
}
