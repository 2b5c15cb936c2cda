/**
 * Scoring rules, indicator formulas and validation of evaluation files: examples from the seed
 * rule texts, properties (a score stays within [0, weight], weights add up, step rules are
 * monotone), and one bad-input fixture per problem the validator reports.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dec, parseMoney, type Decimal } from '../engine/money';
import {
  applyRule,
  evaluateJson,
  indicatorsFromFlows,
  parseEvaluationSpec,
  parseIndicatorTree,
  timelyAmount,
  totalWeight,
  type Indicators,
  type ScoringRule,
} from '../engine/evaluation';
import type { Problem } from '../engine/problem';
import xingning from '../data/evaluation/xingning-2022.json';

const noIndicators: Indicators = {
  plannedFen: 0, receivedFen: 0, dueFen: null, timelyFen: null, spentFen: null,
  fundsArrivalRate: null, arrivalTimelinessRate: null, budgetExecutionRate: null, completionRate: null, qualityRate: null, costSavingRate: null,
};
const withRate = (name: keyof Indicators, rate: string | Decimal): Indicators => ({ ...noIndicators, [name]: typeof rate === 'string' ? dec(rate) : rate });

/** 资金到位率 as seed 001 writes it: > 90 % full, −1 per 5 points, < 60 % → 0, weight 4. */
const arrivalRule: ScoringRule = {
  kind: 'thresholdSteps', indicator: 'fundsArrivalRate', fullAt: dec('0.9'), fullInclusive: false,
  step: dec('0.05'), pointsPerStep: dec('1'), zeroBelow: dec('0.6'), partialStep: 'counts',
};
/** 到位及时率: ≥ 95 % full, −1 per 5 points, < 60 % → 0, weight 3. */
const timelyRule: ScoringRule = { ...arrivalRule, indicator: 'arrivalTimelinessRate', fullAt: dec('0.95'), fullInclusive: true };

const score = (rule: ScoringRule, weight: string, ind: Indicators, a = {}) => applyRule(rule, dec(weight), a, ind).score.toString();

describe('thresholdSteps: the seed 001 rules', () => {
  it('资金到位率: 95 % → 4; exactly 90 % is not "大于90%" → 3; 85 % → 3; 84.99 % → 2; 60 % → 0; 59.99 % → 0', () => {
    const at = (r: string) => score(arrivalRule, '4', withRate('fundsArrivalRate', r));
    expect(['0.95', '0.9', '0.85', '0.8499', '0.6', '0.5999'].map(at)).toEqual(['4', '3', '3', '2', '0', '0']);
  });

  it('到位及时率: 95 % → 3 ("95%以上" includes 95); 94.99 % → 2; 90 % → 2; 89.99 % → 1; 80 % → 0', () => {
    const at = (r: string) => score(timelyRule, '3', withRate('arrivalTimelinessRate', r));
    expect(['0.95', '0.9499', '0.9', '0.8999', '0.8'].map(at)).toEqual(['3', '2', '2', '1', '0']);
  });

  it('partialStep "ignored" counts only whole steps: 84 % → one step → 3 (with "counts": two → 2)', () => {
    const ind = withRate('fundsArrivalRate', '0.84');
    expect(score({ ...arrivalRule, partialStep: 'ignored' }, '4', ind)).toBe('3');
    expect(score(arrivalRule, '4', ind)).toBe('2');
  });

  it('an indicator the inputs cannot give is an error, not a silent zero', () => {
    expect(() => applyRule(arrivalRule, dec('4'), {}, noIndicators)).toThrow(/fundsArrivalRate/);
  });
});

describe('other rule kinds', () => {
  it('deductPerItem: 绩效目标设定的合理性 6 − 2 × 2 = 2; 4 − 1 × 9 floors at 0', () => {
    const rule: ScoringRule = { kind: 'deductPerItem', pointsPerItem: dec('2'), criteria: ['a', 'b', 'c'] };
    expect(score(rule, '6', noIndicators, { failedCount: 2 })).toBe('2');
    expect(score({ ...rule, pointsPerItem: dec('1') }, '4', noIndicators, { failedCount: 9 })).toBe('0');
  });

  it('passFail: met → weight, not met → 0', () => {
    expect(score({ kind: 'passFail' }, '5', noIndicators, { met: true })).toBe('5');
    expect(score({ kind: 'passFail' }, '5', noIndicators, { met: false })).toBe('0');
  });

  it('proportional: 30 of 34.9928 亩 → 6 × 85.73 % = 5.14; above plan is capped at the weight', () => {
    const rule: ScoringRule = { kind: 'proportional', indicator: 'completionRate', places: 2 };
    expect(score(rule, '6', withRate('completionRate', dec('30').div('34.9928')))).toBe('5.14');
    expect(score(rule, '6', withRate('completionRate', '1.33'))).toBe('6');
  });

  it('targetMet: cost saving ≥ 0 → full; an overrun takes the evaluator\'s score', () => {
    const rule: ScoringRule = { kind: 'targetMet', indicator: 'costSavingRate', op: '>=', target: dec('0') };
    expect(score(rule, '7', withRate('costSavingRate', '0'))).toBe('7');
    expect(score(rule, '7', withRate('costSavingRate', '-0.05'), { score: dec('5') })).toBe('5');
  });
});

