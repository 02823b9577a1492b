/** The distinct values of a list, in first-seen order. */
export const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
