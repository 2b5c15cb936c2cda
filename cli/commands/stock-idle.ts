/**
 * The idle-land part of `lrsim stock --idle cases.json [--as-of YYYY-MM-DD]`: each case's standing
 * under 令第53号 on the date — idle or not and why, the 土地闲置费 due, the recovery date — as a
 * text table (万元, 亩) or as JSON (money as 元 decimal strings, areas as 亩 decimal strings).
 */
import { fenToWan, fenToYuan, groupThousands } from '../../engine/money';
import type { IdleLandStatus } from '../../engine/stock-land';
import { padEnd, padStart } from '../../engine/presentation/display-width';

const ACTION_TEXT = {
  none: '不闲置 not idle',
  idleFee: '征收闲置费 idle fee',
  recoverWithoutCompensation: '无偿收回 recovered',
  negotiate: '政府原因，协商处置 negotiate',
} as const;

const BASIS_TEXT = { notStarted: '未动工 not started', stalled: '停工 stalled' } as const;

const wan = (fen: number) => groupThousands(fenToWan(fen));

export function renderIdleLand(status: IdleLandStatus): string {
  const lines = ['', `闲置土地 idle land (国土资源部令第53号), as of ${status.asOf}`];
  const widths = [14, 20, 10, 12, 20, 12, 30, 12, 12];
  const row = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 3) || i === 7 ? padStart(c, widths[i]) + '  ' : padEnd(c, widths[i])).join('').trimEnd();
  lines.push(row(['编号 id', '名称 name', '面积 亩', '价款 万元', '认定 basis', '闲置起 from', '处置 action', '闲置费 万元', '收回日 recovery']));
  for (const r of status.rows) {
    const a = r.assessment;
    lines.push(row([r.case.id, r.case.name, r.case.areaMu.toString(), wan(r.case.landPriceFen), a.basis ? BASIS_TEXT[a.basis] : '-', a.idleFrom ?? '-', ACTION_TEXT[a.action], a.feeFen ? wan(a.feeFen) : '-', r.recoveryDate ?? '-']));
  }
  lines.push(`闲置 ${status.idleParcels} 宗 idle parcels; 应缴闲置费 fee due ${wan(status.feeDueFen)} 万元; 无偿收回 ${status.recovered.length} 宗 recovered`);
  return lines.join('\n');
}

export function idleLandJson(status: IdleLandStatus): unknown {
  return {
    asOf: status.asOf,
    idleParcels: status.idleParcels,
    feeDue: fenToYuan(status.feeDueFen),
    cases: status.rows.map((r) => ({
      id: r.case.id,
      name: r.case.name,
      areaMu: r.case.areaMu.toString(),
      landPrice: fenToYuan(r.case.landPriceFen),
      cause: r.case.cause,
      idle: r.assessment.idle,
      basis: r.assessment.basis,
      countedFrom: r.assessment.countedFrom,
      idleFrom: r.assessment.idleFrom,
      recoverableFrom: r.assessment.recoverableFrom,
      action: r.assessment.action,
      fee: fenToYuan(r.assessment.feeFen),
      recoveryDate: r.recoveryDate,
    })),
    recoveredParcels: status.recovered,
  };
}