describe('indicator formulas', () => {
  it('预算执行率 (seed 000) = 30143.52 / 30271.4 万元; 资金到位率 (seed 001) = 6205.07 / 6205.27 万元', () => {
    const j = indicatorsFromFlows({ plannedFen: parseMoney('30271.4万元')!, received: [{ date: '2022-12-31', amountFen: parseMoney('30271.4万元')! }], spentFen: parseMoney('30143.52万元')! });
    expect(j.budgetExecutionRate!.toFixed(6)).toBe('0.995776');
    const x = indicatorsFromFlows({ plannedFen: parseMoney('6205.27万元')!, received: [{ date: '2022-09-16', amountFen: parseMoney('2000万元')! }, { date: '2023-01-16', amountFen: parseMoney('4205.07万元')! }] });
    expect(x.fundsArrivalRate!.toFixed(8)).toBe('0.99996777');
    expect(x.arrivalTimelinessRate).toBeNull();
  });

  it('asOf: at 2022-12-31 only the first tranche has arrived → 2000 / 6205.27 = 32.23 %', () => {
    const x = indicatorsFromFlows({
      plannedFen: parseMoney('6205.27万元')!,
      received: [{ date: '2023-01-16', amountFen: parseMoney('4205.07万元')! }, { date: '2022-09-16', amountFen: parseMoney('2000万元')! }],
      asOf: '2022-12-31',
    });
    expect(x.receivedFen).toBe(parseMoney('2000万元'));
    expect(x.fundsArrivalRate!.times(100).toFixed(2)).toBe('32.23');
  });

  it('timelyAmount: a late tranche is not timely; early money pays the earliest due first', () => {
    const due = [{ date: '2022-09-16', amountFen: 2000 }, { date: '2023-01-16', amountFen: 4000 }];
    expect(timelyAmount(due, [{ date: '2022-09-16', amountFen: 2000 }, { date: '2023-02-01', amountFen: 4000 }])).toBe(2000);
    expect(timelyAmount(due, [{ date: '2022-01-01', amountFen: 6000 }])).toBe(6000);
    expect(timelyAmount(due, [{ date: '2022-10-01', amountFen: 3000 }, { date: '2023-01-01', amountFen: 3000 }])).toBe(4000);
  });

  it('成本节约率 = (计划 − 实际) / 计划: 100 → 95 万元 = 5 %', () => {
    const x = indicatorsFromFlows({ plannedFen: 1, received: [], plannedCostFen: parseMoney('100万元')!, actualCostFen: parseMoney('95万元')! });
    expect(x.costSavingRate!.toString()).toBe('0.05');
  });
});

const arb = {
  rate: fc.integer({ min: 0, max: 12000 }).map((n) => dec(String(n)).div(10000)),
  weight: fc.integer({ min: 0, max: 4000 }).map((n) => dec(String(n)).div(100)),
};

describe('properties', () => {
  it('a score is never negative and never above its weight, whatever the rule and inputs', () => {
    const ruleArb: fc.Arbitrary<ScoringRule> = fc.oneof(
      fc.record({ full: fc.integer({ min: 1, max: 100 }), zero: fc.integer({ min: 0, max: 100 }), step: fc.integer({ min: 1, max: 30 }), pts: fc.integer({ min: 0, max: 10 }), incl: fc.boolean(), partial: fc.constantFrom('counts' as const, 'ignored' as const) })
        .map(({ full, zero, step, pts, incl, partial }) => ({
          kind: 'thresholdSteps' as const, indicator: 'fundsArrivalRate' as const, fullAt: dec(String(full)).div(100), fullInclusive: incl,
          step: dec(String(step)).div(100), pointsPerStep: dec(String(pts)), zeroBelow: dec(String(Math.min(zero, full))).div(100), partialStep: partial,
        })),
      fc.integer({ min: 0, max: 5 }).map((p) => ({ kind: 'deductPerItem' as const, pointsPerItem: dec(String(p)), criteria: [] })),
      fc.constant({ kind: 'proportional' as const, indicator: 'fundsArrivalRate' as const, places: 2 }),
      fc.constant({ kind: 'passFail' as const }),
    );
    fc.assert(
      fc.property(ruleArb, arb.weight, arb.rate, fc.integer({ min: 0, max: 50 }), fc.boolean(), (rule, weight, rate, failed, met) => {
        const s = applyRule(rule, weight, { failedCount: failed, met }, withRate('fundsArrivalRate', rate)).score;
        return !s.isNegative() && s.lte(weight);
      }),
      { numRuns: 500 },
    );
  });

  it('thresholdSteps never scores a higher rate lower', () => {
    fc.assert(
      fc.property(arb.rate, arb.rate, (a, b) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        const s = (r: Decimal) => applyRule(arrivalRule, dec('4'), {}, withRate('fundsArrivalRate', r)).score;
        return s(lo).lte(s(hi));
      }),
      { numRuns: 300 },
    );
  });

  it('weights: every node\'s children sum to its weight, the levels to 100 (seed 001)', () => {
    const spec = parseEvaluationSpec(xingning).spec!;
    expect(totalWeight(spec.tree).toString()).toBe('100');
    const walk = (nodes: typeof spec.tree): void =>
      nodes.forEach((n) => {
        if (n.children.length > 0) expect(totalWeight(n.children).eq(n.weight)).toBe(true);
        walk(n.children);
      });
    walk(spec.tree);
  });

  it('generated trees: accepted when children add up to parents, refused at the parent\'s path when one is off', () => {
    const leafArb = fc.integer({ min: 0, max: 20 });
    const treeArb = fc.array(fc.array(fc.array(leafArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.integer({ min: 1, max: 5 }), (shape, pick, off) => {
        let id = 0;
        const mk = (w: number[][][]) =>
          w.map((l2) => ({
            id: `n${id++}`, name: '一级', weight: l2.flat().reduce((a, b) => a + b, 0),
            children: l2.map((l3) => ({
              id: `n${id++}`, name: '二级', weight: l3.reduce((a, b) => a + b, 0),
              children: l3.map((w3) => ({ id: `n${id++}`, name: '三级', weight: w3, rule: { kind: 'manual' }, assessment: { score: 0, justification: 'x' } })),
            })),
          }));
        const good = mk(shape);
        const ok: Problem[] = [];
        const tree = parseIndicatorTree(good, 'tree', ok);
        if (ok.length !== 0 || !tree) return false;
        if (!totalWeight(tree).eq(shape.flat(2).reduce((a, b) => a + b, 0))) return false;
        const i = pick % good.length;
        const bad = structuredClone(good);
        bad[i].weight += off;
        const problems: Problem[] = [];
        parseIndicatorTree(bad, 'tree', problems);
        return problems.length === 1 && problems[0].path === `tree[${i}].weight` && problems[0].code === 'schema.range';
      }),
      { numRuns: 200 },
    );
  });
});

