/**
 * The rules that make postings. Every posting carries one of these ids, so any number in a
 * report can be traced to the rule (and its DOMAIN.md reference and source document) behind it.
 *
 * `line` is where the rule's money shows in the per-period statement:
 *   source        money coming into the reserve programme (appropriations, receipts, rent…)
 *   use           money the programme spends (acquisition, development, holding…)
 *   distribution  sale money passed on after settlement (provisions, cost recovery, shares)
 */
export interface RuleInfo {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** DOMAIN.md rule ids, e.g. "S-1". */
  readonly ref: string;
  readonly line: 'source' | 'use' | 'distribution' | 'financing';
}

import { PROVISIONS } from './provision-catalogue';

const RULE_LIST: RuleInfo[] = [
  { id: 'funding.appropriation', zh: '财政预算安排土地储备资金', en: 'Budget appropriation to the reserve fund', ref: 'F-1', line: 'source' },
  { id: 'funding.fiscalTopUp', zh: '财政补足资金缺口', en: 'Fiscal top-up of a funding gap', ref: 'F-1', line: 'source' },
  { id: 'acquisition.expropriation', zh: '征收补偿', en: 'Expropriation compensation', ref: 'C-1, C-2', line: 'use' },
  { id: 'acquisition.recovery', zh: '收回补偿', en: 'Recovery of state land', ref: 'C-2', line: 'use' },
  { id: 'acquisition.purchase', zh: '收购价款', en: 'Purchase price', ref: 'C-2', line: 'use' },
  { id: 'acquisition.buyback', zh: '留用地回购款', en: 'Retained-land buy-back', ref: 'C-7, X-2', line: 'use' },
  { id: 'acquisition.idleRecovery', zh: '无偿收回闲置土地', en: 'Idle land recovered without compensation', ref: 'I-3', line: 'use' },
  { id: 'acquisition.serviceFee', zh: '征储事务性工作服务费', en: 'Acquisition service fee', ref: 'C-5', line: 'use' },
  { id: 'development.works', zh: '前期开发', en: 'Pre-development works', ref: 'C-3, F-2', line: 'use' },
  { id: 'development.managementFee', zh: '代建管理费', en: 'Agent-construction management fee', ref: 'C-6, M-1', line: 'use' },
  { id: 'holding.cost', zh: '管护费用', en: 'Holding and care cost', ref: 'H-1, F-2', line: 'use' },
  { id: 'sale.businessFee', zh: '土地出让业务费', en: 'Sale administration fee', ref: 'P-13', line: 'use' },
  { id: 'lease.income', zh: '临时利用收入（缴入国库）', en: 'Temporary-use income (to the treasury)', ref: 'H-1, H-2, F-4', line: 'source' },
  { id: 'sale.receipt', zh: '土地出让收入', en: 'Land-sale receipt', ref: 'P-1, H-3', line: 'source' },
  ...PROVISIONS.flatMap((d): RuleInfo[] => [
    { id: `provision.${d.id}`, zh: `计提${d.zh}`, en: `${d.en} provision`, ref: d.ref, line: 'distribution' },
    // A year-end true-up that finds the year's base smaller than accrued gives the difference back (P-3, P-9).
    { id: `provision.${d.id}.trueUp`, zh: `${d.zh}年终清算退回`, en: `${d.en}: year-end true-up returned`, ref: d.ref, line: 'distribution' },
  ]),
  { id: 'sale.costRecovery', zh: '核定土地储备成本返还', en: 'Verified reserve cost recovered', ref: 'S-1, S-2, S-5, S-6', line: 'distribution' },
  { id: 'bond.setAside', zh: '出让收入留存项目专户偿债', en: 'Sale income set aside in the project account for debt service', ref: 'B-1, B-5', line: 'distribution' },
  { id: 'split.share', zh: '增值收益分成', en: 'Value-added share', ref: 'S-1', line: 'distribution' },
  { id: 'funding.poolCapital', zh: '资金池筹集资金', en: 'Fund pool capital raised', ref: 'F-5', line: 'source' },
  { id: 'funding.poolInflow', zh: '注入资金池（国有土地收益基金等）', en: 'Pool inflow (land income fund etc.)', ref: 'F-1, F-5', line: 'source' },
  { id: 'funding.preAllocation', zh: '财政预拨', en: 'Fiscal pre-allocation', ref: 'Z-5, F-5', line: 'financing' },
  { id: 'funding.preAllocationReturn', zh: '财政预拨资金返还', en: 'Pre-allocation returned', ref: 'Z-5', line: 'financing' },
  { id: 'funding.bridge', zh: '临时预拨（过桥资金）', en: 'Bridge advance', ref: 'F-5', line: 'financing' },
  { id: 'funding.bridgeReturn', zh: '临时预拨资金返还', en: 'Bridge advance returned', ref: 'F-5', line: 'financing' },
  { id: 'bond.proceeds', zh: '专项债券发行收入', en: 'Special bond proceeds', ref: 'B-1, B-3', line: 'financing' },
  { id: 'bond.rollover', zh: '借新还旧（周转偿还）发行收入', en: 'Rollover bond proceeds', ref: 'B-7', line: 'financing' },
  { id: 'bond.interest', zh: '专项债券付息', en: 'Bond interest', ref: 'B-8', line: 'financing' },
  { id: 'bond.principal', zh: '专项债券还本', en: 'Bond principal repaid', ref: 'B-7', line: 'financing' },
  { id: 'bond.earlyRedemption', zh: '以出让收入提前偿还本金', en: 'Early redemption from sale income', ref: 'B-7, H-4', line: 'financing' },
  { id: 'bond.issuanceFee', zh: '债券发行费', en: 'Bond issuance fee', ref: 'B-15', line: 'financing' },
  { id: 'bond.registrationFee', zh: '债券登记托管费', en: 'Bond registration fee', ref: 'B-15', line: 'financing' },
  { id: 'bond.redemptionFee', zh: '债券兑付手续费', en: 'Bond redemption fee', ref: 'B-15', line: 'financing' },
  { id: 'bond.fiscalSupport', zh: '财政垫付偿债资金（收入未到或不足）', en: 'Fiscal advance for debt service', ref: 'B-13', line: 'financing' },
  { id: 'bond.fiscalSupportReturn', zh: '财政垫付偿债资金返还', en: 'Fiscal debt-service advance returned', ref: 'B-13, S-6', line: 'financing' },
  { id: 'zone.developerCompensation', zh: '做地开发补偿费', en: 'Development compensation fee to the 做地 developer', ref: 'Z-2', line: 'distribution' },
  // Debt service a fund paid for a project, repaid from the project's value added at settlement or from its account once its
  // bonds are repaid; what such an account still holds then (project-account.ts, settlement.ts).
  { id: 'bond.fundRepaid', zh: '以项目出让收入归还资金垫付的还本付息', en: 'Debt service a fund paid, repaid from the project\'s sale income', ref: 'B-1, B-13, S-6', line: 'distribution' },
  { id: 'bond.accountReturned', zh: '债券偿清后项目专户余额退回土地储备资金', en: 'Project account balance returned to the reserve fund once its bonds are repaid', ref: 'B-1, B-4, F-1', line: 'distribution' },
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map(RULE_LIST.map((r) => [r.id, r]));

/** Rule ids as small integers for the ledger's typed arrays. */
export const RULE_IDS: readonly string[] = RULE_LIST.map((r) => r.id);
const RULE_INDEX = new Map(RULE_IDS.map((id, i) => [id, i]));

export function ruleIndex(id: string): number {
  const i = RULE_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown rule ${id}`);
  return i;
}

export const ACQUISITION_RULE = {
  expropriation: 'acquisition.expropriation',
  recovery: 'acquisition.recovery',
  purchase: 'acquisition.purchase',
  buyback: 'acquisition.buyback',
  idleRecovery: 'acquisition.idleRecovery',
} as const;

export { PROVISION_KINDS, type ProvisionKind } from './provision-catalogue';
