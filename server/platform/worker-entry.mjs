// Entry of a worker-pool thread: loads the TypeScript task module named in workerData (through tsx, so it
// works under `tsx`, vitest and plain node alike) and answers { id, task, args } messages with
// { id, result } or { id, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport(workerData.module, import.meta.url);
const tasks = mod.tasks ?? mod.default?.tasks;
parentPort.on('message', async ({ id, task, args }) => {
  try {
    const fn = tasks[task];
    if (typeof fn !== 'function') throw new Error(`unknown task ${task}`);
    parentPort.postMessage({ id, result: await fn(...args) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true });
