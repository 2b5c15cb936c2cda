/**
 * The indicator tree (绩效评价指标体系): three levels of indicators with weights (分值); each leaf
 * (三级指标) carries its scoring rule and the evaluator's findings. A node's children's weights sum
 * to its own, and a node's score is the sum of its children's scores.
 *
 * Worked example (seed 001, Xingning): 项目决策 20 = 项目立项 10 (5 + 5) + 项目目标 10 (6 + 4);
 * scores 5 + 5 + 2 + 1 = 13, 得分率 13/20 = 65.00 %. With 项目管理 22/25 and 项目绩效 53/55 the total
 * is 13 + 22 + 53 = 88 of 100.
 */
import { dec, Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { path, readArray, readObject, readPoints, readString } from './fields';
import { applyRule, parseAssessment, parseScoringRule, ruleIndicator, type Assessment, type ScoringRule } from './scoring-rule';
import { INDICATOR_LABELS, type Indicators } from './indicators';

export const LEVEL_LABELS = ['一级指标', '二级指标', '三级指标'] as const;
export const TREE_DEPTH = 3;

export interface LeafSpec {
  readonly rule: ScoringRule;
  readonly assessment: Assessment;
  /** 指标解释, as the source writes it. */
  readonly explanation?: string;
  /** 评分标准, verbatim from the source (may disagree with `rule`: kept as the source wrote it). */
  readonly ruleText?: string;
}

export interface IndicatorNode {
  readonly id: string;
  readonly name: string;
  /** Other names the source uses for this indicator (a heading that differs from the table). */
  readonly aliases: readonly string[];
  readonly weight: Decimal;
  readonly children: readonly IndicatorNode[];
  /** Present exactly on leaves. */
  readonly leaf?: LeafSpec;
}

export interface ScoredNode {
  readonly id: string;
  readonly name: string;
  /** 1, 2 or 3. */
  readonly level: number;
  readonly weight: Decimal;
  readonly score: Decimal;
  /** 得分率 = score / weight (0 when the weight is 0). */
  readonly rate: Decimal;
  readonly children: readonly ScoredNode[];
  /** Leaves: how the score came about. */
  readonly trace?: string;
}

/** Reads the level-1 list of a tree, checking depth, ids and that children's weights sum to their parent's. */
export function parseIndicatorTree(value: unknown, at: string, problems: Problem[]): IndicatorNode[] | null {
  const list = readArray(value, at, problems, 1);
  if (!list) return null;
  const before = problems.length;
  const ids = new Map<string, string>();
  const nodes = list.map((n, i) => parseNode(n, path(at, i), 1, ids, problems));
  if (problems.length > before || nodes.some((n) => n === null)) return null;
  return nodes as IndicatorNode[];
}

function parseNode(value: unknown, at: string, level: number, ids: Map<string, string>, problems: Problem[]): IndicatorNode | null {
  const obj = readObject(value, at, problems);
  if (!obj) return null;
  const before = problems.length;
  const id = readString(obj, 'id', at, problems);
  const name = readString(obj, 'name', at, problems);
  const weight = readPoints(obj, 'weight', at, problems);
  const aliases = Array.isArray(obj.aliases) ? obj.aliases.filter((a): a is string => typeof a === 'string') : [];
  if (id !== null) {
    const seen = ids.get(id);
    if (seen !== undefined) problems.push(problem('ref.duplicate', path(at, 'id'), id, { en: `an id not already used (also at ${seen})`, zh: `未被使用的编号（已用于 ${seen}）` }));
    else ids.set(id, at);
  }
  if (level < TREE_DEPTH) {
    if (obj.rule !== undefined) {
      problems.push(problem('schema.unknownField', path(at, 'rule'), obj.rule, {
        en: `no scoring rule on a level-${level} indicator: rules belong to level-3 leaves`,
        zh: `${LEVEL_LABELS[level - 1]}不设评分标准：评分标准属于三级指标`,
      }));
    }
    const list = readArray(obj.children, path(at, 'children'), problems, 1) ?? [];
    const children = list.map((c, i) => parseNode(c, path(at, 'children', i), level + 1, ids, problems));
    if (weight !== null && children.every((c) => c !== null) && children.length > 0) {
      const sum = (children as IndicatorNode[]).reduce((s, c) => s.plus(c.weight), dec('0'));
      if (!sum.eq(weight)) {
        problems.push(problem('schema.range', path(at, 'weight'), obj.weight, {
          en: `the sum of its children's weights, ${sum.toString()}`,
          zh: `下级指标分值之和 ${sum.toString()}`,
        }, undefined, 'fix either this weight or one of the children so that the children add up to the parent'));
      }
    }
    if (problems.length > before || id === null || name === null || weight === null) return null;
    return { id, name, aliases, weight, children: children as IndicatorNode[] };
  }
  if (obj.children !== undefined) {
    problems.push(problem('schema.unknownField', path(at, 'children'), '[…]', { en: 'no children: the tree has three levels', zh: '无下级指标：指标体系共三级' }));
  }
  const rule = parseScoringRule(obj.rule, path(at, 'rule'), problems);
  const assessment = parseAssessment(obj.assessment, path(at, 'assessment'), rule, weight, problems);
  const explanation = typeof obj.explanation === 'string' ? obj.explanation : undefined;
  const ruleText = typeof obj.ruleText === 'string' ? obj.ruleText : undefined;
  if (problems.length > before || id === null || name === null || weight === null || !rule || !assessment) return null;
  return { id, name, aliases, weight, children: [], leaf: { rule, assessment, explanation, ruleText } };
}

/** Leaves in table order (depth first). */
export function leaves(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  return nodes.flatMap((n) => (n.leaf ? [n] : leaves(n.children)));
}

/** Sum of the level-1 weights (100 for a full evaluation). */
export function totalWeight(nodes: readonly IndicatorNode[]): Decimal {
  return nodes.reduce((s, n) => s.plus(n.weight), dec('0'));
}

/**
 * Problems that depend on the inputs: a leaf whose indicator the inputs cannot give, or a
 * targetMet leaf that misses its target without an evaluator's score.
 */
export function checkTreeAgainstIndicators(nodes: readonly IndicatorNode[], indicators: Indicators | null, at: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (list: readonly IndicatorNode[], base: string) =>
    list.forEach((n, i) => {
      const here = path(base, i);
      if (!n.leaf) return walk(n.children, path(here, 'children'));
      const name = ruleIndicator(n.leaf.rule);
      if (name === null) return;
      const v = indicators?.[name] ?? null;
      if (v === null) {
        problems.push(problem('ref.unknown', path(here, 'rule', 'indicator'), name, {
          en: `an indicator the inputs can give: ${INDICATOR_LABELS[name].en} needs its inputs (see inputs)`,
          zh: `可由输入计算的指标：${INDICATOR_LABELS[name].zh}缺少所需输入`,
        }));
        return;
      }
      const r = n.leaf.rule;
      if (r.kind === 'targetMet' && n.leaf.assessment.score === undefined) {
        const met = r.op === '>=' ? v.gte(r.target) : v.lte(r.target);
        if (!met) {
          problems.push(problem('schema.required', path(here, 'assessment', 'score'), undefined, {
            en: 'the evaluator\'s score: the indicator misses its target, so full marks do not apply',
            zh: '评价得分：指标未达目标，不能得满分',
          }));
        }
      }
    });
  walk(nodes, at);
  return problems;
}

/** Scores every node (validate with checkTreeAgainstIndicators first). */
export function scoreTree(nodes: readonly IndicatorNode[], indicators: Indicators | null, level = 1): ScoredNode[] {
  return nodes.map((n) => {
    if (n.leaf) {
      const { score, trace } = applyRule(n.leaf.rule, n.weight, n.leaf.assessment, indicators);
      assertScore(n, score);
      return { id: n.id, name: n.name, level, weight: n.weight, score, rate: rateOf(score, n.weight), children: [], trace };
    }
    const children = scoreTree(n.children, indicators, level + 1);
    const score = children.reduce((s, c) => s.plus(c.score), dec('0'));
    assertScore(n, score);
    return { id: n.id, name: n.name, level, weight: n.weight, score, rate: rateOf(score, n.weight), children };
  });
}

function assertScore(n: IndicatorNode, score: Decimal): void {
  if (score.isNegative() || score.gt(n.weight)) throw new Error(`score ${score.toString()} of ${n.id} outside [0, ${n.weight.toString()}]`);
}

function rateOf(score: Decimal, weight: Decimal): Decimal {
  return weight.isZero() ? dec('0') : score.div(weight);
}

/** Points as text: whole points without decimals ("88"), else up to 4 places ("2.5"). */
export function formatPoints(points: Decimal): string {
  return points.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
}
