/** The incremental model: a prepared, run scenario that answers edits by rebuilding only what they reach. */
export { IncrementalModel, type CreateOptions, type EditOutcome } from './model';
export { editKind, type Edit, type EditKind } from './edit';
export { firstDirtyStage, STAGES, type Stage } from './stages';
export { resplit } from './resplit';
export { scenarioEdits, pathText } from './scenario-diff';
