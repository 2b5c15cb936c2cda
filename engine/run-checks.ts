/**
 * The checks of a run, as values for its reader. The invariants (the ledger balances, no fund
 * below zero, sources equal uses, every split exact) are asserted by run-invariants.ts, which stops
 * with an InvariantError if one breaks; here they are listed as passed, with their figures. The
 * sale rules a scenario can breach (provisions capped at the sale income, cost not recovered) are
 * checks that fail as values.
 */
import { assertRunInvariants } from './run-invariants';
import { fenToWan } from './money';
import { check, parcelCheck, type Check } from './check';
import type { RunOutput } from './run';
import { outcomeReader } from './outcome-reader';

/**
 * The invariants (asserted, so passed) and the sale rules of a run. `_balances` is what report()
 * already computed; the invariants read the ledger's columns themselves.
 */
export function runChecks(out: RunOutput, _balances?: Float64Array): Check[] {
  const { model, ledger } = out;
  const f = assertRunInvariants(out);
  const checks: Check[] = [
    check('ledger.balanced', true, 'invariant', `${ledger.length} postings, every balance reconciles and all accounts sum to zero`, `共 ${ledger.length} 笔分录，各账户余额核对一致，合计为零`, { ref: 'DESIGN §2' }),
    check('funds.nonNegative', true, 'invariant', 'no fund account goes negative in any period', '各资金账户在各期均未出现负余额'),
    check('sources.equalUses', true, 'invariant',
      `sources ${fenToWan(f.sources)} + financing in ${fenToWan(f.financingIn)} 万元 = uses ${fenToWan(f.uses)} + distributions ${fenToWan(f.distributions)} + financing out ${fenToWan(f.financingOut)} + funds held ${fenToWan(f.held)} 万元`,
      `资金来源 ${fenToWan(f.sources)} + 融资流入 ${fenToWan(f.financingIn)} 万元 = 支出 ${fenToWan(f.uses)} + 分配 ${fenToWan(f.distributions)} + 融资流出 ${fenToWan(f.financingOut)} + 结存 ${fenToWan(f.held)} 万元`),
    check('split.exact', true, 'invariant', 'every split sums to its value added to the fen', '各宗地增值收益分成之和与增值收益完全一致', { ref: 'S-1' }),
  ];

  const o = outcomeReader(out);
  for (let i = 0; i < model.parcels.length; i++) {
    if (!o.settled(i)) continue;
    const p = model.parcels[i];
    const capped = o.provisionsCapped(i);
    if (capped > 0) {
      checks.push(parcelCheck('sale.provisionsCapped', false, 'rule', `${p.id}: provisions of ${fenToWan(capped)} 万元 could not be taken — the sale income is smaller than the provisions due`, `${p.id}：出让收入不足以计提各项基金，差额 ${fenToWan(capped)} 万元未计提`, 'P-6…P-10', p.id));
    }
    const unrecovered = o.unrecoveredCost(i);
    if (unrecovered > 0) {
      checks.push(parcelCheck('sale.costRecovered', false, 'rule', `${p.id}: sale income after provisions falls ${fenToWan(unrecovered)} 万元 short of the verified cost; no value added to split`, `${p.id}：出让收入扣除计提后不足以弥补核定成本，差额 ${fenToWan(unrecovered)} 万元，无增值收益可分`, 'S-1', p.id));
    }
  }
  return checks;
}
