/**
 * The ring-fence of a bond project's account (项目专户): which of the money in it may pay a
 * parcel's cost and which only the project's debt (B-1, B-4, S-1; 财预〔2017〕62号).
 *
 * The account holds three kinds of money, told apart here and nowhere else:
 *   proceeds        the bond's unspent proceeds: land-reserve money for the project's parcels'
 *                   costs (B-4, B-9) and, after the money set aside for it, for its debt service
 *   recovered cost  核定成本 recovered from the project's sales and paid in for the debt: the
 *                   project's land income, which repays its bonds (B-1) and pays no other cost —
 *                   re-spent on a parcel, it would leave the debt to value added or the budget
 *   value added     held back for the debt (project-debt.ts): the tiers' money (S-1), which
 *                   secures the debt and nothing else
 * A parcel's cost may be paid only from the proceeds: `fenced` is the rest (run-payments.ts).
 *
 * Debt service from the account — on schedule, or principal redeemed at once from a sale's money
 * — spends recovered cost first, then proceeds, and value added held back last. The set-aside is
 * what the debt still needed beyond the account's other money when the parcel settled (S-6: the
 * financing cost is recovered as cost first; S-1: value added is what is left after it), so value
 * added pays only what that money cannot: when the debt turns out smaller than scheduled (a
 * redemption cut the interest, an option was taken) what is left is value added, and goes to the
 * tiers, not to the fund. The other order would book value added as the reserve fund's, as the
 * option case shows: a parcel whose recovered cost paid the whole debt would still lose the
 * interest the call saved to the fund (test/bond-early-redemption.test.ts).
 * Once the bonds are repaid (project-account-close.ts) the account keeps nothing: debt service a fund
 * paid for them is repaid first (the project's debt comes before its value added), value added
 * still held goes to its tiers, and the rest — proceeds and recovered cost the debt did not need —
 * goes back to the fund behind the bonds (the reserve fund, or a closed zone's fund), pro rata to
 * their principal when they have several. That fund, not each parcel's, because the money is the
 * bond's: its unspent proceeds, and recovered cost paid in to repay it; it is land-reserve money
 * (F-1 sources 1 and 3), which the finance department pools (seed 003: 省财政厅统筹安排省级土地储备
 * 资金), and the fund that stands behind the bond's debt service (B-13) is where it belongs.
 *
 * Example: 10 of proceeds, 5 720 of recovered cost and 4 990 of value added in the account (10 720,
 * fenced 10 710): a parcel's cost of 8 000 takes the 10, the reserve fund the rest; a coupon of 360
 * takes recovered cost (5 360 left); at maturity 10 360 takes the 5 360 and the 4 990 of value
 * added, the fund the last 10.
 */
import type { Fen } from './money';

export class ProjectAccounts {
  /** Per account: value added held back for debt service and still in it. */
  private readonly va: Float64Array;
  /** Per account: cost recovered into it for the debt and still in it. */
  private readonly cost: Float64Array;
  /** Per account: va + cost, the money no parcel's cost may be paid from (read by run-payments.ts). */
  readonly fenced: Float64Array;

  /** `balances`: the ledger's live balances, which the ring-fence never exceeds. */
  constructor(private readonly balances: Float64Array) {
    const accounts = balances.length;
    // Three views of one buffer: one allocation a run rather than three.
    const buffer = new ArrayBuffer(3 * 8 * accounts);
    this.va = new Float64Array(buffer, 0, accounts);
    this.cost = new Float64Array(buffer, 8 * accounts, accounts);
    this.fenced = new Float64Array(buffer, 16 * accounts, accounts);
  }

  /** Value added held back and still in `account`. */
  held(account: number): Fen {
    return this.va[account];
  }

  /** Value added of a settlement set aside into `account`. */
  hold(account: number, amount: Fen): void {
    this.va[account] += amount;
    this.fenced[account] += amount;
  }

  /** Recovered cost paid into `account` for the debt. */
  recover(account: number, amount: Fen): void {
    this.cost[account] += amount;
    this.fenced[account] += amount;
  }

  /**
   * Debt service of `paid` just paid from `account` (at once or on schedule): recovered cost
   * first, then proceeds, value added held back last — what stays held can be no more than the
   * account still holds beyond the recovered cost.
   */
  spent(account: number, paid: Fen): void {
    if (paid <= 0 || this.fenced[account] <= 0) return;
    const cost = this.cost[account] - Math.min(paid, this.cost[account]);
    this.cost[account] = cost;
    this.va[account] = Math.min(this.va[account], Math.max(0, this.balances[account] - cost));
    this.fenced[account] = this.va[account] + cost;
  }

  /**
   * Value added released to its tiers and replaced by recovered cost paid in for it (settlement's
   * route): with `heldBack` still held back for the project, no more than that is in the account,
   * and what was there beyond it stays as recovered cost (the share went out of what came in).
   */
  replaced(account: number, heldBack: Fen): void {
    const d = Math.max(0, this.va[account] - heldBack);
    this.va[account] -= d;
    this.cost[account] += d;
  }

  /** Value added `amount` paid out of `account` to its tiers. */
  paidOut(account: number, amount: Fen): void {
    this.va[account] -= Math.min(amount, this.va[account]);
    this.fenced[account] = this.va[account] + this.cost[account];
  }

  /** The account emptied once its project's bonds are repaid. */
  cleared(account: number): void {
    this.va[account] = 0;
    this.cost[account] = 0;
    this.fenced[account] = 0;
  }
}
