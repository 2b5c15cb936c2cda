/**
 * The canonical text rendering of a result for golden files: totals with sorted keys, one parcel
 * a line, one posting a line, every check; fixed-point strings only, so a diff reads like a ledger.
 */
import type { Result } from '../../engine/index';

function flat(prefix: string, value: unknown, out: string[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const k of Object.keys(value).sort()) flat(prefix ? `${prefix}.${k}` : k, (value as Record<string, unknown>)[k], out);
  } else {
    out.push(`${prefix} ${value === null ? '-' : String(value)}`);
  }
}

export function goldenText(r: Result): string {
  const lines: string[] = [];
  lines.push(`# ${r.scenario.id} — ${r.scenario.name.zh}`);
  lines.push(`timeline ${r.timeline.start} +${r.timeline.months}`);
  lines.push('', '## totals');
  flat('', r.totals, lines);
  lines.push('', '## parcels');
  for (const p of r.parcels) {
    const shares = Object.keys(p.shares).sort().map((k) => `${k}=${p.shares[k]}`).join(' ');
    lines.push(`${p.id} area=${p.areaM2}m² acq=${p.acquisitionPlanned}/${p.acquisitionCost} dev=${p.developmentCost} fee=${p.managementFee} hold=${p.holdingCost} verified=${p.verifiedCost} revenue=${p.sale?.revenue ?? '-'} provisions=${p.provisions} recovered=${p.costRecovered} va=${p.valueAdded} ${shares}`);
  }
  if (r.bonds.length) {
    lines.push('', '## bonds');
    for (const b of r.bonds) {
      lines.push(`${b.id} principal=${b.principal} rate=${b.couponRate} ${b.issue}→${b.maturity} interest=${b.interest} fees=${b.bondFees} repaid=${b.principalRepaid} early=${b.earlyRedeemed} rolled=${b.rolledOver} support=${b.fiscalDebtSupport} available=${b.available} service=${b.debtService} coverage=${b.coverageRatio ?? '-'}`);
      for (const y of b.coverageByYear) lines.push(`  ${y.year} available=${y.available} service=${y.debtService} ratio=${y.ratio ?? '-'}`);
    }
  }
  if (r.zones.length) {
    lines.push('', `## zones (${r.zoneMode})`);
    for (const z of r.zones) {
      const d = z.developer;
      lines.push(`${z.id} revenue=${z.saleRevenue} provisions=${z.provisions} cost=${z.cost} balance=${z.balance} peak=${z.peakFundingNeed} support=${z.fiscalSupport}${d ? ` developer: rate=${d.compensationRate} comp=${d.compensation} cost=${d.cost} result=${d.result} peak=${d.peakFundingNeed}` : ''}`);
    }
  }
  lines.push('', '## pool');
  lines.push(`fund=${r.pool.fund} opening=${r.pool.opening} inflows=${r.pool.inflows} min=${r.pool.minBalance}@${r.pool.minPeriod} end=${r.pool.endBalance} shortfall=${r.pool.shortfall}`);
  for (const d of r.pool.delays) lines.push(`  waited: ${d.parcel} ${d.rule} ${d.amount} due ${d.due} paid ${d.paid ?? 'never'}`);
  lines.push('', '## postings');
  for (const x of r.postings ?? []) lines.push(`${x.period} ${x.from} -> ${x.to} ${x.amount} ${x.rule}${x.parcel ? ' ' + x.parcel : ''}`);
  lines.push('', '## checks');
  for (const c of r.checks) lines.push(`${c.ok ? 'ok  ' : 'FAIL'} ${c.id}${c.parcel ? ' ' + c.parcel : ''}: ${c.message}`);
  return lines.join('\n') + '\n';
}
