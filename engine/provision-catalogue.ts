/**
 * The provision catalogue (计提): each kind of provision taken from land-sale income, defined once in
 * data/provisions.json and read by the waterfall, the year accrual, the rules and accounts, the
 * report, the notebook and the test generators.
 *
 * A kind's base is a signed sum of named quantities. Education (P-8) is
 *   income − reserveCost − provision:agriDev
 * so a parcel sold for 10 000 with a 核定成本 of 6 000 and 100 of agricultural fund has a base of
 * 3 900 and pays 390 at 10% (DOMAIN X-6).
 */
import catalogueData from '../data/provisions.json';

/** The named quantities a base may use. */
export type BaseQuantity = 'income' | 'reserveCost' | 'socialSecurity' | 'agriDevArea' | `provision:${string}`;

export interface ProvisionDefinition {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** DOMAIN.md rule id. */
  readonly ref: string;
  readonly source: string;
  readonly base: readonly { readonly quantity: BaseQuantity; readonly sign: 1 | -1 }[];
  readonly baseName: { readonly zh: string; readonly en: string };
  /** Parameter key of the rate. */
  readonly rate: string;
  /** parcel: the base is the parcel's own; year: the jurisdiction's year nets every parcel (P-3). */
  readonly netting: 'parcel' | 'year';
  /** When a year-mode provision is posted: as income arrives, or at each quarter's end; trued up at year end. */
  readonly timing: 'receipt' | 'quarterly';
  /** Parameter key of the weights over government levels (central / province / local). */
  readonly recipients: string;
  /** A rate ("100%") or a parameter key: the share that counts as spending on agriculture and rural areas. */
  readonly ruralShare: string;
}

export const PROVISIONS: readonly ProvisionDefinition[] = (catalogueData as unknown as { provisions: ProvisionDefinition[] }).provisions;

export const PROVISION_KINDS: readonly string[] = PROVISIONS.map((p) => p.id);
export type ProvisionKind = string;

/** The government levels a provision can be shared between. */
export const GOVERNMENT_LEVELS = ['central', 'province', 'local'] as const;
export type GovernmentLevel = (typeof GOVERNMENT_LEVELS)[number];

export function provisionDefinition(id: string): ProvisionDefinition {
  const d = PROVISIONS.find((p) => p.id === id);
  if (!d) throw new Error(`unknown provision kind ${id}`);
  return d;
}

/** Quantities a base is evaluated on, in fen; provision:<id> are looked up in `provisions`. */
export interface BaseQuantities {
  readonly income: number;
  readonly reserveCost: number;
  readonly socialSecurity: number;
  readonly agriDevArea: number;
}

/** The base of one kind: its signed sum (may be negative — the caller floors it where the rule does). */
export function provisionBase(def: ProvisionDefinition, q: BaseQuantities, provisions: Readonly<Record<string, number>>): number {
  let base = 0;
  for (const term of def.base) {
    const v = term.quantity.startsWith('provision:') ? provisions[term.quantity.slice('provision:'.length)] ?? 0 : q[term.quantity as keyof BaseQuantities];
    base += term.sign * v;
  }
  return base;
}

/** Catalogue consistency, checked once at load: a base may only name kinds listed before it. */
(function assertCatalogue() {
  const seen = new Set<string>();
  for (const d of PROVISIONS) {
    for (const t of d.base) {
      if (t.quantity.startsWith('provision:') && !seen.has(t.quantity.slice(10))) throw new Error(`provision ${d.id}: base names ${t.quantity} before it is defined`);
    }
    seen.add(d.id);
  }
})();
