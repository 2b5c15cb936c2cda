/**
 * A bond project's debt as its parcels sell (DOMAIN S-6, B-1, B-5; 财预〔2017〕62号).
 *
 * Financing cost is part of the 核定成本: when a parcel's first sale receipt arrives, it takes its
 * share of the project's financing cost — interest and fees paid so far plus those still scheduled
 * to maturity, less what earlier parcels took — pro rata to its verified cost among the project's
 * parcels not yet sold (the last takes the rest, so the parcels carry the project's whole cost).
 * Of a bond that sales may redeem early only the interest accrued so far is counted, of one with
 * an option to repay early only the schedule to the option date: the parcels never carry more
 * than the project pays (financingTotal).
 *
 * Debt service comes first from the project's own land income: at settlement, what the bond still
 * owes beyond what its project account holds is set aside there before any value added is shared;
 * value added held back this way is released to its tiers when a later sale of the project covers
 * the debt, or, what of it is still in the account, once the debt is repaid (it secured nothing
 * more: S-1 splits the value added). Only debt service may spend it, and only after the account's
 * other money; a parcel's cost is paid neither from it nor from the cost recovered into the account
 * for the debt (project-account.ts keeps that ring-fence). The budget pays only what that income
 * cannot (a shortfall at a maturity, returned from later sales where there are any, or from what
 * the account still holds once the bonds are repaid: project-account-close.ts).
 *
 * Example: a 100 bond pays two parcels' costs of 50 each; interest to maturity is 10. Parcel X sells
 * first and nets 120: its cost 50 + 5 financing is recovered into the project account and 55 of its
 * value added is held back (the debt is 110); parcel Y then nets 120, its 55 recovered covers the
 * debt, and the 55 held back goes to X's tiers: value added 65 + 65 = 240 − 110.
 */
import { mulDivHalfUp, type Fen } from './money';
import type { BondBook, BondState } from './bond';
import type { Ledger } from './ledger';
import type { Model } from './model';
import type { ProjectAccounts } from './project-account';

export class ProjectDebt {
  /** Financing cost attributed to each parcel (0 until its first receipt). */
  readonly financing: Fen[];
  private readonly attributedSoFar = new Map<number, Fen>();
  private readonly started: boolean[];
  /** Value added held back per project, oldest first, and its sum. */
  private readonly withheld = new Map<number, { parcel: number; amount: Fen }[]>();
  private readonly withheldTotal = new Map<number, Fen>();
  /** Groups with bonds: project index, or -1 for bonds tied to no project. */
  private readonly groups: Set<number>;
  private readonly projectGroups: number[];
  /** Per group: the verified cost and the number of its parcels with a sale not yet attributed. */
  private readonly unsold = new Map<number, { weight: Fen; count: number }>();

  constructor(
    private readonly model: Model,
    private readonly bonds: BondBook,
    private readonly ledger: Ledger,
    /** What of each project account's money is value added held back (project-account.ts). */
    private readonly accounts: ProjectAccounts,
  ) {
    this.financing = model.parcels.map(() => 0);
    this.started = model.parcels.map(() => false);
    this.groups = new Set(model.bonds.map((b) => b.project));
    this.projectGroups = [...this.groups].filter((g) => g >= 0);
    for (const p of model.parcels) {
      const g = this.groupOf(p.index);
      if (g === null || !p.sale) continue;
      const u = this.unsold.get(g) ?? { weight: 0, count: 0 };
      u.weight += Math.max(0, p.verifiedCost);
      u.count += 1;
      this.unsold.set(g, u);
    }
  }

  /** The group whose bonds financed parcel p, or null. */
  groupOf(p: number): number | null {
    const g = this.model.parcels[p].project;
    return this.groups.has(g) ? g : null;
  }

  /**
   * The project's financing cost that the parcels may carry: paid so far, and of what is to come
   * what the project will pay whatever the sales do — its bonds' schedules to maturity, or to an
   * option date while the option may be taken (bond.ts remainingSure). A bond that sale money may
   * redeem early (B-7) has no such schedule: only the interest accrued so far (in whole fen) is
   * sure to be paid. Interest a later redemption cuts would be cost the project never paid, which
   * the 2020 opinion forbids booking (P-5: "不得…虚增土地出让成本"), so the parcels together never
   * carry more than the project pays (S-6 within P-5); what accrues after the last parcel's first
   * receipt is carried by none, and is met by value added held back (B-1).
   */
  private financingTotal(group: number, period: number): Fen {
    let sum = 0;
    for (const s of this.bonds.ofProject(group)) {
      sum += s.interestPaid + s.feesPaid;
      const b = s.bond;
      if (b.earlyRedemption) {
        if (s.accrued > 0n) sum += Number(s.accrued / (BigInt(b.rate.den) * 12n));
        continue;
      }
      const r = this.bonds.remainingSure(s, period);
      sum += r.interest + r.fees;
    }
    return sum;
  }

