/**
 * Performance evaluation (绩效评价): indicator trees with scoring rules, grade scales, the
 * indicator formulas, and target tables. Re-exports only.
 */
export * from './grade-scale';
export * from './indicators';
export * from './scoring-rule';
export * from './indicator-tree';
export * from './evaluation-spec';
export * from './target-table';
export { parseMoneyText, isIsoDate } from './fields';
