/**
 * The names of the goal-seek presets (solve-presets.ts), on their own so a list of them — the CLI's
 * help — does not load the engine.
 */
export const SOLVE_PRESETS = ['max-acquisition-price', 'min-sale-price', 'max-bond', 'min-pre-allocation'] as const;
export type SolvePresetName = (typeof SOLVE_PRESETS)[number];
