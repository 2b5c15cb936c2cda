/**
 * A Model assembled from a scenario frame whose parcels and funding were normalized without a
 * problem. What comes from the frame alone — provisions with their recipients' weights, which
 * level each tier is, rural spending per year, period labels — is made once per frame and shared
 * by the models made from it: adjust makes a Model per Monte Carlo draw from one frame, and every
 * draw's model would otherwise build those again. A model's checks wait until first read, since a
 * parcel's checks write amounts in 万元 and a draw reads none.
 */
import { memo, parseMoney, parseRate, weightsFromStrings, type Fen } from '../money';
import { GOVERNMENT_LEVELS, PROVISIONS, PROVISION_KINDS } from '../provision-catalogue';
import { periodLabels, type Timeline } from '../timeline';
import { settleChecks, type Check, type PendingCheck } from '../check';
import type { GovernmentLevelOfTier, Model, ParcelModel, ProvisionModel } from '../model';
import { toText } from './text';
import type { Funding } from './normalize';
import type { Frame } from './scenario-frame';

/** What a Model takes from its frame alone: made once per frame (adjust makes a Model per draw). */
interface FrameParts {
  readonly provisions: ProvisionModel[];
  readonly tierLevels: GovernmentLevelOfTier[];
  readonly collector: number;
  readonly ruralSpending: Map<number, Fen>;
  readonly periodLabels: readonly string[];
}

const FRAME_PARTS = new WeakMap<Frame, FrameParts>();

// Every prepare of a scenario makes a new frame, but its timeline and its provisions' recipients are
// the same few texts scenario after scenario: their labels and integer weights are made once each
// (a session meets a few timelines; the labels are shared between models, so frozen).
const WEIGHTS = memo((key: string) => weightsFromStrings(key.split('\u0000')), 1000, 256);
const recipientWeights = (texts: readonly string[]): number[] => [...WEIGHTS(texts.join('\u0000'))];
const LABELS = memo((key: string) => { const [y, m, n] = key.split(':').map(Number); return Object.freeze(periodLabels({ startYear: y, startMonth: m, months: n })); }, 32);
const labelsOf = (t: Timeline): readonly string[] => LABELS(`${t.startYear}:${t.startMonth}:${t.months}`);

function frameParts(f: Frame): FrameParts {
  let parts = FRAME_PARTS.get(f);
  if (parts) return parts;
  const { s, params } = f;
  const enabled = s.provisions ?? [...PROVISION_KINDS];
  const provisions: ProvisionModel[] = PROVISIONS.filter((d) => enabled.includes(d.id)).map((def) => {
    const who = params.weights(def.recipients) ?? { local: '1' };
    return {
      def,
      rate: params.rate(def.rate),
      recipients: recipientWeights(GOVERNMENT_LEVELS.map((l) => (Object.hasOwn(who, l) ? who[l] : '0'))),
      ruralShare: def.ruralShare.endsWith('%') ? parseRate(def.ruralShare)! : params.rate(def.ruralShare),
    };
  });
  const rawTiers = s.tiers ?? [];
  const collector = Math.max(0, rawTiers.findIndex((x) => x.collects));
  const tierLevels: GovernmentLevelOfTier[] = f.tiers.map((tier, i) => {
    if (i === collector) return 'local';
    return (rawTiers[i]?.level ?? (tier.id === 'province' ? 'province' : 'city')) === 'province' ? 'province' : 'other';
  });
  const ruralSpending = new Map<number, Fen>();
  for (const r of s.ruralSpending ?? []) ruralSpending.set(r.year, (ruralSpending.get(r.year) ?? 0) + parseMoney(r.amount)!);
  parts = { provisions, tierLevels, collector, ruralSpending, periodLabels: labelsOf(f.t) };
  FRAME_PARTS.set(f, parts);
  return parts;
}

/**
 * The Model of a frame whose parcels and funding are normalized without a problem. Its checks are
 * made when first read (a parcel's checks write amounts in 万元; a Monte Carlo draw reads none).
 */
export function assembleModel(f: Frame, parcels: ParcelModel[], funding: Funding, checks: readonly PendingCheck[]): Model {
  const { s, t, params, zp } = f;
  const parts = frameParts(f);
  const model: Omit<Model, 'staticChecks'> = {
      id: s.id,
      name: toText(s.name, s.id),
      description: s.description === undefined ? null : toText(s.description, ''),
      sources: s.sources ?? [],
      timeline: t,
      periodLabels: parts.periodLabels,
      jurisdiction: f.jurisdiction,
      asOf: f.asOfDay,
      params,
      provisions: parts.provisions,
      basePeriod: params.choice('provisions.basePeriod') === 'parcel' ? 'parcel' : 'year',
      financingInCost: params.choice('cost.financingInVerifiedCost') !== 'excluded',
      tierLevels: parts.tierLevels,
      collectorTier: parts.collector,
      ruralSpending: parts.ruralSpending,
      tiers: f.tiers,
      splits: f.splits,
      splitNames: f.splitNames,
      accounts: f.accounts,
      zones: zp.zones,
      zoneMode: s.zoneMode ?? 'pooled',
      parcels,
      appropriations: funding.appropriations,
      poolCapital: funding.poolCapital,
      poolInflows: funding.poolInflows,
      poolFromLandIncomeFund: s.funding?.pool?.landIncomeFundShare ? parseRate(s.funding.pool.landIncomeFundShare) : null,
      preAllocations: funding.preAllocations,
      bonds: funding.bonds,
      projects: zp.projects,
      bondQuota: funding.bondQuota,
      coverageBasis: s.bondPolicy?.coverageBasis ?? 'gross',
      coverageFloor: params.ratio('bond.coverageFloor'),
      coverageWarn: params.ratio('bond.coverageWarn'),
      shortfall: s.funding?.shortfall ?? 'fiscalTopUp',
  };
  Object.defineProperty(model, PENDING, { value: { checks, settled: null } satisfies PendingChecks });
  return Object.defineProperty(model, 'staticChecks', STATIC_CHECKS) as unknown as Model;
}

/** A model's checks as its parcels left them, and once read, as made (shared by the copies of the model). */
interface PendingChecks {
  readonly checks: readonly PendingCheck[];
  settled: Check[] | null;
}

const PENDING = Symbol('pendingChecks');

/**
 * `staticChecks`, made when first read: one getter for every Model, defined after the fields. An
 * object literal with a getter is made in dictionary mode (every field read in the run and the
 * report a hash lookup), and a getter of its own per model would give each model a map of its own.
 * The pending checks ride along as a hidden field, so a copy of the model's descriptors reads them too.
 */
const STATIC_CHECKS: PropertyDescriptor = {
  get(this: { [PENDING]: PendingChecks }): readonly Check[] {
    const pending = this[PENDING];
    return (pending.settled ??= settleChecks(pending.checks));
  },
  enumerable: true,
  configurable: true,
};
