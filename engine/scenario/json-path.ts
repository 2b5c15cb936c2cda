/**
 * JSON paths as the error messages print them — `parcels[2].sale.price`, `split.ratios.province`,
 * `parameters["provisions.education.rate"]` — parsed, read and set without mutating the input.
 * Variants (`set`) and sweeps address scenario fields with these.
 */
export type PathSegment = string | number;

export function parsePath(path: string): PathSegment[] | null {
  const out: PathSegment[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/gy;
  let last = 0;
  let m: RegExpExecArray | null;
  while (last < path.length && (m = re.exec(path))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3].replace(/\\(.)/g, '$1'));
    last = re.lastIndex;
  }
  return last === path.length && out.length > 0 ? out : null;
}

export function getAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** A copy of `data` with the value at `path` replaced (missing objects on the way are created). */
export function setAt<T>(data: T, path: readonly PathSegment[], value: unknown): T {
  return setFrom(data, path, 0, value) as T;
}

/** setAt of path[at …]: indexed, so that a Monte Carlo draw's edits make no array of the rest of the path per step. */
function setFrom(data: unknown, path: readonly PathSegment[], at: number, value: unknown): unknown {
  if (at === path.length) return value;
  const head = path[at];
  if (typeof head === 'number') {
    const arr = Array.isArray(data) ? [...data] : [];
    arr[head] = setFrom(arr[head], path, at + 1, value);
    return arr;
  }
  const obj = (data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...(data as object) } : {}) as Record<string, unknown>;
  const own = Object.prototype.hasOwnProperty.call(obj, head) ? obj[head] : undefined;
  const next = setFrom(own, path, at + 1, value);
  // Defined, not assigned, for "__proto__", a key a file may hold: it stays an own field instead of
  // reaching the object's prototype setter (the only accessor an object literal inherits). Any
  // other key is assigned: defining a property turned the copy into a slow, dictionary object.
  if (head === '__proto__') Object.defineProperty(obj, head, { value: next, writable: true, enumerable: true, configurable: true });
  else obj[head] = next;
  return obj;
}
