/**
 * Golden tests: seed 001 (Xingning) score table and seed 000 (Jiangmen) indicator table, reproduced
 * from their inputs and compared with the seeds' own figures, transcribed here by hand and read
 * from the seed text itself (the extracts in test/fixtures/seeds/).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dec, fenToWan, parseMoney, roundFen } from '../engine/money';
import { parseArea, parseUnitPrice, priceTimesArea } from '../engine/units';
import {
  evaluateJson,
  evaluateTargetTable,
  formatPercent,
  formatPoints,
  gradeOn,
  leaves,
  parseEvaluationSpec,
  parseTargetTable,
  type EvaluationResult,
  type ScoredNode,
} from '../engine/evaluation';
import xingning from '../data/evaluation/xingning-2022.json';
import jiangmen from '../data/evaluation/jiangmen-2022.json';

const SEED_DIR = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));
const SEED_001 = SEED_DIR + '001_a57a621e60326849.txt';
const SEED_000 = SEED_DIR + '000_6ad4ec74978981a6.txt';

/** Seed 001, 附件1 评分表, transcribed: [一级, 二级, 三级, 分值, 得分]. */
const SEED_001_TABLE: [string, string, string, number, number][] = [
  ['项目决策', '项目立项', '立项依据充分性', 5, 5],
  ['项目决策', '项目立项', '项目立项规范性', 5, 5],
  ['项目决策', '项目目标', '绩效目标设定的合理性', 6, 2],
  ['项目决策', '项目目标', '绩效指标设定的明确性', 4, 1],
  ['项目管理', '资金落实', '资金到位率', 4, 4],
  ['项目管理', '资金落实', '到位及时率', 3, 3],
  ['项目管理', '财务管理', '资金使用情况', 4, 4],
  ['项目管理', '财务管理', '财务管理制度健全性', 4, 3],
  ['项目管理', '项目实施', '项目管理制度健全性', 5, 5],
  ['项目管理', '项目实施', '项目管理制度执行有效性', 5, 3],
  ['项目绩效', '项目产出', '数量指标', 6, 6],
  ['项目绩效', '项目产出', '质量指标', 6, 6],
  ['项目绩效', '项目产出', '时效指标', 6, 6],
  ['项目绩效', '项目产出', '成本指标', 7, 7],
  ['项目绩效', '项目效益', '经济效益', 10, 8],
  ['项目绩效', '项目效益', '社会效益', 10, 10],
  ['项目绩效', '项目效益', '可持续影响', 5, 5],
  ['项目绩效', '项目效益', '服务对象满意度', 5, 5],
];

function scored(): EvaluationResult {
  const { result, problems } = evaluateJson(xingning);
  expect(problems).toEqual([]);
  return result!;
}

function flatLeaves(nodes: readonly ScoredNode[], path: string[] = []): { path: string[]; node: ScoredNode }[] {
  return nodes.flatMap((n) => (n.children.length === 0 ? [{ path: [...path, n.name], node: n }] : flatLeaves(n.children, [...path, n.name])));
}

