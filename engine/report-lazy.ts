/**
 * The Result's largest views made when first read: a province's Result is mostly its parcel rows,
 * its zones month by month and a check or two per parcel (10 000 × 240: 10 MB, 3.4 MB and 4.5 MB
 * of JSON), which a caller reading the totals never looks at. report(out, {lazy: true}) — what
 * simulate() returns — gives these views as own, enumerable getters in their places among the
 * fields, so the Result reads, spreads, compares, clones and serialises exactly as if they had
 * been made at once (JSON.stringify gives the same bytes); a view is made once, on its first read,
 * and may be replaced by assigning it. The run's invariants are asserted before report() returns,
 * as always: only the texts of the checks wait. Until its last lazy view is made, a Result keeps
 * the run it reads (its model, ledger and sums: some 35 MB at 10 000 parcels × 240 months); a caller
 * keeping many Results unread may read them (or JSON them) to let the runs go.
 *
 *   const r = simulate(scenario);   // totals, periods, years … made; parcels, zones, checks not yet
 *   r.parcels[3].valueAdded         // the parcel rows are made now, once
 */
import type { Check } from './check';
import type { LedgerSums } from './ledger-sums';
import { parcelRows } from './report-parcels';

/** The views made when first read, in the order they stand in the Result. */
export const LAZY_VIEWS = ['parcels', 'zones', 'bonds', 'projects', 'pool', 'checks'] as const;
export type LazyView = (typeof LAZY_VIEWS)[number];

/** What the lazy views are made from, kept (hidden) on the Result until every one is made. */
export interface LazySource {
  sums: LedgerSums | null;
  /** The checks besides the model's and the funding views', in the Result's order around the funding views' (made at once: they assert the run's invariants). */
  readonly checksBefore: readonly Check[];
  readonly checksAfter: readonly Check[];
  readonly made: Partial<Record<LazyView, unknown>>;
  left: number;
}

const SOURCE = Symbol('lazyViews');

type Lazy = Record<string | symbol, unknown> & { [SOURCE]: LazySource };

function make(source: LazySource, view: LazyView): unknown {
  const s = source.sums!;
  switch (view) {
    case 'parcels':
      return parcelRows(s);
    case 'zones':
      return s.funding.zones;
    case 'bonds':
      return s.funding.bonds;
    case 'projects':
      return s.funding.projects;
    case 'pool':
      return s.funding.pool;
    case 'checks':
      return (s.out.model.staticChecks as Check[]).concat(source.checksBefore, s.funding.checks, source.checksAfter);
  }
}

// One getter and setter per view for every Result (a getter of each Result's own would give each
// Result a hidden class of its own).
const DESCRIPTORS = Object.fromEntries(
  LAZY_VIEWS.map((view) => [
    view,
    {
      get(this: Lazy): unknown {
        const source = this[SOURCE];
        if (!(view in source.made)) {
          source.made[view] = make(source, view);
          // Every view made: the sums and the run they read can go.
          if (--source.left === 0) source.sums = null;
        }
        return source.made[view];
      },
      set(this: Lazy, value: unknown): void {
        const source = this[SOURCE];
        if (!(view in source.made) && --source.left === 0) source.sums = null;
        source.made[view] = value;
      },
      enumerable: true,
      configurable: true,
    } satisfies PropertyDescriptor,
  ]),
) as Record<LazyView, PropertyDescriptor>;

/** Makes `result` hold its source (before any lazy view is defined on it). */
export function holdLazySource(result: object, source: Omit<LazySource, 'made' | 'left'>): void {
  Object.defineProperty(result, SOURCE, { value: { ...source, made: {}, left: 0 } satisfies LazySource });
}

/** Puts the lazy view in its place among the result's fields (after those already set). */
export function defineLazyView(result: object, view: LazyView): void {
  (result as Lazy)[SOURCE].left += 1;
  Object.defineProperty(result, view, DESCRIPTORS[view]);
}
