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
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const arr = Array.isArray(data) ? [...data] : [];
    arr[head] = setAt(arr[head], rest, value);
    return arr as T;
  }
  const obj = data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...(data as object) } : {};
  // Defined, not assigned: a key a file may hold such as "__proto__" stays an own field instead of
  // reaching the object's prototype setter.
  const own = Object.prototype.hasOwnProperty.call(obj, head) ? (obj as Record<string, unknown>)[head] : undefined;
  Object.defineProperty(obj, head, { value: setAt(own, rest, value), writable: true, enumerable: true, configurable: true });
  return obj as T;
}
