import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classChars, enc, valid } from './arbitraries';

/** The fuzzer's own generators: they must end, and give what the schema asks (docs/reliability.md, fuzzing). */
describe('fuzz generators', () => {
  it('a one-class pattern with a minimum length gives matching strings at once (the full run stalled on this)', () => {
    const schema = { type: 'string', minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' };
    const started = Date.now();
    const values = fc.sample(valid(schema), { seed: 15, numRuns: 50 }) as string[];
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const v of values) {
      expect(v).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(v.length).toBeGreaterThanOrEqual(20);
      expect(v.length).toBeLessThanOrEqual(100);
    }
  });

  it('reads character classes with ranges and escaped dashes', () => {
    expect(classChars('a-c_-').sort()).toEqual(['-', '_', 'a', 'b', 'c']);
    expect(classChars("0-1'+\\-").sort()).toEqual(["'", '+', '-', '0', '1']);
    expect(classChars('\\d')).toEqual([]);
  });

  it('puts a lone surrogate in a URL as its bytes instead of throwing', () => {
    expect(() => encodeURIComponent('ก\uD800')).toThrow(URIError);
    expect(enc('ก\uD800')).toBe('%E0%B8%81%ED%A0%80');
    expect(enc('🐘 ชมภู')).toBe(encodeURIComponent('🐘 ชมภู'));
  });
});
