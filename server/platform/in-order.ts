/**
 * Await lazy Drizzle queries one after another. Queries of one transaction share one connection;
 * `pg` warns about (and v9 will refuse) overlapping queries on a client, so no Promise.all there.
 */
export async function inOrder<T extends readonly unknown[]>(queries: readonly [...{ [K in keyof T]: PromiseLike<T[K]> }]): Promise<T> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as unknown as T;
}
