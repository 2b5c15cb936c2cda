/**
 * What the engine's scenario schema accepts today. The funding fields (bonds, a fund pool, closed
 * or pooled zones, the 做地 developer's compensation rate, a rate shift) are being added to the
 * engine; the notebook reads the schema to know whether a control can be wired or must show a
 * "not yet in the engine" note, so the pages light up by themselves when the fields land.
 */
import schemaJson from '../../scenarios/scenario.schema.json';

type Node = { type?: string | string[]; properties?: Record<string, Node>; items?: Node; $ref?: string; definitions?: Record<string, Node>; enum?: unknown[] };
export const SCHEMA = schemaJson as unknown as Node & { definitions: Record<string, Node> };

function resolve(n: Node | undefined): Node | undefined {
  if (n?.$ref?.startsWith('#/definitions/')) return SCHEMA.definitions[n.$ref.slice('#/definitions/'.length)];
  return n;
}

/** The schema node at a dotted path ("zones.items.developer.compensationRate"), or undefined. */
export function schemaAt(path: string): Node | undefined {
  let cur: Node | undefined = SCHEMA;
  for (const seg of path.split('.')) {
    cur = resolve(cur);
    if (!cur) return undefined;
    cur = seg === 'items' ? cur.items : cur.properties?.[seg];
  }
  return resolve(cur);
}

const has = (path: string) => schemaAt(path) !== undefined;

export const FEATURES = {
  bonds: has('bonds'),
  /** Where the fund pool's opening balance lives (funding.pool in the engine's schema). */
  poolPath: has('funding.pool.opening') ? 'funding.pool.opening' : has('pool.opening') ? 'pool.opening' : null,
  zoneMode: has('zoneMode'),
  rateShift: has('adjustments.rateShiftBp'),
  /** Where a zone's developer compensation rate lives, if anywhere. */
  compensationPath: has('zones.items.developer.compensationRate') ? 'developer.compensationRate' : has('zones.items.compensationRate') ? 'compensationRate' : null,
};

/** Does the schema want a number (integer) or a string at this path? */
export function wantsNumber(path: string): boolean {
  const t = schemaAt(path)?.type;
  return t === 'integer' || t === 'number' || (Array.isArray(t) && (t.includes('integer') || t.includes('number')));
}
