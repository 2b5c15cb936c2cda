/**
 * The figure catalogue: every money figure the Result reports, defined once — its key (the same
 * name at every level it appears), its names, the rules whose postings add to it and those that
 * subtract, or the account whose balance it is, and the levels it is reported at.
 *
 *   provisions = Σ provision.<kind> − Σ provision.<kind>.trueUp
 *     totals.provisions, periods[].provisions, parcels[].provisions
 *
 * so an accrual returned in part at the year's true-up shows net wherever `provisions` appears
 * (Haikou 2023, scenarios/hainan-year-base.json: HK-C1's education provision is 2 700 万元).
 * report(), the analysis fast path, the notebook's labels and the trace read this table; none
 * keeps its own list of rules.
 *
 * A `derived` figure is computed from other figures or from the plan (peak funding need, the
 * planned acquisition cost), not summed from postings: the trace names what it is made of.
 */
import { PROVISIONS } from './provision-catalogue';
import { RULE_IDS } from './rules';

/** Where a figure appears: totals.<key>, periods[]/years[]/quarters[].<key>, parcels[].<key>, zones[].<key>, bonds[].<key>. */
export type FigureLevel = 'total' | 'period' | 'parcel' | 'zone' | 'bond';

export interface Figure {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly levels: readonly FigureLevel[];
  /** Rules whose postings add to the figure. */
  readonly plus: readonly string[];
  /** Rules whose postings subtract (a provision's year-end true-up returned). */
  readonly minus: readonly string[];
  /** A balance: the end-of-period balance of these accounts (ids; '*fund' is every fund but the treasury). */
  readonly accounts?: readonly string[];
  /** Only the postings into a tier's share accounts count (`shares.<tier>`). */
  readonly tier?: string;
  /** A figure computed rather than summed: what it is made of. */
  readonly derived?: { readonly zh: string; readonly en: string; readonly from: readonly string[] };
  /** A field path other than the key at some level (zones[].developer.compensation). */
  readonly at?: Partial<Record<FigureLevel, string>>;
}

const ACQUISITION = ['acquisition.expropriation', 'acquisition.recovery', 'acquisition.purchase', 'acquisition.buyback', 'acquisition.idleRecovery'];
const SPENDING = [...ACQUISITION, 'acquisition.serviceFee', 'development.works', 'development.managementFee', 'holding.cost', 'sale.businessFee'];
const BOND_FEES = ['bond.issuanceFee', 'bond.registrationFee', 'bond.redemptionFee'];
const PROVISION_RULES = PROVISIONS.map((d) => `provision.${d.id}`);
const PROVISION_RETURNS = PROVISIONS.map((d) => `provision.${d.id}.trueUp`);

type Levels = readonly FigureLevel[];
const TPP: Levels = ['total', 'period', 'parcel'];
const flow = (key: string, zh: string, en: string, levels: Levels, plus: readonly string[], minus: readonly string[] = []): Figure => ({ key, zh, en, levels, plus, minus });
const balance = (key: string, zh: string, en: string, accounts: readonly string[]): Figure => ({ key, zh, en, levels: ['period'], plus: [], minus: [], accounts });
const derived = (key: string, zh: string, en: string, levels: Levels, how: { zh: string; en: string; from: readonly string[] }): Figure => ({ key, zh, en, levels, plus: [], minus: [], derived: how });

