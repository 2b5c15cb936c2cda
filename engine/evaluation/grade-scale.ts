/**
 * Grade scales (评价等级): a score out of 100 → a grade, as data (data/evaluation/grade-scales.json).
 *
 * A scale lists its grades from the top, each with the minimum score it needs (inclusive):
 *   财预〔2020〕10号:      优 ≥ 90, 良 80–89, 中 60–79, 差 < 60                 (DOMAIN E-1)
 *   seed 001 (Xingning):  优 ≥ 90, 良 80–89, 中 70–79, 低 60–69, 差 < 60        (DOMAIN E-2)
 * Worked example: Xingning scores 88 → 良 on both; 65 → 中 on 10号 but 低 on the Xingning scale;
 * Jiangmen's self-score 98 → 优 (the seed writes "优秀", an alias of 优).
 */
import { dec, type Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { isObject, readArray, readObject, readRecord, readPoints, readString, path, readStrings } from './fields';
import scalesJson from '../../data/evaluation/grade-scales.json';

export interface Grade {
  readonly grade: string;
  /** The lowest score with this grade, inclusive. */
  readonly minScore: Decimal;
  /** The range as the source writes it ("80-89 分"). */
  readonly range: string;
  /** Other names documents use for the same grade ("优秀" for 优). */
  readonly aliases: readonly string[];
}

export interface GradeScale {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** From the top grade down; minScore strictly decreasing; the last grade starts at 0. */
  readonly grades: readonly Grade[];
}

/** Reads one scale from JSON, collecting every problem. */
export function parseGradeScale(value: unknown, at: string, problems: Problem[]): GradeScale | null {
  return readRecord(value, at, problems, (obj) => {
    const { id, name, source } = readStrings(obj, ['id', 'name', 'source'], at, problems);
    const list = readArray(obj.grades, path(at, 'grades'), problems, 1) ?? [];
    const grades: Grade[] = [];
    list.forEach((g, i) => {
      const gp = path(at, 'grades', i);
      const go = readObject(g, gp, problems);
      if (!go) return;
      const grade = readString(go, 'grade', gp, problems);
      const minScore = readPoints(go, 'minScore', gp, problems);
      const range = readString(go, 'range', gp, problems, true) ?? '';
      const aliases = Array.isArray(go.aliases) ? go.aliases.filter((a): a is string => typeof a === 'string') : [];
      if (grade !== null && minScore !== null) grades.push({ grade, minScore, range, aliases });
    });
    for (let i = 1; i < grades.length; i++) {
      if (!grades[i].minScore.lt(grades[i - 1].minScore)) {
        problems.push(problem('schema.range', path(at, 'grades', i, 'minScore'), grades[i].minScore.toString(), {
          en: `a minimum below the grade above (${grades[i - 1].minScore.toString()}): grades go from the top down`,
          zh: `低于上一等级的最低分（${grades[i - 1].minScore.toString()}）：等级自高到低排列`,
        }));
      }
    }
    const last = grades[grades.length - 1];
    if (last && !last.minScore.isZero()) {
      problems.push(problem('schema.range', path(at, 'grades', grades.length - 1, 'minScore'), last.minScore.toString(), {
        en: '0 for the lowest grade, so every score gets a grade',
        zh: '最低等级的最低分应为 0，使每个得分都有等级',
      }));
    }
    if (id === null || name === null || source === null) return null;
    return { id, name, source, grades };
  });
}

/** The grade of a score: the first grade from the top whose minimum the score reaches. */
export function gradeOf(scale: GradeScale, score: Decimal): Grade {
  if (score.isNegative()) throw new RangeError(`score ${score.toString()} is negative`);
  for (const g of scale.grades) if (score.gte(g.minScore)) return g;
  throw new Error(`scale ${scale.id} has no grade for ${score.toString()} (its last grade must start at 0)`);
}

/** True when `label` names this grade or one of its aliases ("优秀" matches 优). */
export function gradeMatches(grade: Grade, label: string): boolean {
  return grade.grade === label || grade.aliases.includes(label);
}

function loadBuiltIn(): ReadonlyMap<string, GradeScale> {
  const problems: Problem[] = [];
  const out = new Map<string, GradeScale>();
  const list = isObject(scalesJson) ? readArray(scalesJson.scales, 'scales', problems) ?? [] : [];
  list.forEach((s, i) => {
    const scale = parseGradeScale(s, path('scales', i), problems);
    if (scale) out.set(scale.id, scale);
  });
  if (problems.length > 0) throw new Error(`data/evaluation/grade-scales.json is broken: ${problems.map((p) => p.message.en).join('; ')}`);
  return out;
}

/** The scales shipped in data/evaluation/grade-scales.json, by id ("mof-2020-10", "xingning-5"). */
export const GRADE_SCALES: ReadonlyMap<string, GradeScale> = loadBuiltIn();

/** The default scale (财预〔2020〕10号). */
export const DEFAULT_SCALE_ID = 'mof-2020-10';

/** Score → grade on a built-in scale by id. */
export function gradeOn(scaleId: string, score: Decimal | string): Grade {
  const scale = GRADE_SCALES.get(scaleId);
  if (!scale) throw new RangeError(`unknown grade scale ${scaleId}`);
  return gradeOf(scale, typeof score === 'string' ? dec(score) : score);
}
