/**
 * The one rule for the fiscal year a page opens on: the latest year with data that is not in the future;
 * today's fiscal year when there is none (a new tenant) — so every page, signed in or public, agrees.
 */
export function defaultFiscalYear(yearsWithData: readonly number[], current: number): number {
  let best: number | null = null;
  for (const y of yearsWithData) if (y <= current && (best === null || y > best)) best = y;
  return best ?? current;
}
