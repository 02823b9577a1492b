import { describe, expect, it } from 'vitest';
import { broadAfterAll, broadTotal, recentWindowSize, searchWords, type SearchPlan } from './search-planner';
import { BROAD_MATCHES } from './search-plan';
import { parseQuery } from './thai-text';

// The search planner's decisions, without a database (the searches themselves: knowledge.test.ts, search-scale.test.ts).
describe('search planner', () => {
  const plan = (p: Partial<SearchPlan>): SearchPlan => ({
    tsq: searchWords(parseQuery('น้ำ')),
    parsed: parseQuery('น้ำ'),
    broad: false,
    estimate: 0,
    upper: 0,
    listed: 0,
    ...p,
  });

  it('has nothing to match for a query without words', () => {
    expect(searchWords(parseQuery('  '))).toBeNull();
    expect(searchWords(parseQuery('ฝาย'))).not.toBeNull();
  });

  it('turns a narrow plan broad after all, with an estimate between the limit and the rarest group', () => {
    const after = broadAfterAll(plan({ estimate: 40, upper: (BROAD_MATCHES + 1) * 4 }));
    expect(after.broad).toBe(true);
    // the geometric mean of BROAD_MATCHES + 1 and the upper bound
    expect(after.estimate).toBe((BROAD_MATCHES + 1) * 2);
    // an upper bound below the limit still gives more than the limit
    expect(broadAfterAll(plan({ upper: 10 })).estimate).toBe(BROAD_MATCHES + 1);
  });

  it('limits a broad search to recent items only when its words are in less than a tenth of them', () => {
    expect(recentWindowSize(0.02, 40)).toBe(6000); // three times the items that should hold the first pages
    expect(recentWindowSize(0.1, 40)).toBeUndefined();
    expect(recentWindowSize(0.5, 40)).toBeUndefined();
    expect(recentWindowSize(0, 40)).toBeUndefined();
  });

  it('gives a broad search an exact total on its last page, else the estimate and always one more than seen', () => {
    expect(broadTotal(7, 20, 40, 5000)).toBe(47);
    expect(broadTotal(20, 20, 40, 5000)).toBe(5000);
    expect(broadTotal(20, 20, 6000, 5000)).toBe(6021);
  });
});
