/**
 * The time-stepped run: integer fen, period by period, every movement a posting.
 *
 * Each period runs in three phases:
 *   0 inflows      appropriations → reserve fund; rent and sale receipts → treasury
 *   1 settlement   a parcel whose last sale receipt arrived: provisions, cost recovery, the split
 *   2 payments     acquisition tranches, fees, works, holding — from the reserve fund; if it
 *                  cannot pay, the shortfall policy decides (fiscal top-up), never silently
 * Settlement before payments is what lets a sale pay for the land's last tranche in the same
 * month; Xingning sold in December 2022 and paid its second tranche in January 2023.
 */
import { ruleIndex, type ProvisionKind } from './rules';
import { Ledger, NONE } from './ledger';
import { saleWaterfall, type WaterfallResult } from './sale-waterfall';
import { splitValueAdded } from './revenue-split';
import type { Model, ParcelModel, Payment } from './model';
import type { Fen } from './money';

export interface ParcelOutcome {
  readonly waterfall: WaterfallResult | null;
  readonly shares: readonly Fen[];
}

export interface RunOutput {
  readonly model: Model;
  readonly ledger: Ledger;
  readonly parcels: readonly ParcelOutcome[];
}

const enum Kind {
  Appropriation,
  Lease,
  Receipt,
  Settle,
  Acquisition,
  ServiceFee,
  Works,
  ManagementFee,
  Holding,
  SaleFee,
}

const PHASE: Record<Kind, number> = {
  [Kind.Appropriation]: 0,
  [Kind.Lease]: 0,
  [Kind.Receipt]: 0,
  [Kind.Settle]: 1,
  [Kind.Acquisition]: 2,
  [Kind.ServiceFee]: 2,
  [Kind.Works]: 2,
  [Kind.ManagementFee]: 2,
  [Kind.Holding]: 2,
  [Kind.SaleFee]: 2,
};

/** Events in struct-of-arrays form, ordered by (period, phase) with a counting sort. */
interface Events {
  kind: Uint8Array;
  parcel: Int32Array;
  amount: Float64Array;
  /** start[key]…start[key+1] are the events of key = period × 3 + phase. */
  start: Int32Array;
}

function collectEvents(model: Model): Events {
  const keys = model.timeline.months * 3;
  const raw: { kind: Kind; parcel: number; pays: readonly Payment[] }[] = [];
  raw.push({ kind: Kind.Appropriation, parcel: NONE, pays: model.appropriations });
  for (const p of model.parcels) {
    raw.push({ kind: Kind.Lease, parcel: p.index, pays: p.leases });
    raw.push({ kind: Kind.Acquisition, parcel: p.index, pays: p.acquisitionPayments });
    raw.push({ kind: Kind.ServiceFee, parcel: p.index, pays: p.serviceFeePayments });
    raw.push({ kind: Kind.Works, parcel: p.index, pays: p.works });
    raw.push({ kind: Kind.ManagementFee, parcel: p.index, pays: p.managementFeePayments });
    raw.push({ kind: Kind.Holding, parcel: p.index, pays: p.holding });
    if (p.sale) {
      raw.push({ kind: Kind.Receipt, parcel: p.index, pays: p.sale.receipts });
      raw.push({ kind: Kind.Settle, parcel: p.index, pays: [{ period: p.sale.settlementPeriod, amount: 0, date: '' }] });
      if (p.sale.businessFee > 0) raw.push({ kind: Kind.SaleFee, parcel: p.index, pays: [{ period: p.sale.period, amount: p.sale.businessFee, date: p.sale.date }] });
    }
  }
  const count = new Int32Array(keys + 1);
  let n = 0;
  for (const r of raw) for (const pay of r.pays) { count[pay.period * 3 + PHASE[r.kind] + 1]++; n++; }
  for (let k = 0; k < keys; k++) count[k + 1] += count[k];
  const start = count.slice();
  const cursor = count.slice(0, keys);
  const kind = new Uint8Array(n);
  const parcel = new Int32Array(n);
  const amount = new Float64Array(n);
  for (const r of raw) {
    for (const pay of r.pays) {
      const i = cursor[pay.period * 3 + PHASE[r.kind]]++;
      kind[i] = r.kind;
      parcel[i] = r.parcel;
      amount[i] = pay.amount;
    }
  }
  return { kind, parcel, amount, start };
}

