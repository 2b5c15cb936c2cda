/**
 * The close of a bond project's account (项目专户) once its bonds — rollovers included — are all
 * repaid (B-1, B-4, S-1; 财预〔2017〕62号): it secures nothing more, so it keeps nothing, and its
 * money goes where it belongs, in this order (project-account.ts tells the kinds apart):
 *   1 debt service a fund (or the budget through it) paid for the bonds and has not had back
 *     (owedToFund): the project's debt, which comes before its value added (S-1, S-6, B-13) —
 *     paid as debt service is, value added held back last; the budget's advance is then
 *     returned from the fund
 *   2 value added still held back, to its parcels' tiers (S-1; B-1 held it only for the debt)
 *   3 the rest — recovered cost and proceeds the debt did not need — back to the reserve fund
 *     behind the bonds, pro rata to their principal (one fund, normally), where it would have
 *     gone had the debt not called on it
 *
 * Example (test/project-account-pooled-close.test.ts): 5 555.04 left once a project's bonds of
 * 10 000 and 8 000 are repaid, the reserve fund owed 4 360: 4 360 to the fund, none held back, and
 * the 1 195.04 left 663.92 + 531.12 back to the fund behind the two bonds.
 */
import { allocate, type Fen } from './money';
import { NONE, type Ledger } from './ledger';
import { ruleIndex } from './rules';
import type { Model } from './model';
import type { ProjectDebt } from './project-debt';

/** Advances on `fund` returned from money it has just received (posted with the parcel and zone, or none); returns what it took. */
export type ReturnAdvances = (period: number, fund: number, available: Fen, parcel: number, zone: number) => Fen;

/** Value added held back in project `group`'s account, up to `amount`, paid out to its parcels' tiers. */
export type ReleaseHeld = (period: number, group: number, amount: Fen) => void;

const R = { fundRepaid: ruleIndex('bond.fundRepaid'), accountReturned: ruleIndex('bond.accountReturned') };

export class ProjectAccountClose {
  constructor(
    private readonly model: Model,
    private readonly ledger: Ledger,
    private readonly debt: ProjectDebt,
    private readonly returnAdvances: ReturnAdvances,
    private readonly releaseHeld: ReleaseHeld,
  ) {}

  /** After the month's debt service: the account of a project whose bonds are all repaid is emptied. */
  afterDebtService(period: number): void {
    const projects = this.debt.projects;
    const bal = this.ledger.balances;
    for (let k = 0; k < projects.length; k++) {
      const g = projects[k];
      if (bal[this.model.projects[g].account] > 0 && this.debt.repaid(g, period)) this.close(period, g);
    }
  }

  private close(period: number, g: number): void {
    const account = this.model.projects[g].account;
    const bal = this.ledger.balances;
    const bonds = this.debt.bondsOf(g);
    for (const s of bonds) {
      const x = Math.min(s.owedToFund, bal[account]);
      if (x <= 0) continue;
      s.owedToFund -= x;
      this.ledger.post(period, account, s.bond.fund, x, R.fundRepaid);
      this.debt.spend(g, x);
      this.returnAdvances(period, s.bond.fund, x, NONE, NONE);
    }
    const held = this.debt.heldInAccount(g);
    if (held > 0) this.releaseHeld(period, g, held);
    const rest = bal[account];
    if (rest > 0) {
      const originals = bonds.filter((s) => s.rolloverOf === null);
      const parts = originals.length === 1 ? [rest] : allocate(rest, originals.map((s) => s.bond.principal));
      for (let i = 0; i < originals.length; i++) {
        const fund = originals[i].bond.fund;
        this.ledger.post(period, account, fund, parts[i], R.accountReturned);
        this.returnAdvances(period, fund, parts[i], NONE, NONE);
      }
    }
    this.debt.closed(g);
  }
}