const LIST: Figure[] = [
  flow('appropriations', '财政预算安排', 'Budget appropriations', ['total', 'period'], ['funding.appropriation']),
  flow('fiscalTopUp', '财政补足', 'Fiscal top-up', ['total', 'period'], ['funding.fiscalTopUp']),
  flow('saleRevenue', '出让收入', 'Sale revenue', ['total', 'period', 'zone'], ['sale.receipt']),
  flow('leaseIncome', '临时利用收入', 'Temporary-use income', TPP, ['lease.income']),
  flow('acquisitionCost', '收储成本（已付）', 'Acquisition cost paid', TPP, ACQUISITION),
  flow('serviceFee', '征储服务费', 'Acquisition service fee', TPP, ['acquisition.serviceFee']),
  flow('developmentCost', '前期开发', 'Pre-development', TPP, ['development.works']),
  flow('managementFee', '代建管理费', 'Management fee', TPP, ['development.managementFee']),
  flow('holdingCost', '管护费用', 'Holding cost', TPP, ['holding.cost']),
  flow('saleBusinessFee', '出让业务费', 'Sale administration fee', TPP, ['sale.businessFee']),
  flow('spending', '支出合计（储备成本）', 'Spending (reserve cost paid)', ['total'], SPENDING),
  flow('provisions', '计提各项基金', 'Provisions', TPP, PROVISION_RULES, PROVISION_RETURNS),
  ...PROVISIONS.map((d) => flow(`provisionsByKind.${d.id}`, `计提${d.zh}`, `${d.en} provision`, ['total', 'parcel'], [`provision.${d.id}`], [`provision.${d.id}.trueUp`])),
  flow('costRecovered', '核定成本返还', 'Verified cost recovered', TPP, ['sale.costRecovery']),
  flow('valueAdded', '增值收益', 'Value added', TPP, ['split.share']),
  flow('advances', '预拨资金（含过桥）', 'Advances (pre-allocations and bridges)', ['period'], ['funding.preAllocation', 'funding.bridge']),
  flow('advancesReturned', '预拨资金返还', 'Advances returned', ['total', 'period'], ['funding.preAllocationReturn', 'funding.bridgeReturn']),
  flow('poolCapital', '资金池筹集', 'Pool capital raised', ['total', 'period'], ['funding.poolCapital']),
  flow('poolInflows', '资金池注入', 'Pool inflows', ['total', 'period'], ['funding.poolInflow']),
  flow('bondProceeds', '专项债券发行收入', 'Bond proceeds', ['total', 'period'], ['bond.proceeds', 'bond.rollover']),
  flow('interest', '债券利息', 'Bond interest', ['total', 'period', 'bond'], ['bond.interest']),
  flow('principalRepaid', '债券还本', 'Bond principal repaid', ['total', 'period', 'bond'], ['bond.principal', 'bond.earlyRedemption']),
  flow('bondFees', '债券费用', 'Bond fees', ['total', 'period', 'bond'], BOND_FEES),
  flow('debtService', '还本付息', 'Debt service', ['period'], ['bond.interest', 'bond.principal', 'bond.earlyRedemption', ...BOND_FEES]),
  flow('preAllocations', '财政预拨', 'Pre-allocations', ['total'], ['funding.preAllocation']),
  flow('bridges', '临时预拨（过桥）', 'Bridge advances', ['total'], ['funding.bridge']),
  flow('advancesOutstanding', '期末未返还预拨', 'Advances outstanding', ['total'], ['funding.preAllocation', 'funding.bridge'], ['funding.preAllocationReturn', 'funding.bridgeReturn']),
  flow('financingCost', '融资成本', 'Financing cost', ['total'], ['bond.interest', ...BOND_FEES]),
  flow('fiscalDebtSupport', '财政垫付偿债资金', 'Fiscal advance for debt service', ['total', 'bond'], ['bond.fiscalSupport']),
  flow('fiscalDebtSupportReturned', '财政垫付偿债资金返还', 'Fiscal debt-service advance returned', ['total'], ['bond.fiscalSupportReturn']),
  { ...flow('developerCompensation', '做地开发补偿费', 'Developer compensation', ['zone'], ['zone.developerCompensation']), at: { zone: 'developer.compensation' } },
  balance('reserveFundBalance', '储备资金余额', 'Reserve fund balance', ['reserveFund']),
  balance('treasuryBalance', '国库结存', 'Treasury balance', ['treasury']),
  balance('poolBalance', '资金池余额', 'Pool balance', ['*fund']),
  derived('acquisitionPlanned', '收储成本（计划）', 'Acquisition cost planned', ['total', 'parcel'], { zh: '各宗地计划收储成本之和（情景输入）', en: "the parcels' planned acquisition cost (scenario input)", from: [] }),
  derived('unrecoveredCost', '未弥补成本', 'Unrecovered cost', ['total', 'parcel'], { zh: '核定成本减出让收入扣除计提后可返还的部分', en: 'verified cost less what sale income after provisions could return', from: ['costRecovered', 'provisions', 'saleRevenue'] }),
  derived('peakFundingNeed', '峰值资金需求', 'Peak funding need', ['total', 'zone'], { zh: '累计（成本返还 − 支出 − 利息 − 债券费用）的最低点', en: 'the deepest point of Σ (cost recovered − spending − interest − fees)', from: ['costRecovered', 'spending', 'interest', 'bondFees'] }),
  derived('net', '当期净额', 'Net this period', ['period'], { zh: '成本返还 − 支出 − 利息 − 债券费用（+ 资金池注入）', en: 'cost recovered − spending − interest − fees (+ pool inflows)', from: ['costRecovered', 'spending', 'interest', 'bondFees', 'poolInflows'] }),
  derived('cumulativeNet', '累计净额', 'Cumulative net', ['period'], { zh: '当期净额的累计', en: 'the running total of net', from: ['net'] }),
  derived('valueAddedHeldBack', '留存偿债的增值收益', 'Value added held back for debt service', ['total', 'parcel'], { zh: '为偿还项目债务留存、未释放分成的增值收益（已用于还本付息，或债务未清时仍在项目专户）', en: 'value added held back for the project\'s debt and not released: spent on its debt service, or still in the project account while the debt is outstanding', from: ['valueAdded'] }),
];

