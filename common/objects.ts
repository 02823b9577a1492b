/**
 * A row after a partial update: each of `keys` the input carries replaces the row's value (null too: it clears
 * the field); a key the input leaves out (undefined) keeps the row's.
 */
export function withUpdates<R extends object, K extends keyof R>(before: R, input: { [P in K]?: R[P] }, keys: readonly K[]): Pick<R, K> {
  const next = {} as Pick<R, K>;
  for (const k of keys) next[k] = input[k] === undefined ? before[k] : (input[k] as R[K]);
  return next;
}

/** What a partial update carries: the fields of `patch` that are not undefined (null too: it clears the field). */
export function givenFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
