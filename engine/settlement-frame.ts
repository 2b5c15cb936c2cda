/**
 * What a settlement reads of its model that every run of one chart of accounts, provision
 * catalogue and timeline shares: the treasury's and provisions' accounts, the rules' indexes, the
 * parcel-level provision kinds with their bases compiled, each period's calendar year. Made once
 * and kept with the catalogue, so that a Monte Carlo's draws (adjusted models of one base, whose
 * accounts, provisions and timeline are the base's own objects) do not each look them up again.
 */
import { compileKinds, type CompiledKinds, type ProvisionRate } from './sale-waterfall';
import { YearProvisions, type YearKind } from './year-provisions';
import { ruleIndex } from './rules';
import { yearMonthOf } from './timeline';
import type { Model } from './model';

export interface SettlementRules {
  readonly receipt: number;
  readonly costRecovery: number;
  readonly share: number;
  readonly developerCompensation: number;
  readonly poolInflow: number;
  readonly setAside: number;
  readonly fundRepaid: number;
  readonly provision: Readonly<Record<string, number>>;
}

export interface SettlementFrame {
  readonly treasury: number;
  readonly buyers: number;
  readonly provisionAccount: Readonly<Record<string, number>>;
  readonly R: SettlementRules;
  readonly parcelKinds: readonly ProvisionRate[];
  /** Per parcel-level kind, in order: its id, provision account and rule (read per settlement, by index). */
  readonly kindId: readonly string[];
  readonly kindAccount: Int32Array;
  readonly kindRule: Int32Array;
  /** The land income fund's place among the parcel-level kinds (−1 if none or not allocated to the pool). */
  readonly landIncomeKind: number;
  readonly compiled: CompiledKinds;
  /** A waterfall's provisions: the parcel-level kinds, then (on the year basis) the year's kinds. */
  readonly outcomeKinds: readonly string[];
  /** The year-netted kinds (on the year basis), or null. */
  readonly yearKinds: readonly YearKind[] | null;
  /** The calendar year of each period. */
  readonly yearOf: Int32Array;
}

interface Kept {
  readonly frame: SettlementFrame;
  readonly accounts: Model['accounts'];
  readonly accountsSize: number;
  readonly timeline: Model['timeline'];
  readonly basePeriod: Model['basePeriod'];
  /** Whether the land income fund goes to the pool (the frame reads no more of it). */
  readonly landIncomeToPool: boolean;
}

const KEPT = new WeakMap<readonly ProvisionRate[], Kept>();

/** The frame of `model`'s settlement: the one kept with its provision catalogue when made for the same accounts and timeline. */
export function settlementFrame(model: Model): SettlementFrame {
  const kept = KEPT.get(model.provisions);
  if (kept && kept.accounts === model.accounts && kept.accountsSize === model.accounts.list.length && kept.timeline === model.timeline && kept.basePeriod === model.basePeriod && kept.landIncomeToPool === !!model.poolFromLandIncomeFund) return kept.frame;
  const frame = frameOf(model);
  KEPT.set(model.provisions, { frame, accounts: model.accounts, accountsSize: model.accounts.list.length, timeline: model.timeline, basePeriod: model.basePeriod, landIncomeToPool: !!model.poolFromLandIncomeFund });
  return frame;
}

function frameOf(model: Model): SettlementFrame {
  const acc = model.accounts;
  const provisionAccount: Record<string, number> = {};
  for (const k of model.provisions) provisionAccount[k.def.id] = acc.idx(`provision:${k.def.id}`);
  const R: SettlementRules = {
    receipt: ruleIndex('sale.receipt'), costRecovery: ruleIndex('sale.costRecovery'), share: ruleIndex('split.share'),
    developerCompensation: ruleIndex('zone.developerCompensation'), poolInflow: ruleIndex('funding.poolInflow'), setAside: ruleIndex('bond.setAside'),
    fundRepaid: ruleIndex('bond.fundRepaid'),
    provision: Object.fromEntries(model.provisions.map((k) => [k.def.id, ruleIndex(`provision.${k.def.id}`)])),
  };
  const byYear = model.basePeriod === 'year';
  const parcelKinds = byYear ? model.provisions.filter((k) => k.def.netting === 'parcel') : model.provisions;
  const kindId = parcelKinds.map((k) => k.def.id);
  return {
    treasury: acc.idx('treasury'),
    buyers: acc.idx('buyers'),
    provisionAccount,
    R,
    parcelKinds,
    kindId,
    kindAccount: Int32Array.from(kindId, (id) => provisionAccount[id]),
    kindRule: Int32Array.from(kindId, (id) => R.provision[id]),
    landIncomeKind: model.poolFromLandIncomeFund ? kindId.indexOf('landIncomeFund') : -1,
    compiled: compileKinds(parcelKinds),
    outcomeKinds: byYear ? [...kindId, ...model.provisions.filter((k) => k.def.netting === 'year').map((k) => k.def.id)] : kindId,
    yearKinds: byYear ? YearProvisions.kindsOf(model.provisions, (id) => provisionAccount[id], (id) => ruleIndex(id)) : null,
    yearOf: Int32Array.from({ length: model.timeline.months }, (_, period) => yearMonthOf(model.timeline, period).year),
  };
}