describe('seed 001 Xingning: the score table reproduced from its inputs', () => {
  it('scores every leaf as the seed table does', () => {
    const got = flatLeaves(scored().levels).map(({ path, node }) => [...path, Number(formatPoints(node.weight)), Number(formatPoints(node.score))]);
    expect(got).toEqual(SEED_001_TABLE);
  });

  it('level subtotals 13 + 22 + 53 = 88 with the seed rates 65.00 %, 88.00 %, 96.36 %, 88.00 %', () => {
    const r = scored();
    expect(r.levels.map((n) => [n.name, formatPoints(n.weight), formatPoints(n.score), formatPercent(n.rate)])).toEqual([
      ['项目决策', '20', '13', '65.00%'],
      ['项目管理', '25', '22', '88.00%'],
      ['项目绩效', '55', '53', '96.36%'],
    ]);
    expect(formatPoints(r.score)).toBe('88');
    expect(formatPoints(r.weight)).toBe('100');
    expect(formatPercent(r.rate)).toBe('88.00%');
  });

  it('level-2 subtotals as the text states them (项目立项 10, 项目目标 3, 资金落实 7, 财务管理 7, 项目实施 8, 项目产出 25, 项目效益 28)', () => {
    const lv2 = scored().levels.flatMap((n) => n.children.map((c) => [c.name, formatPoints(c.score)]));
    expect(lv2).toEqual([
      ['项目立项', '10'], ['项目目标', '3'], ['资金落实', '7'], ['财务管理', '7'], ['项目实施', '8'], ['项目产出', '25'], ['项目效益', '28'],
    ]);
  });

  it('grades 88 as 良 on both 财预〔2020〕10号 and the seed five-grade scale', () => {
    expect(scored().grades.map((g) => [g.scaleId, g.grade])).toEqual([
      ['mof-2020-10', '良'],
      ['xingning-5', '良'],
    ]);
  });

  it('资金到位率 = 6205.07 / 6205.27 万元 = 99.9968 % → full 4 points (computed, not given)', () => {
    const r = scored();
    const ind = r.indicators!;
    expect(ind.receivedFen).toBe(parseMoney('6205.07万元'));
    expect(ind.plannedFen).toBe(parseMoney('6205.27万元'));
    expect(formatPercent(ind.fundsArrivalRate!, 4)).toBe('99.9968%');
    const leaf = flatLeaves(r.levels).find((l) => l.node.id === 'fundsArrival')!.node;
    expect(leaf.score.toString()).toBe('4');
    expect(leaf.trace).toContain('> 90%');
  });

  it('every computed figure agrees with what the document reports', () => {
    const r = scored();
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.checks.length).toBe(31);
  });

  it('a changed input changes the score: received 5000 万元 of 6205.27 → 80.58 % → 4 − 2 = 2, total 86', () => {
    const changed = structuredClone(xingning) as typeof xingning;
    changed.inputs.received[1].amount = '3000万元';
    const { result } = evaluateJson(changed);
    const leaf = flatLeaves(result!.levels).find((l) => l.node.id === 'fundsArrival')!.node;
    expect(formatPercent(result!.indicators!.fundsArrivalRate!, 2)).toBe('80.58%');
    expect(leaf.score.toString()).toBe('2');
    // timeliness: timely 5000 of 6205.27 = 80.58 % → 3 − ceil(14.42/5) = 3 − 3 = 0
    expect(flatLeaves(result!.levels).find((l) => l.node.id === 'arrivalTimeliness')!.node.score.toString()).toBe('0');
    expect(result!.score.toString()).toBe('83');
    expect(result!.checks.some((c) => !c.ok)).toBe(true);
  });

  const seedText = readFileSync(SEED_001, 'utf8');
  it('matches the 评分表 rows parsed from the seed text itself', () => {
    const rows = seedText.split('\n').map((l) => l.split('\t')).filter((c) => c.length === 7 && c[2].trim() !== '' && /^\d+$/.test(c[3].trim()));
    const table = rows.map((c) => [c[2].trim(), Number(c[3]), Number(c[6])]);
    const got = flatLeaves(scored().levels).map(({ node }) => [node.name, Number(formatPoints(node.weight)), Number(formatPoints(node.score))]);
    expect(table).toEqual(got);
    const summary = seedText.split('\n').map((l) => l.split('\t')).filter((c) => c.length === 4 && /\d+\.\d\d%/.test(c[3]));
    expect(summary.map((c) => [c[1], c[2], c[3].trim()])).toEqual([
      ...scored().levels.map((n) => [formatPoints(n.weight), formatPoints(n.score), formatPercent(n.rate)]),
      ['100', '88', '88.00%'],
    ]);
  });

  it('keeps each rule text verbatim from the seed', () => {
    const { spec } = parseEvaluationSpec(xingning);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const seed = squash(seedText);
    for (const leaf of leaves(spec!.tree)) expect(seed).toContain(squash(leaf.leaf!.ruleText!));
  });
});

describe('seed 001 inconsistencies kept as named fixtures', () => {
  const notes = new Map(xingning.seedNotes.map((n) => [n.id, n]));

  it('totalStated4205: 34.9928 亩 × 177.33 万元/亩 = 6205.27 万元, not the stated 4205.27', () => {
    expect(notes.get('totalStated4205')!.says).toContain('4205.27');
    const total = roundFen(priceTimesArea(parseUnitPrice('177.33万元/亩')!, parseArea('34.9928亩')!));
    expect(fenToWan(total)).toBe('6205.27');
    expect(fenToWan(total)).not.toBe('4205.27');
    expect(parseMoney('2000万元')! + parseMoney('4205.07万元')!).toBe(parseMoney('6205.07万元'));
    expect(parseMoney('6205.27万元')! - parseMoney('6205.07万元')!).toBe(parseMoney('2000元'));
  });

  it('groundPrice4720: 19938.51 万元 / 42251.56 m² = 4719.00 元/m², the document says 4720', () => {
    expect(notes.get('groundPrice4720')!.says).toContain('4720');
    const perM2 = dec('199385100').div(dec('42251.56'));
    expect(perM2.toFixed(2)).toBe('4719.00');
    expect(perM2.toFixed(0)).not.toBe('4720');
  });

  it('headingProjectManagement: the table\'s 项目实施 is headed 项目管理（满分10分）in the text', () => {
    const { spec } = parseEvaluationSpec(xingning);
    const node = spec!.tree[1].children[2];
    expect(node.name).toBe('项目实施');
    expect(node.aliases).toContain('项目管理');
    expect(spec!.tree[1].name).toBe('项目管理');
    expect(notes.get('headingProjectManagement')!.says).toContain('项目管理（满分 10 分');
  });

  it('timelinessRuleText: the 到位及时率 rule text speaks of 预算执行率, the rule reads 到位及时率', () => {
    const { spec } = parseEvaluationSpec(xingning);
    const leaf = leaves(spec!.tree).find((l) => l.name === '到位及时率')!;
    expect(leaf.leaf!.ruleText).toContain('预算执行率95%以上');
    expect(leaf.leaf!.rule).toMatchObject({ kind: 'thresholdSteps', indicator: 'arrivalTimelinessRate' });
  });

  it('textVsTableNames: the section headings name three indicators differently from the table', () => {
    const { spec } = parseEvaluationSpec(xingning);
    const alias = (name: string) => leaves(spec!.tree).find((l) => l.name === name)!.aliases;
    expect(alias('立项依据充分性')).toContain('项目立项充分性');
    expect(alias('绩效指标设定的明确性')).toContain('绩效目标设定的明确性');
    expect(alias('可持续影响')).toContain('可持续发展');
  });
});

