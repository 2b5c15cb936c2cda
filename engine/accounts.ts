/**
 * The chart of accounts: every holder of money the simulation knows. A posting moves money from
 * one account to another, so the balances of all accounts always sum to zero: money paid to
 * villagers leaves the reserve fund (negative flow) and arrives with the landholders (positive).
 *
 * Kinds:
 *   fund       government money that must never go negative (reserve fund, treasury, pools)
 *   budget     the fiscal budget that appropriates and tops up (its balance is what it gave)
 *   external   the outside world: landholders, contractors, buyers, tenants
 *   provision  the funds that sale money is provisioned into (教育资金, 农田水利…)
 *   share      a tier's (or one government's) share of value added
 *   actor      a party inside the scheme with its own books, which may run a deficit (the 做地 developer)
 */
import { PROVISIONS } from './provision-catalogue';

export type AccountKind = 'fund' | 'budget' | 'external' | 'provision' | 'share' | 'actor';

export interface Account {
  readonly id: string;
  readonly kind: AccountKind;
  readonly zh: string;
  readonly en: string;
}

/** Accounts every scenario has. */
export const BASE_ACCOUNTS: readonly Account[] = [
  { id: 'fiscal', kind: 'budget', zh: '财政预算', en: 'Fiscal budget' },
  { id: 'poolCapital', kind: 'budget', zh: '资金池筹资来源', en: 'Pool capital sources' },
  { id: 'reserveFund', kind: 'fund', zh: '土地储备资金', en: 'Land reserve fund' },
  { id: 'treasury', kind: 'fund', zh: '国库（土地出让收入）', en: 'Treasury (land-sale income)' },
  { id: 'landholders', kind: 'external', zh: '被征收（收回、回购）土地权利人', en: 'Landholders compensated' },
  { id: 'serviceProviders', kind: 'external', zh: '征储服务机构', en: 'Acquisition service providers' },
  { id: 'contractors', kind: 'external', zh: '前期开发施工单位', en: 'Pre-development contractors' },
  { id: 'agentBuilder', kind: 'external', zh: '代建单位', en: 'Agent builder' },
  { id: 'caretakers', kind: 'external', zh: '管护单位', en: 'Caretakers' },
  { id: 'saleAgent', kind: 'external', zh: '出让业务承办', en: 'Sale administration' },
  { id: 'tenants', kind: 'external', zh: '临时利用承租人', en: 'Temporary-use tenants' },
  { id: 'buyers', kind: 'external', zh: '土地受让人', en: 'Land buyers' },
  ...PROVISIONS.map((d): Account => ({ id: `provision:${d.id}`, kind: 'provision', zh: d.zh, en: d.en })),
];

/** An index of accounts by id, fixed before the run starts (the ledger stores indices). */
export class ChartOfAccounts {
  readonly list: Account[] = [];
  private readonly index = new Map<string, number>();

  constructor(accounts: readonly Account[]) {
    for (const a of accounts) this.add(a);
  }

  add(account: Account): number {
    const existing = this.index.get(account.id);
    if (existing !== undefined) return existing;
    this.index.set(account.id, this.list.length);
    this.list.push(account);
    return this.list.length - 1;
  }

  idx(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`unknown account ${id}`);
    return i;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }
}

/** Account id of one government's share within a tier: share:city:三亚市. */
export function shareAccountId(tier: string, entity: string): string {
  return `share:${tier}:${entity}`;
}
