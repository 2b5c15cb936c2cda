/**
 * Walking the scenario JSON Schema next to a scenario value: the schema node for a path, whether
 * the form draws a field there, and where each problem lands (its own field, or the nearest field
 * above it that is drawn — a missing optional object's problems show at its parent). Paths print
 * as the engine prints them: `parcels[2].sale.price`, `parameters["provisions.education.rate"]`.
 */
import { getAt, parsePath, type PathSegment } from '../../engine/scenario/json-path';
import { pathText } from '../../engine/incremental/scenario-diff';
import type { Problem } from '../../engine/problem';
import schemaJson from '../../scenarios/scenario.schema.json';

export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  oneOf?: SchemaNode[];
  $ref?: string;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
}

/** The engine's scenario schema, as the form walks it. */
export const SCENARIO_SCHEMA: SchemaNode & { definitions?: Record<string, SchemaNode> } = schemaJson;

export class SchemaWalker {
  constructor(private root: SchemaNode & { definitions?: Record<string, SchemaNode> }) {}

  resolve(n: SchemaNode | undefined): SchemaNode | undefined {
    let cur = n;
    for (let i = 0; cur?.$ref && i < 10; i++) {
      const m = /^#\/definitions\/(.+)$/.exec(cur.$ref);
      cur = m ? this.root.definitions?.[m[1]] : undefined;
    }
    return cur;
  }

  /** The schema node at a path (array items, object properties or additionalProperties). */
  at(segs: readonly PathSegment[]): SchemaNode | undefined {
    let cur: SchemaNode | undefined = this.resolve(this.root);
    for (const s of segs) {
      if (!cur) return undefined;
      if (typeof s === 'number') cur = this.resolve(cur.items);
      else if (cur.oneOf) cur = this.resolve(cur.oneOf.find((o) => this.resolve(o)?.properties?.[s])?.properties?.[s] ?? undefined);
      else cur = this.resolve(cur.properties?.[s] ?? (typeof cur.additionalProperties === 'object' ? cur.additionalProperties : undefined));
    }
    return cur;
  }

  /** Is a node a leaf the form draws as one control (so its children are not drawn apart)? */
  isLeafGroup(n: SchemaNode | undefined): boolean {
    const items = this.resolve(n?.items);
    return !!items?.enum && n?.type === 'array';
  }

  /** Does the form draw a field at this path for this value? */
  drawn(value: unknown, segs: readonly PathSegment[]): boolean {
    for (let i = 1; i <= segs.length; i++) {
      const parentSchema = this.at(segs.slice(0, i - 1));
      if (this.isLeafGroup(parentSchema)) return false;
    }
    if (segs.length === 0) return true;
    if (getAt(value, segs) !== undefined) return true;
    const parent = getAt(value, segs.slice(0, -1));
    const last = segs[segs.length - 1];
    const ps = this.at(segs.slice(0, -1));
    return !!parent && typeof parent === 'object' && !Array.isArray(parent) && typeof last === 'string' && !!ps?.required?.includes(last);
  }

  /** Problems by the path of the field that shows them. */
  place(value: unknown, problems: readonly Problem[]): Map<string, Problem[]> {
    const out = new Map<string, Problem[]>();
    for (const p of problems) {
      let segs = (p.path ? parsePath(p.path) : []) ?? [];
      while (segs.length > 0 && !this.drawn(value, segs)) segs = segs.slice(0, -1);
      const key = pathText(segs);
      out.set(key, [...(out.get(key) ?? []), p]);
    }
    return out;
  }
}

/** A copy of `data` without the value at `path` (an array item is spliced out). */
export function removeAt(data: unknown, path: readonly PathSegment[]): unknown {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const arr = [...data];
    if (rest.length === 0) arr.splice(Number(head), 1);
    else arr[Number(head)] = removeAt(arr[Number(head)], rest);
    return arr;
  }
  if (data && typeof data === 'object') {
    const obj = { ...(data as Record<string, unknown>) };
    if (rest.length === 0) delete obj[String(head)];
    else obj[String(head)] = removeAt(obj[String(head)], rest);
    return obj;
  }
  return data;
}

/** A fresh value for a schema node: required fields filled with empty text, arrays empty. */
export function emptyValue(w: SchemaWalker, n: SchemaNode | undefined): unknown {
  const s = w.resolve(n);
  if (!s) return '';
  if (s.oneOf) return '';
  if (s.enum) return s.enum[0];
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (t === 'object' || s.properties) {
    const o: Record<string, unknown> = {};
    for (const k of s.required ?? []) o[k] = emptyValue(w, s.properties?.[k]);
    return o;
  }
  if (t === 'array') return [];
  if (t === 'integer' || t === 'number') return s.minimum ?? 0;
  if (t === 'boolean') return false;
  return '';
}
