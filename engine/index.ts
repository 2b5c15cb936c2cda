export { simulate } from './simulate';
export { prepare, type Prepared } from './scenario/normalize';
export { run, type RunOutput } from './run';
export { report, type Result, type Totals, type PeriodRow, type ParcelRow } from './report';
export { ScenarioInvalid, formatProblems, type Problem, type ProblemCode } from './problem';
export type { Check } from './check';
export type { Model } from './model';
export * as money from './money';
export { SCENARIO_SCHEMA } from './scenario/schema-check';
