import { threadId } from 'node:worker_threads';

/** Tasks for the worker-pool test. */
export const tasks = {
  threadId: () => threadId,
  echo: (x: unknown) => x,
  fail: () => {
    throw new Error('boom');
  },
  exit: () => process.exit(3),
  spin: (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      /* busy */
    }
    return ms;
  },
};
