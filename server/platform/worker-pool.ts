import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * A small pool of worker threads for CPU-heavy work that must not stop the event loop (Thai segmentation,
 * Markdown, text extraction of uploads). `module` is a TypeScript file exporting `tasks`, an object of
 * functions whose arguments and results can be structured-cloned. Tasks queue in order; each runs with a
 * time limit after which its thread is terminated (and replaced on the next task), and each thread has its
 * own heap limit, so a pathological input costs one task, not the server. Idle threads do not keep the
 * process alive.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tasks = Record<string, (...args: any[]) => unknown>;

export class WorkerTimeoutError extends Error {}

interface Job {
  id: number;
  task: string;
  args: unknown[];
  transfer: ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

export interface PoolOptions {
  size?: number;
  timeoutMs?: number;
  maxHeapMb?: number;
}

export class WorkerPool<T extends Tasks> {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  /** Tasks started so far (for tests and metrics). */
  started = 0;
  /** Tasks running now. */
  get running() {
    return this.slots.filter((s) => s.job).length;
  }

  constructor(
    private readonly module: URL,
    opts: PoolOptions = {},
  ) {
    this.size = opts.size ?? Math.max(1, Math.min(2, os.availableParallelism() - 1));
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.maxHeapMb = opts.maxHeapMb ?? 512;
  }

  run<K extends keyof T & string>(task: K, args: Parameters<T[K]>, transfer: ArrayBuffer[] = []): Promise<Awaited<ReturnType<T[K]>>> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, args, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch() {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      this.started++;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.fail(slot!, new WorkerTimeoutError(`task ${job.task} took more than ${this.timeoutMs} ms`)), this.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task, args: job.args }, job.transfer);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { module: this.module.href },
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
      // the parent's loader flags (tsx) are not needed: the entry loads TypeScript itself
      execArgv: [],
    });
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on('message', (msg: { id?: number; result?: unknown; error?: string; ready?: boolean }) => {
      if (msg.ready || !slot.job || msg.id !== slot.job.id) return;
      const job = slot.job;
      this.finish(slot);
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.result);
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', () => this.fail(slot, new Error('worker exited')));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot) {
    clearTimeout(slot.timer);
    slot.job = null;
    slot.worker.unref();
    this.dispatch();
  }

  /** The slot's thread is gone or must go: its job fails, the thread is dropped, the queue goes on. */
  private fail(slot: Slot, err: unknown) {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    job?.reject(err);
    if (!this.closed) this.dispatch();
  }
}
