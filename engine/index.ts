/**
 * The engine's public surface: prepare, run, report and the figure catalogue, the scenario
 * helpers, money and problems. The CLI, the analysis layer and the notebook import the engine
 * from here; this file only re-exports and never imports the analysis layer.
 */
export { simulate } from './simulate';
export { prepare, type Prepared } from './scenario/normalize';
export { run, shareLogOf, parcelTotal, type RunOutput } from './run';
export { projectCoverage, type Coverage } from './coverage';
export { report, VIEWS, SCHEMA_VERSION, type View, type PartialResult, type Result, type Totals, type PeriodRow, type ParcelRow } from './report';
export { FIGURES, NOT_FIGURES, figure, figuresAt, type Figure, type FigureLevel } from './figures';
export { traceFigure, TraceScopeError, type TraceQuery, type TraceAnswer } from './trace';
export { figureQuery } from './figure-path';
export { ScenarioInvalid, type Problem, type ProblemCode } from './problem';
export { formatProblems } from './presentation/problem-text';
export type { Check } from './check';
export type { Model } from './model';
export * as money from './money';
export { dec, Decimal, fenToYuan, MONEY_UNITS, parseMoneyDecimal, type Fen } from './money';
export { problem } from './problem';
export { nearest } from './suggest';
export { areaIn, parseArea, parseUnitPrice } from './units';
export type { Text } from './model';
export { scenarioDefaults } from './scenario/scenario-defaults';
export { assertRunInvariants, assertRunInvariantsWithSums, type RunSums } from './run-invariants';
export { LedgerSums } from './ledger-sums';
export { sumByRule } from './ledger';
export { ruleFiguresAt, ruleSum, type RuleSum } from './figures';
export type { FundingReport } from './funding-report';
export { PERIOD_NET_WEIGHT, peakOf } from './funding-flows';
export { IncrementalModel } from './incremental/model';
export { editKind } from './incremental/edit';
export { ruleSumsSource } from './incremental/resplit';
export { knownRuleTotals } from './incremental/rule-totals';
export { SCENARIO_SCHEMA } from './scenario/schema-check';
export { composeScenario, mergeDeep, resolvePath, type Composed, type ReadText, type ReadGrid } from './scenario/compose';
export { parsePath, getAt, setAt, type PathSegment } from './scenario/json-path';
export { resultTables, tableToCsv, periodColumns, parcelColumns, type Table, type Column } from './presentation/tables';
export { postingRows, type PostingRow } from './report';
export { STRESS_PRESETS, stressTable, stressFigures, type StressPreset, type StressRow } from './multi-run/stress';
export { compareZoneModes, type ZoneComparison } from './multi-run/zone-comparison';
export type { BondReport, ZoneReport, PoolReport } from './funding-report';
