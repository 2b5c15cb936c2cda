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
import accountsData from '../data/accounts.json';

export type AccountKind = 'fund' | 'budget' | 'external' | 'provision' | 'share' | 'actor';

export interface Account {
  readonly id: string;
  readonly kind: AccountKind;
  readonly zh: string;
  readonly en: string;
}

const ACCOUNT_KINDS: readonly AccountKind[] = ['fund', 'budget', 'external', 'provision', 'share', 'actor'];

/** A row of data/accounts.json, its kind checked: the file is data, so its spelling is not the compiler's to check. */
function baseAccount(row: { id: string; kind: string; zh: string; en: string }): Account {
  const kind = ACCOUNT_KINDS.find((k) => k === row.kind);
  if (!kind) throw new Error(`data/accounts.json: account ${row.id} has kind ${row.kind}, not one of ${ACCOUNT_KINDS.join(', ')}`);
  return { ...row, kind };
}

/** Accounts every scenario has: the fixed ones from data/accounts.json, then a fund per provision. */
export const BASE_ACCOUNTS: readonly Account[] = [
  ...accountsData.accounts.map(baseAccount),
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