describe('seed 000 Jiangmen: the indicator table, targets against actuals', () => {
  const parsed = parseTargetTable(jiangmen);
  const result = evaluateTargetTable(parsed.table!);
  const row = (id: string) => result.rows.find((r) => r.row.id === id)!;

  it('reads without problems', () => expect(parsed.problems).toEqual([]));

  it('收储 399 亩 vs ≥ 300 → met, 133.00 %', () => {
    expect(row('acquisition').actualShown).toBe('399亩');
    expect(row('acquisition').met).toBe(true);
    expect(formatPercent(row('acquisition').achievement!)).toBe('133.00%');
  });

  it('new approvals 64.54 亩 vs ≥ 60 → met, 107.57 %', () => {
    expect(row('newApprovals').met).toBe(true);
    expect(formatPercent(row('newApprovals').achievement!)).toBe('107.57%');
  });

  it('leased 1418 亩 vs ≥ 1400 → met, 101.29 %', () => {
    expect(row('leasedArea').met).toBe(true);
    expect(formatPercent(row('leasedArea').achievement!)).toBe('101.29%');
  });

  it('预算执行率 = 30,143.52 / 30,271.4 万元 = 99.58 % as reported', () => {
    expect(row('budgetExecution').actualShown).toBe('99.58%');
    expect(formatPercent(row('budgetExecution').row.actual!.value, 4)).toBe('99.5776%');
    expect(result.checks.find((c) => c.what === '支出预算执行率')).toMatchObject({ reported: '99.58%', ok: true });
  });

  it('self-score 98 → 优 on both scales, matching the seed\'s 优秀', () => {
    expect(result.grades.map((g) => g.grade)).toEqual(['优', '优']);
    expect(result.checks.filter((c) => c.what.startsWith('自评等级')).every((c) => c.ok && c.reported === '优秀')).toBe(true);
  });

  it('出让收入 121,400 万元 = 12.14 亿元', () => {
    expect(result.checks.find((c) => c.what.startsWith('出让收入'))!.ok).toBe(true);
    expect(row('saleIncome').actualShown).toBe('121400万元');
  });

  it('satisfaction fixture: the seed reports "≥100%", read as 100 % against ≥ 90 %', () => {
    expect(row('satisfaction').row.actualText).toBe('≥100%');
    expect(row('satisfaction').actualShown).toBe('100.00%');
    expect(row('satisfaction').met).toBe(true);
  });

  it('the acquisition target is "约 300 亩" in the seed, read as ≥ 300 亩', () => {
    expect(row('acquisition').row.targetText).toContain('约 300 亩');
    expect(row('acquisition').row.op).toBe('>=');
  });

  it('a missed target shows: 1350 亩 leased vs ≥ 1400 → not met, 96.43 %', () => {
    const changed = structuredClone(jiangmen);
    changed.indicators.find((i) => i.id === 'leasedArea')!.actual = '1350亩';
    const r = evaluateTargetTable(parseTargetTable(changed).table!);
    const x = r.rows.find((y) => y.row.id === 'leasedArea')!;
    expect(x.met).toBe(false);
    expect(formatPercent(x.achievement!)).toBe('96.43%');
  });

  const seedText = readFileSync(SEED_000, 'utf8');
  it('every actual text and the self-score come from the seed', () => {
    const squash = (s: string) => s.replace(/\s+/g, '');
    const seed = squash(seedText);
    for (const r of parsed.table!.rows) expect(seed).toContain(squash(r.actualText));
    expect(seed).toContain('自评得分98分');
  });
});

describe('grade scales', () => {
  it('10号: 90 优, 89.99 良, 80 良, 79.5 中, 60 中, 59.99 差, 0 差', () => {
    expect(['90', '89.99', '80', '79.5', '60', '59.99', '0'].map((s) => gradeOn('mof-2020-10', s).grade)).toEqual(['优', '良', '良', '中', '中', '差', '差']);
  });

  it('seed 001 five grades: 90 优, 85 良, 75 中, 65 低, 59 差', () => {
    expect(['90', '85', '75', '65', '59'].map((s) => gradeOn('xingning-5', s).grade)).toEqual(['优', '良', '中', '低', '差']);
  });

  it('the two scales disagree on 60–69: 中 on 10号, 低 on the seed scale', () => {
    expect(gradeOn('mof-2020-10', '65').grade).toBe('中');
    expect(gradeOn('xingning-5', '65').grade).toBe('低');
  });
});
