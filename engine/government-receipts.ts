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
 * provisions per parcel (`provisionsOf(parcel, k)`, k indexing model.provisions).
 */
export function governmentReceipts(model: Model, shares: { readonly received: Float64Array; readonly firstTo: Int32Array }, provisionsOf: (parcel: number, kind: number) => Fen): Map<string, GovernmentReceipts> {
  const nK = model.provisions.length;
  // Governments by number while summing (names are looked up once per account, not per amount),
  // and the order in which each first receives, which is the order of the answer.
  const names: string[] = [];
  const numberOf = new Map<string, number>();
  const govOf = (name: string) => {
    let g = numberOf.get(name);
    if (g === undefined) { numberOf.set(name, (g = names.length)); names.push(name); valueAdded.push(0); total.push(0); provisions.push(new Array<number>(nK).fill(0)); }
    return g;
  };
  const valueAdded: number[] = [];
  const total: number[] = [];
  const provisions: number[][] = [];
  const order: number[] = [];
  const seen: boolean[] = [];
  const touch = (g: number) => { if (!seen[g]) { seen[g] = true; order.push(g); } };
  // The government named by each account, worked out once per account.
  const govOfAccount = new Int32Array(model.accounts.list.length).fill(-1);
  const accountGov = (a: number) => (govOfAccount[a] >= 0 ? govOfAccount[a] : (govOfAccount[a] = govOf(model.accounts.list[a].id.split(':').slice(2).join(':'))));
  // The share accounts paid anything, in the order of their first posting.
  const paid = model.accounts.list.flatMap((a, i) => (a.kind === 'share' && shares.firstTo[i] >= 0 ? [i] : [])).sort((a, b) => shares.firstTo[a] - shares.firstTo[b]);
  for (const a of paid) {
    const g = accountGov(a);
    touch(g);
    valueAdded[g] += shares.received[a];
    total[g] += shares.received[a];
  }
  const provinceTier = model.tierLevels.indexOf('province');
  // A provision with one recipient level goes to it whole: what the split would give, without making it.
  const kinds = model.provisions.map((k) => {
    const nonZero = k.recipients.flatMap((w, j) => (w > 0 ? [j] : []));
    return { only: nonZero.length === 1 ? nonZero[0] : -1, ratios: { tiers: [...GOVERNMENT_LEVELS], weights: k.recipients, remainder: 'last' as const } };
  });
  // In GOVERNMENT_LEVELS order: central, province, local.
  const gov = [govOf(CENTRAL), govOf(PROVINCE), -1];
  const add = (j: number, k: number, amount: Fen) => {
    const g = gov[j];
    touch(g);
    provisions[g][k] += amount;
    total[g] += amount;
  };
  const central = gov[0];
  const province = gov[1];
  for (const p of model.parcels) {
    gov[0] = central;
    gov[1] = provinceTier >= 0 ? accountGov(p.shareAccounts[provinceTier]) : province;
    gov[2] = accountGov(p.shareAccounts[model.collectorTier]);
    for (let k = 0; k < nK; k++) {
      const amount = provisionsOf(p.index, k);
      if (amount <= 0) continue;
      const kind = kinds[k];
      if (kind.only >= 0) { add(kind.only, k, amount); continue; }
      const parts = splitValueAdded(amount, kind.ratios);
      for (let j = 0; j < parts.length; j++) if (parts[j] !== 0) add(j, k, parts[j]);
    }
  }
  const out = new Map<string, GovernmentReceipts>();
  for (const g of order) {
    const byKind: Record<string, Fen> = {};
    for (let k = 0; k < nK; k++) byKind[model.provisions[k].def.id] = provisions[g][k];
    out.set(names[g], { valueAdded: valueAdded[g], provisions: byKind, total: total[g] });
  }
  return out;
}
