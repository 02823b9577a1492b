import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool, WorkerTimeoutError } from './worker-pool';
import type { tasks } from '../test/pool-tasks';

const pool = new WorkerPool<typeof tasks>(new URL('../test/pool-tasks.ts', import.meta.url), { size: 1, timeoutMs: 3000 });
afterAll(() => pool.close());

describe('worker pool', () => {
  it('runs TypeScript tasks in another thread, in order, with errors passed back', async () => {
    const other = await pool.run('threadId', []);
    expect(other).not.toBe(threadId);
    expect(await Promise.all([pool.run('echo', [{ a: 'ก' }]), pool.run('echo', [[1, 2]])])).toEqual([{ a: 'ก' }, [1, 2]]);
    await expect(pool.run('fail', [])).rejects.toThrow('boom');
  });

  it('keeps the event loop free while a task runs, and replaces a thread that died or ran out of time', async () => {
    let ticks = 0;
    const spin = pool.run('spin', [400]);
    while ((await Promise.race([spin.then(() => 'done'), new Promise((r) => setImmediate(() => r('tick')))])) === 'tick') ticks++;
    expect(ticks).toBeGreaterThan(10); // the loop went round many times during 400 ms of busy work
    const before = await pool.run('threadId', []);
    await expect(pool.run('exit', [])).rejects.toThrow();
    const after = await pool.run('threadId', []);
    expect(after).not.toBe(before);
    await expect(pool.run('spin', [10_000])).rejects.toBeInstanceOf(WorkerTimeoutError);
    expect(await pool.run('echo', ['ok'])).toBe('ok');
  });
});
