/**
 * The scenario schema (scenarios/scenario.schema.json) compiled into a validating function by ajv,
 * with the schema's own formats (scenario-formats.ts). Compiling costs tens of milliseconds, so the
 * built CLI does not do it: its build (scripts/build-cli.ts) generates this same function as
 * standalone code once and puts it in this module's place. The notebook and the tests compile it
 * here, once per process.
 */
import Ajv from 'ajv';
import schema from '../../scenarios/scenario.schema.json';
import { SCENARIO_FORMATS } from './scenario-formats';

/** The options the standalone build uses too: every error, with its schema and data (verbose). */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

const ajv = new Ajv(AJV_OPTIONS);
for (const [name, f] of Object.entries(SCENARIO_FORMATS)) ajv.addFormat(name, f);
export const validateScenario = ajv.compile(schema);
