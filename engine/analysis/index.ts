/** Scenario analysis: sweeps, tornado, Monte Carlo, solve-for — re-exports only. */
export { KNOWN_INPUTS, applyInput, applyInputs, formatInput, linearRange, parseInputValue, resolveInput, splitValue, type ResolvedInput, type ValueShape } from './input';
export { lookup, measureText, parseOutput, readOutput, readSeries, toMeasure, type Aggregate, type OutputRef } from './output';
export { FUNDING_SECTIONS, LedgerMetrics, fastOutputPaths, fastReader, fastSeriesReader, fundingView } from './metrics';
export { evaluator, parseOutputs, type Evaluation } from './evaluate';
export { axisValues, sweep, sweepMatrix, sweepRows, type SweepAxis, type SweepCell, type SweepResult, type SweepSpec } from './sweep';
export { defaultTornadoInputs, tornado, type TornadoBar, type TornadoInput, type TornadoResult, type TornadoSpec } from './tornado';
export { checkDistribution, cholesky, fromNormal, normalCdf, normalQuantile, parseDistribution, quantile, sample, standardNormal, type Distribution } from './distributions';
export { seeded, sfc32, streamFor, type Random } from './random';
export { DEFAULT_PERCENTILES, MAX_MC_NUMBERS_KEPT, MAX_MC_RUNS, compilePlan, drawInputs, runChunk, type ChunkResult, type CompiledPlan, type McEventSpec, type McInputSpec, type McPlan } from './monte-carlo';
export { percentileOf, summarize, type McOutputSummary, type McResult, type Percentile } from './mc-summary';
export { monteCarlo, type McOutcome, type McRunOptions, type Spawn, type WorkerPort } from './pool';
export { analysisWorkerHandler, transferables, type FromWorker, type ToWorker } from './worker-protocol';
export { compare, defaultStep, seek, type Comparison, type SeekResult, type SeekSpec } from './goal-seek';
export { SOLVE_PRESETS, solvePreset, type PresetOptions, type PresetSolve, type SolvePresetName } from './solve-presets';
export { SHORTFALL_MEASURE, defaultEvents, defaultOutputs, scenarioFacts, type ScenarioFacts } from './defaults';
export { stressOutputs, type StressOutputRow } from './stress-outputs';
export { browserSpawner } from './browser-pool';
