/**
 * What each government receives from land sales (DOMAIN S-1, P-6…P-10): its value-added shares plus
 * its part of every provision, by the catalogue's recipients — e.g. in Guangdong 30% of the
 * agricultural land development fund goes to the province and 70% stays with the city; from 2012
 * the centre pools 20% of the farmland water-conservancy fund (财综〔2012〕43号).
 *
 * The local part goes to the government of the tier that collects the land income (the first tier,
 * unless a tier says `collects`); the provincial part to the parcel's government in a province-level
 * tier (else "省级财政"); the central part to "中央财政". Parts are whole fen (split.remainder rule),
 * so a government's receipts sum, over all governments, to the provisions plus the value added.
 */
import type { Fen } from './money';
import { GOVERNMENT_LEVELS } from './provision-catalogue';
import { splitValueAdded } from './revenue-split';
import type { Model } from './model';

export interface GovernmentReceipts {
  valueAdded: Fen;
  provisions: Record<string, Fen>;
  total: Fen;
}

const CENTRAL = '中央财政';
const PROVINCE = '省级财政';

/**
 * Receipts per government (keyed by its name, in the order the governments first receive), from
 * what each share account received (`received[a]`, first paid by posting `firstTo[a]`) and the
 * provisions per parcel.
 */
export function governmentReceipts(model: Model, shares: { readonly received: Float64Array; readonly firstTo: Int32Array }, provisionsOf: (parcel: number, kind: string) => Fen): Map<string, GovernmentReceipts> {
  const out = new Map<string, GovernmentReceipts>();
  const entry = (g: string) => {
    let e = out.get(g);
    if (!e) out.set(g, (e = { valueAdded: 0, provisions: Object.fromEntries(model.provisions.map((k) => [k.def.id, 0])), total: 0 }));
    return e;
  };
  // The government named by each account, worked out once per account rather than per posting.
  const entities: (string | undefined)[] = new Array(model.accounts.list.length);
  const entityOf = (account: number) => (entities[account] ??= model.accounts.list[account].id.split(':').slice(2).join(':'));
  // The share accounts paid anything, in the order of their first posting.
  const paid = model.accounts.list.flatMap((a, i) => (a.kind === 'share' && shares.firstTo[i] >= 0 ? [i] : [])).sort((a, b) => shares.firstTo[a] - shares.firstTo[b]);
  for (const a of paid) {
    const e = entry(entityOf(a));
    e.valueAdded += shares.received[a];
    e.total += shares.received[a];
  }
  const provinceTier = model.tierLevels.indexOf('province');
  // A provision with one recipient level goes to it whole: what the split would give, without making it.
  const kinds = model.provisions.map((k) => {
    const nonZero = k.recipients.flatMap((w, j) => (w > 0 ? [j] : []));
    return { id: k.def.id, only: nonZero.length === 1 ? nonZero[0] : -1, ratios: { tiers: [...GOVERNMENT_LEVELS], weights: k.recipients, remainder: 'last' as const } };
  });
  const names = [CENTRAL, PROVINCE, ''];
  const add = (j: number, kind: string, amount: Fen) => {
    const e = entry(names[j]);
    e.provisions[kind] += amount;
    e.total += amount;
  };
  for (const p of model.parcels) {
    // In GOVERNMENT_LEVELS order: central, province, local.
    names[1] = provinceTier >= 0 ? entityOf(p.shareAccounts[provinceTier]) : PROVINCE;
    names[2] = entityOf(p.shareAccounts[model.collectorTier]);
    for (const k of kinds) {
      const amount = provisionsOf(p.index, k.id);
      if (amount <= 0) continue;
      if (k.only >= 0) { add(k.only, k.id, amount); continue; }
      const parts = splitValueAdded(amount, k.ratios);
      for (let j = 0; j < parts.length; j++) if (parts[j] !== 0) add(j, k.id, parts[j]);
    }
  }
  return out;
}