  /** At a parcel's first receipt: its share of the project's financing cost (0 if the scenario excludes it). */
  attribute(p: number, period: number): Fen {
    if (this.started[p]) return this.financing[p];
    this.started[p] = true;
    const g = this.groupOf(p);
    if (g === null || !this.model.financingInCost) return 0;
    const u = this.unsold.get(g) ?? { weight: 0, count: 1 };
    const weight = Math.max(0, this.model.parcels[p].verifiedCost);
    const open = Math.max(0, this.financingTotal(g, period) - (this.attributedSoFar.get(g) ?? 0));
    const share = u.count <= 1 ? open : u.weight > 0 ? mulDivHalfUp(open, weight, u.weight) : Math.floor(open / u.count);
    u.weight -= weight;
    u.count -= 1;
    this.attributedSoFar.set(g, (this.attributedSoFar.get(g) ?? 0) + share);
    this.financing[p] = share;
    return share;
  }

  /** What the project's bonds still owe beyond what its project account holds (0 for bonds of no project). */
  need(group: number, period: number): Fen {
    if (group < 0) return 0;
    let owed = 0;
    for (const s of this.bonds.ofProject(group)) {
      const r = this.bonds.remaining(s, period);
      owed += r.principal + r.interest + r.fees;
    }
    return Math.max(0, owed - Math.max(0, this.ledger.balances[this.model.projects[group].account]));
  }

  /** The group's bonds, the original and rollover ones (each keeps what its fund paid: owedToFund). */
  bondsOf(group: number): readonly BondState[] {
    return this.bonds.ofProject(group);
  }

  /** Value added of `parcel` set aside in the group's project account (already posted there). */
  hold(group: number, parcel: number, amount: Fen): void {
    if (amount <= 0) return;
    this.withhold(group, parcel, amount);
    this.accounts.hold(this.model.projects[group].account, amount);
  }

  /**
   * Value added of `parcel` that repaid debt service the group's funds had paid (already posted
   * to them): held back and spent at once, so a later sale's recovered cost gives it back to the
   * tiers as it does value added spent from the account.
   */
  repaidFunds(group: number, parcel: number, amount: Fen): void {
    if (amount > 0) this.withhold(group, parcel, amount);
  }

  private withhold(group: number, parcel: number, amount: Fen): void {
    const list = this.withheld.get(group) ?? [];
    list.push({ parcel, amount });
    this.withheld.set(group, list);
    this.withheldTotal.set(group, this.heldBack(group) + amount);
  }

  /** Recovered cost of the group's parcels paid into its project account for the debt (ring-fenced for it). */
  recover(group: number, amount: Fen): void {
    if (amount > 0) this.accounts.recover(this.model.projects[group].account, amount);
  }

  /** Debt service of `amount` just paid from the group's project account (value added held back last). */
  spend(group: number, amount: Fen): void {
    this.accounts.spent(this.model.projects[group].account, amount);
  }

  /** The group's project account emptied once its bonds are repaid. */
  closed(group: number): void {
    this.accounts.cleared(this.model.projects[group].account);
  }

  /**
   * After `period`'s debt service: whether every bond of the group, the rollovers too, has been
   * issued and owes nothing more (an accrual under half a fen, which no coupon pays, is nothing).
   */
  repaid(group: number, period: number): boolean {
    for (const s of this.bonds.ofProject(group)) if (!this.bonds.paidOff(s, period)) return false;
    return true;
  }

  /** The bond projects (groups other than −1), for a walk after each month's debt service. */
  get projects(): readonly number[] {
    return this.projectGroups;
  }

  /** Value added held back and still in the group's project account (none once spent on debt service). */
  heldInAccount(group: number): Fen {
    return this.accounts.held(this.model.projects[group].account);
  }

  /**
   * Takes up to `amount` of held-back value added, oldest first: the parcels it goes back to.
   * `fromAccount`: paid out of what is held in the account (else replaced by money paid in).
   */
  release(group: number, amount: Fen, fromAccount = false): { parcel: number; amount: Fen }[] {
    const list = this.withheld.get(group) ?? [];
    const out: { parcel: number; amount: Fen }[] = [];
    let left = amount;
    while (left > 0 && list.length > 0) {
      const h = list[0];
      const x = Math.min(left, h.amount);
      out.push({ parcel: h.parcel, amount: x });
      h.amount -= x;
      left -= x;
      if (h.amount === 0) list.shift();
    }
    const account = this.model.projects[group].account;
    this.withheldTotal.set(group, this.heldBack(group) - (amount - left));
    if (fromAccount) this.accounts.paidOut(account, amount - left);
    else this.accounts.replaced(account, this.heldBack(group));
    return out;
  }

  /** Value added of the group held back and not released (in its account, or spent on its debt service). */
  heldBack(group: number): Fen {
    return this.withheldTotal.get(group) ?? 0;
  }
}
