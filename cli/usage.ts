/**
 * The usage line of every command, kept apart from the commands so `lrsim --help` (and a usage
 * error) prints without loading the engine.
 */
import { SOLVE_PRESETS } from '../engine/analysis/solve-preset-names';

export const RUN_USAGE = `lrsim run <scenario.json> [--json] [--csv [periods|quarters|years|parcels|governments|earmark|checks]] [--xlsx FILE] [--out FILE] [--lang zh|en] [--postings]`;
// The report kinds, written out so usage does not load the report builders (engine/reports/index.ts).
export const REPORT_USAGE = `lrsim report <scenario.json> --kind <balance|disclosure|card|bond-use|budget> [--year Y] [--date YYYY-MM] [--xlsx FILE] [--csv | --json] [--out FILE] [--lang zh|en]`;
export const STRESS_USAGE = 'lrsim stress <scenario.json> [--json | --csv] [--lang zh|en]';
export const ZONES_USAGE = 'lrsim zones <scenario.json> [--json | --csv] [--lang zh|en]';
export const SWEEP_USAGE = `lrsim sweep <scenario.json> (--x PATH=FROM:TO:STEPS|V1,V2,… [--y PATH=…] | --stress) [--output PATH]… [--json | --csv | --heatmap]`;
export const TORNADO_USAGE = `lrsim tornado <scenario.json> [--output PATH] [--input PATH=LOW,HIGH | PATH=x0.9,1.1]… [--json | --csv]`;
export const MONTECARLO_USAGE = `lrsim montecarlo <scenario.json> [--runs N] [--seed S] [--threads T] [--dist PATH=DIST]… [--corr A,B=RHO]… [--output PATH]… [--series PATH]… [--event PATH<X]… [--json | --csv] [--quiet]`;
export const SOLVE_USAGE = `lrsim solve <scenario.json> (--input PATH --from V --to V [--step V] --output PATH (--at-least X | --at-most X | --above X | --below X) --find max|min | --preset ${SOLVE_PRESETS.join('|')} [--parcel ID] [--bond ID] [--zone ID] [--pre-allocation ID] [--no-link]) [--json]`;
export const TRACE_USAGE = 'lrsim trace <scenario.json> <figure-path> [--json] [--limit N] [--lang zh|en]';