/** A tier's share of the value added: made per tier, the tier's name from the result. */
export function shareFigure(tier: string, name?: { zh: string; en: string }): Figure {
  const n = name ?? { zh: tier, en: tier };
  return { key: `shares.${tier}`, zh: `${n.zh}分成`, en: `${n.en} share`, levels: TPP, plus: ['split.share'], minus: [], tier };
}

/** Rules that make postings but no figure of their own, and why. */
export const NOT_FIGURES: Readonly<Record<string, string>> = {
  // Moves settled income between programme accounts; shown through projects[].available and coverage.
  'bond.setAside': 'sale income set aside in a project account: a transfer inside the programme, read by bond coverage',
  // Sale income a project owes its funds, and a repaid project account emptied into them: transfers inside the programme.
  'bond.fundRepaid': 'debt service a fund paid, repaid from the project\'s sale income: a transfer inside the programme',
  'bond.accountReturned': 'what a repaid project account still holds, returned to the reserve fund: a transfer inside the programme',
};

export const FIGURES: ReadonlyMap<string, Figure> = new Map(LIST.map((f) => [f.key, f]));

/** A figure by key; `shares.<tier>` is made on the fly. */
export function figure(key: string, tierName?: { zh: string; en: string }): Figure | null {
  const known = FIGURES.get(key);
  if (known) return known;
  const share = /^shares\.(.+)$/.exec(key);
  return share ? shareFigure(share[1], tierName) : null;
}

/** The figures reported at a level, in catalogue order. */
export function figuresAt(level: FigureLevel): Figure[] {
  return LIST.filter((f) => f.levels.includes(level));
}

/** The figures summed from postings (not balances, not derived) at a level. */
export function ruleFiguresAt(level: FigureLevel): Figure[] {
  return figuresAt(level).filter((f) => !f.accounts && !f.derived && f.plus.length > 0);
}

/** A figure's rules as ledger rule numbers: what a pass over the columns adds and subtracts. */
export interface RuleSum { readonly plus: readonly number[]; readonly minus: readonly number[] }

const INDEX = new Map(RULE_IDS.map((id, i) => [id, i]));
export function ruleSum(f: Figure): RuleSum {
  const idx = (ids: readonly string[]) => ids.map((id) => INDEX.get(id)).filter((i): i is number => i !== undefined);
  return { plus: idx(f.plus), minus: idx(f.minus) };
}

/** Every rule id some figure reads, with NOT_FIGURES: what the catalogue test holds every posted rule to. */
export function coveredRules(): Set<string> {
  const s = new Set<string>(Object.keys(NOT_FIGURES));
  for (const f of LIST) for (const r of [...f.plus, ...f.minus]) s.add(r);
  return s;
}
