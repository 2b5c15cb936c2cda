/**
 * The checks that always run last, on every run (beancount's zero-sum check): the ledger balances
 * and reconciles, no fund goes negative (unless the scenario's policy allows it, and then
 * pool.shortfall fails), sources equal uses line by line, every split sums to its value added;
 * plus the sale rules a run can breach (provisions capped at the sale income, cost not recovered).
 */
import { verifyLedger } from './ledger';
import { RULES, RULE_IDS } from './rules';
import { fenToWan } from './money';
import { check, type Check } from './check';
import type { RunOutput } from './run';

/** The checks that always run last: the ledger balances, funds stay non-negative, splits are exact. */
export function runChecks(out: RunOutput, balances: Float64Array): Check[] {
  const { model, ledger } = out;
  const checks: Check[] = [];
  const v = verifyLedger(ledger, model.timeline.months);
  checks.push(check('ledger.balanced', v.ok, 'invariant', v.ok ? `${ledger.length} postings, every balance reconciles and all accounts sum to zero` : v.messages.slice(0, 5).join('; '), v.ok ? `共 ${ledger.length} 笔分录，各账户余额核对一致，合计为零` : '分录不平衡：' + v.messages.slice(0, 5).join('；'), { ref: 'DESIGN §2' }));

  // Funds never go negative — except programme funds under the "negative" policy, reported by pool.shortfall.
  const nA = ledger.accountCount;
  const negatives: string[] = [];
  model.accounts.list.forEach((a, i) => {
    if (a.kind !== 'fund') return;
    if (model.shortfall === 'negative' && a.id !== 'treasury') return;
    for (let p = 0; p < model.timeline.months; p++) {
      if (balances[p * nA + i] < 0) { negatives.push(`${a.id} ${fenToWan(balances[p * nA + i])} 万元 in ${model.periodLabels[p]}`); break; }
    }
  });
  checks.push(check('funds.nonNegative', negatives.length === 0, 'invariant', negatives.length === 0 ? 'no fund account goes negative in any period' : `negative fund balance: ${negatives.join('; ')}`, negatives.length === 0 ? '各资金账户在各期均未出现负余额' : `资金账户出现负余额：${negatives.join('；')}`));

  // Sources = uses + what leaves the programme + what it still holds, by the rules' lines.
  const isFund = model.accounts.list.map((a) => a.kind === 'fund');
  const inflow: Record<string, number> = { source: 0, use: 0, distribution: 0, financing: 0 };
  const outflow: Record<string, number> = { source: 0, use: 0, distribution: 0, financing: 0 };
  for (let i = 0; i < ledger.length; i++) {
    const f = isFund[ledger.from[i]];
    const t = isFund[ledger.to[i]];
    if (f === t) continue;
    const line = RULES.get(RULE_IDS[ledger.rule[i]])!.line;
    if (t) inflow[line] += ledger.amount[i];
    else outflow[line] += ledger.amount[i];
  }
  const held = model.accounts.list.reduce((s, a, i) => (a.kind === 'fund' ? s + ledger.balances[i] : s), 0);
  const sourcesIn = inflow.source + inflow.financing + inflow.distribution + inflow.use;
  const usesOut = outflow.use + outflow.distribution + outflow.financing + outflow.source;
  const balanced = sourcesIn === usesOut + held && inflow.use === 0 && outflow.source === 0;
  checks.push(check('sources.equalUses', balanced, 'invariant',
    `sources ${fenToWan(inflow.source)} + financing in ${fenToWan(inflow.financing)} 万元 = uses ${fenToWan(outflow.use)} + distributions ${fenToWan(outflow.distribution)} + financing out ${fenToWan(outflow.financing)} + funds held ${fenToWan(held)} 万元`,
    `资金来源 ${fenToWan(inflow.source)} + 融资流入 ${fenToWan(inflow.financing)} 万元 = 支出 ${fenToWan(outflow.use)} + 分配 ${fenToWan(outflow.distribution)} + 融资流出 ${fenToWan(outflow.financing)} + 结存 ${fenToWan(held)} 万元`));

  let splitOk = true;
  out.parcels.forEach((o) => {
    if (o.waterfall && o.waterfall.valueAdded > 0 && o.shares.reduce((a, b) => a + b, 0) !== o.waterfall.valueAdded) splitOk = false;
  });
  checks.push(check('split.exact', splitOk, 'invariant', splitOk ? 'every split sums to its value added to the fen' : 'a split does not sum to its value added', splitOk ? '各宗地增值收益分成之和与增值收益完全一致' : '分成合计与增值收益不一致', { ref: 'S-1' }));

  for (const [i, o] of out.parcels.entries()) {
    const p = model.parcels[i];
    if (!o.waterfall) continue;
    if (o.waterfall.provisionsCapped > 0) {
      checks.push(check('sale.provisionsCapped', false, 'rule', `${p.id}: provisions of ${fenToWan(o.waterfall.provisionsCapped)} 万元 could not be taken — the sale income is smaller than the provisions due`, `${p.id}：出让收入不足以计提各项基金，差额 ${fenToWan(o.waterfall.provisionsCapped)} 万元未计提`, { ref: 'P-6…P-10', parcel: p.id }));
    }
    if (o.waterfall.unrecoveredCost > 0) {
      checks.push(check('sale.costRecovered', false, 'rule', `${p.id}: sale income after provisions falls ${fenToWan(o.waterfall.unrecoveredCost)} 万元 short of the verified cost; no value added to split`, `${p.id}：出让收入扣除计提后不足以弥补核定成本，差额 ${fenToWan(o.waterfall.unrecoveredCost)} 万元，无增值收益可分`, { ref: 'S-1', parcel: p.id }));
    }
  }
  return checks;
}