describe('bad evaluation files: every problem, with its JSON path, in English and Chinese', () => {
  const bad = (mutate: (x: any) => void) => {
    const x = structuredClone(xingning) as any;
    mutate(x);
    return evaluateJson(x).problems;
  };

  it('weights that do not add up → schema.range at the parent', () => {
    const p = bad((x) => (x.tree[0].children[0].children[0].weight = 6));
    expect(p.map((q) => [q.code, q.path])).toEqual([['schema.range', 'tree[0].children[0].weight']]);
    expect(p[0].message.en).toContain('sum of its children');
    expect(p[0].message.zh).toContain('下级指标分值之和');
  });

  it('money without a unit → money.format at inputs.planned; a bad date → date.format', () => {
    const p = bad((x) => {
      x.inputs.planned = '6205.27 wan';
      x.inputs.received[0].date = '2022-13-01';
    });
    expect(p.map((q) => [q.code, q.path])).toEqual([
      ['money.format', 'inputs.planned'],
      ['date.format', 'inputs.received[0].date'],
    ]);
    expect(p[0].value).toBe('"6205.27 wan"');
  });

  it('a manual score above the weight, an unknown indicator and a duplicate id are all reported at once', () => {
    const p = bad((x) => {
      x.tree[2].children[1].children[0].assessment.score = 11;
      x.tree[1].children[0].children[0].rule.indicator = 'fundsRate';
      x.tree[0].children[1].id = 'decision';
    });
    expect(p.map((q) => [q.code, q.path]).sort()).toEqual([
      ['ref.duplicate', 'tree[0].children[1].id'],
      ['schema.enum', 'tree[1].children[0].children[0].rule.indicator'],
      ['schema.range', 'tree[2].children[1].children[0].assessment.score'],
    ]);
  });

  it('a rule on a level-1 node and a fourth level are refused', () => {
    const p = bad((x) => {
      x.tree[0].rule = { kind: 'manual' };
      x.tree[0].children[0].children[0].children = [];
    });
    expect(p.map((q) => q.code)).toEqual(['schema.unknownField', 'schema.unknownField']);
  });

  it('an indicator the inputs cannot give (no due schedule for 到位及时率) → ref.unknown at the leaf\'s rule', () => {
    const p = bad((x) => delete x.inputs.due);
    expect(p.map((q) => [q.code, q.path])).toEqual([['ref.unknown', 'tree[1].children[0].children[1].rule.indicator']]);
  });

  it('an unknown grade scale → ref.unknown at gradeScales[1]', () => {
    const p = bad((x) => (x.gradeScales = ['mof-2020-10', 'mof-2011']));
    expect(p.map((q) => [q.code, q.path])).toEqual([['ref.unknown', 'gradeScales[1]']]);
  });

  it('level-1 weights must total 100', () => {
    const p = bad((x) => {
      x.tree[2].weight = 56;
      x.tree[2].children[1].weight = 31;
      x.tree[2].children[1].children[0].weight = 11;
    });
    expect(p.map((q) => [q.code, q.path])).toEqual([['schema.range', 'tree']]);
  });
});