export function run(model: Model): RunOutput {
  const acc = model.accounts;
  const A = {
    fiscal: acc.idx('fiscal'),
    reserveFund: acc.idx('reserveFund'),
    treasury: acc.idx('treasury'),
    landholders: acc.idx('landholders'),
    serviceProviders: acc.idx('serviceProviders'),
    contractors: acc.idx('contractors'),
    agentBuilder: acc.idx('agentBuilder'),
    caretakers: acc.idx('caretakers'),
    saleAgent: acc.idx('saleAgent'),
    tenants: acc.idx('tenants'),
    buyers: acc.idx('buyers'),
  };
  const provisionAccount: Record<ProvisionKind, number> = {
    landIncomeFund: acc.idx('provision:landIncomeFund'),
    agriDev: acc.idx('provision:agriDev'),
    education: acc.idx('provision:education'),
    water: acc.idx('provision:water'),
    housing: acc.idx('provision:housing'),
  };
  const R = {
    appropriation: ruleIndex('funding.appropriation'),
    topUp: ruleIndex('funding.fiscalTopUp'),
    serviceFee: ruleIndex('acquisition.serviceFee'),
    works: ruleIndex('development.works'),
    managementFee: ruleIndex('development.managementFee'),
    holding: ruleIndex('holding.cost'),
    saleFee: ruleIndex('sale.businessFee'),
    lease: ruleIndex('lease.income'),
    receipt: ruleIndex('sale.receipt'),
    costRecovery: ruleIndex('sale.costRecovery'),
    share: ruleIndex('split.share'),
    provision: {
      landIncomeFund: ruleIndex('provision.landIncomeFund'),
      agriDev: ruleIndex('provision.agriDev'),
      education: ruleIndex('provision.education'),
      water: ruleIndex('provision.water'),
      housing: ruleIndex('provision.housing'),
    } as Record<ProvisionKind, number>,
  };
  const acquisitionRule = model.parcels.map((p) => (p.acquisitionRule ? ruleIndex(p.acquisitionRule) : NONE));
  const zoneOf = model.parcels.map((p) => p.zone);

  const ev = collectEvents(model);
  const ledger = new Ledger(acc.list.length, Math.max(1024, ev.kind.length * 2 + model.parcels.length * 8));
  const outcomes: ParcelOutcome[] = model.parcels.map(() => ({ waterfall: null, shares: [] }));
  const bal = ledger.balances;

  for (let period = 0; period < model.timeline.months; period++) {
    const base = period * 3;
    // Phase 0: inflows.
    for (let i = ev.start[base]; i < ev.start[base + 1]; i++) {
      const p = ev.parcel[i];
      const z = p === NONE ? NONE : zoneOf[p];
      switch (ev.kind[i] as Kind) {
        case Kind.Appropriation: ledger.post(period, A.fiscal, A.reserveFund, ev.amount[i], R.appropriation); break;
        case Kind.Lease: ledger.post(period, A.tenants, A.treasury, ev.amount[i], R.lease, p, z); break;
        case Kind.Receipt: ledger.post(period, A.buyers, A.treasury, ev.amount[i], R.receipt, p, z); break;
      }
    }
    // Phase 1: settlement of parcels whose sale money is all in.
    for (let i = ev.start[base + 1]; i < ev.start[base + 2]; i++) {
      const p = ev.parcel[i];
      outcomes[p] = settle(model.parcels[p], period, model, ledger, A.treasury, A.reserveFund, provisionAccount, R);
    }
    // Phase 2: payments from the reserve fund; a shortfall is topped up from the fiscal budget.
    let need = 0;
    for (let i = ev.start[base + 2]; i < ev.start[base + 3]; i++) need += ev.amount[i];
    const gap = need - bal[A.reserveFund];
    if (gap > 0) ledger.post(period, A.fiscal, A.reserveFund, gap, R.topUp);
    for (let i = ev.start[base + 2]; i < ev.start[base + 3]; i++) {
      const p = ev.parcel[i];
      const z = zoneOf[p];
      const amt = ev.amount[i];
      switch (ev.kind[i] as Kind) {
        case Kind.Acquisition: ledger.post(period, A.reserveFund, A.landholders, amt, acquisitionRule[p], p, z); break;
        case Kind.ServiceFee: ledger.post(period, A.reserveFund, A.serviceProviders, amt, R.serviceFee, p, z); break;
        case Kind.Works: ledger.post(period, A.reserveFund, A.contractors, amt, R.works, p, z); break;
        case Kind.ManagementFee: ledger.post(period, A.reserveFund, A.agentBuilder, amt, R.managementFee, p, z); break;
        case Kind.Holding: ledger.post(period, A.reserveFund, A.caretakers, amt, R.holding, p, z); break;
        case Kind.SaleFee: ledger.post(period, A.reserveFund, A.saleAgent, amt, R.saleFee, p, z); break;
      }
    }
  }
  return { model, ledger, parcels: outcomes };
}

function settle(
  parcel: ParcelModel,
  period: number,
  model: Model,
  ledger: Ledger,
  treasury: number,
  reserveFund: number,
  provisionAccount: Record<ProvisionKind, number>,
  R: { costRecovery: number; share: number; provision: Record<ProvisionKind, number> },
): ParcelOutcome {
  const sale = parcel.sale!;
  const w = saleWaterfall(
    {
      revenue: sale.revenue,
      acquisition: parcel.acquisitionPlanned,
      socialSecurity: parcel.socialSecurity,
      serviceFee: parcel.serviceFee,
      development: parcel.developmentPlanned,
      managementFee: parcel.managementFee,
      saleBusinessFee: sale.businessFee,
      verifiedCost: parcel.verifiedCost,
      agriDevBase: parcel.agriDevBase,
    },
    model.waterfall,
  );
  const p = parcel.index;
  const z = parcel.zone;
  for (const k of model.waterfall.enabled) ledger.post(period, treasury, provisionAccount[k], w.provisions[k], R.provision[k], p, z);
  ledger.post(period, treasury, reserveFund, w.costRecovered, R.costRecovery, p, z);
  const shares = splitValueAdded(w.valueAdded, model.splits[parcel.split]);
  for (let t = 0; t < shares.length; t++) ledger.post(period, treasury, parcel.shareAccounts[t], shares[t], R.share, p, z);
  return { waterfall: w, shares };
}
