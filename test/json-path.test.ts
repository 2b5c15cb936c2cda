// Setting a field by JSON path, as the controls, the analyses and the incremental model's edits do.
import { describe, expect, it } from 'vitest';
import { setAt } from '../engine/scenario/json-path';

describe('setAt', () => {
  it('sets a field a file named "__proto__" as an own field, never the prototype', () => {
    const s = JSON.parse('{"a":1,"__proto__":{"x":1}}');
    const t = setAt(s, ['__proto__', 'x'], 2);
    expect(JSON.stringify(t)).toBe('{"a":1,"__proto__":{"x":2}}');
    expect(Object.getPrototypeOf(t)).toBe(Object.prototype);
    expect(JSON.stringify(s)).toBe('{"a":1,"__proto__":{"x":1}}');
    const added = setAt({ a: 1 }, ['__proto__'], { x: 1 });
    expect(JSON.stringify(added)).toBe('{"a":1,"__proto__":{"x":1}}');
    expect(Object.getPrototypeOf(added)).toBe(Object.prototype);
  });

  it('keeps key order and adds new keys last', () => {
    expect(JSON.stringify(setAt({ b: 1, c: 2 }, ['b'], 3))).toBe('{"b":3,"c":2}');
    expect(JSON.stringify(setAt({ b: 1 }, ['c', 0], 3))).toBe('{"b":1,"c":[3]}');
  });
});
