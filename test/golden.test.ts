import { describe, expect, it } from 'vitest';
import { goldenText } from './support/golden-text';
import { runFile, scenarioFiles } from './support/scenarios';

describe('golden results', () => {
  for (const file of scenarioFiles()) {
    it(`${file} matches its golden file`, async () => {
      const r = runFile(file);
      await expect(goldenText(r)).toMatchFileSnapshot(`golden/${r.scenario.id}.txt`);
      expect(file.replace(/^.*\//, '').replace('.json', '')).toBe(r.scenario.id);
      // Every invariant holds on every shipped scenario.
      for (const c of r.checks.filter((c) => c.severity === 'invariant')) expect(c.ok, `${c.id}: ${c.message}`).toBe(true);
    });
  }
});
