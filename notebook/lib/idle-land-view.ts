/**
 * Idle land (闲置土地) on the stock-land page: the bundled cases assessed by the engine's rules of
 * 国土资源部令第53号 on a date the URL may move (`idle.asOf=2022-06-30`) — which parcels are idle,
 * the 土地闲置费 due (20 % of the land price, holder's fault, idle ≥ 1 year) and when each can be
 * recovered without compensation (idle ≥ 2 years). Every figure is the engine's (assessIdleLand,
 * idleRecoveries); the fee total adds whole fen.
 *
 *   idle.asOf=2022-06-30   钦南区 2020-03 号 (start due 2020-03-01, not started) → recovered 2022-03-01
 */
import cases from '../../data/qinzhou-idle-land-cases.json';
import { fenToYuan, type Fen } from '../../engine/money';
import { assessIdleLand, idleRecoveries, parseIdleLandCases, type IdleAction, type IdleAssessment, type IdleLandCase } from '../../engine/stock-land';
import { isIsoDate } from '../../engine/evaluation/fields';
import type { Problem } from '../../engine/problem';
import type { Column, Table } from '../../engine/presentation/tables';
import { L, type Lang, type Text } from './format';
import type { Params } from './url-state';

export interface IdleRow {
  c: IdleLandCase;
  a: IdleAssessment;
  /** The recovery's date when recovered by `asOf`, else the day recovery becomes possible (null when it never does). */
  recovery: string | null;
}

export interface IdleLandView {
  asOf: string;
  rows: readonly IdleRow[];
  idle: number;
  feeDueFen: Fen;
  recovered: number;
  problems: readonly Problem[];
  /** The date in the URL when it is not a date, with the reason. */
  ignored: readonly { key: string; reason: Text }[];
}

export const IDLE_AS_OF_KEY = 'idle.asOf';
export const IDLE_DEFAULT_AS_OF: string = cases.asOf;

const ACTIONS: Record<IdleAction, Text> = {
  none: { zh: '未闲置', en: 'not idle' },
  idleFee: { zh: '征收土地闲置费', en: 'idle fee' },
  recoverWithoutCompensation: { zh: '无偿收回', en: 'recovered without compensation' },
  negotiate: { zh: '政府原因，协商处置', en: 'government cause: negotiated' },
};
const BASIS: Record<'notStarted' | 'stalled', Text> = {
  notStarted: { zh: '逾期未动工', en: 'not started' },
  stalled: { zh: '开发不足且中止', en: 'started, stalled' },
};

export function idleLandView(params: Params): IdleLandView {
  const wanted = params[IDLE_AS_OF_KEY];
  const ok = wanted !== undefined && isIsoDate(wanted);
  const asOf = ok ? wanted : IDLE_DEFAULT_AS_OF;
  const ignored = wanted !== undefined && !ok ? [{ key: IDLE_AS_OF_KEY, reason: { zh: `评估日期“${wanted}”不是 YYYY-MM-DD 日期`, en: `the assessment date “${wanted}” is not a YYYY-MM-DD date` } }] : [];
  const { cases: list, problems } = parseIdleLandCases(cases.cases, 'cases');
  const recovered = new Map(idleRecoveries(list, asOf).map((r) => [r.parcel.id, r.parcel.acquisition.date]));
  const rows = list.map((c): IdleRow => {
    const a = assessIdleLand(c, asOf);
    return { c, a, recovery: recovered.get(c.id) ?? a.recoverableFrom };
  });
  const feeDueFen = rows.reduce((sum, r) => sum + r.a.feeFen, 0);
  return { asOf, rows, idle: rows.filter((r) => r.a.idle).length, feeDueFen, recovered: recovered.size, problems, ignored };
}

/** The cases and their assessment as a table (money in 元, areas in 亩). */
export function idleLandTable(v: IdleLandView, lang: Lang): Table {
  const t = (x: Text) => L(lang, x.zh, x.en);
  const col = (key: string, zh: string, en: string, get: (r: IdleRow) => string, kind: 'text' | 'money' = 'text'): Column<unknown> => ({ key, zh, en, kind, get: (r) => get(r as IdleRow) });
  return {
    name: 'idle-land', zh: `闲置土地认定与处置（截至 ${v.asOf}）`, en: `Idle land as of ${v.asOf}`, rows: [...v.rows],
    columns: [
      col('id', '宗地', 'Parcel', (r) => r.c.id),
      col('name', '名称', 'Name', (r) => r.c.name),
      col('area', '面积（亩）', 'Area (mu)', (r) => r.c.areaMu.toString()),
      col('landPrice', '出让价款', 'Land price', (r) => fenToYuan(r.c.landPriceFen), 'money'),
      col('basis', '闲置情形', 'Why idle', (r) => (r.a.basis ? t(BASIS[r.a.basis]) : '')),
      col('idleFrom', '认定闲置日', 'Idle from', (r) => r.a.idleFrom ?? ''),
      col('action', '处置', 'Action', (r) => t(ACTIONS[r.a.action])),
      col('fee', '土地闲置费', 'Idle fee', (r) => fenToYuan(r.a.feeFen), 'money'),
      col('recovery', '无偿收回日', 'Recovered (or recoverable) on', (r) => r.recovery ?? ''),
    ],
  };
}
