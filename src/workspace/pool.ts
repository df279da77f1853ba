import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../core/types';
import type { ChunkOutput, RewriteSession } from '../plan/session';
import { planFiles } from '../plan/session';

export interface PoolInit {
  cwd: string;
  mapFiles: readonly string[];
  files: readonly string[];
}

export interface ChunkTask {
  mapIndex: number;
  files: readonly SourceFile[];
}

/**
 * Plans chunk tasks as they are found: in worker threads when it pays (built code, jobs > 1, many files to parse),
 * else in this thread. Workers start while the scan goes on, so their start-up overlaps this thread reading the tree.
 */
export interface ChunkRunner {
  /** queues a task: a free worker takes it at once, this thread takes what is left in `finish` */
  push(task: ChunkTask): void;
  /** plans everything pushed since the last `finish` (this thread joins in); outputs in push order */
  finish(onDone?: (task: ChunkTask) => void): Promise<ChunkOutput[]>;
  close(): Promise<void>;
}

const workerFile = join(__dirname, 'worker.js');

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * By default the workers start once the scan has found this many files to parse. Below it a pool costs more than it
 * saves: each worker loads the compiler or the WASM parser, the map and the tsconfigs, and parses with a cold JIT
 * (on the 10,000-file bench tree, 346 files to parse took 2.7 times the CPU in two threads as in one).
 */
export const minCandidatesForPool = 2000;

export type PoolMode = 'in-band' | 'pool' | 'when-it-pays';

/** `jobs` given explicitly always gets a pool; the default one only once it pays. */
export function poolMode(jobs: number, explicit: boolean): PoolMode {
  // workers load compiled JavaScript; from TypeScript sources (ts-jest) everything runs in-band
  if (jobs < 2 || !existsSync(workerFile)) return 'in-band';
  return explicit ? 'pool' : 'when-it-pays';
}

export function createChunkRunner(session: RewriteSession, init: PoolInit, jobs: number, mode: PoolMode): ChunkRunner {
  if (mode === 'pool') return workerPool(session, init, jobs);
  if (mode === 'in-band') return inBandRunner(session);
  return poolWhenItPays(session, init, jobs);
}

/** In this thread until `minCandidatesForPool` files are queued, then a pool that takes over the queue. */
function poolWhenItPays(session: RewriteSession, init: PoolInit, jobs: number): ChunkRunner {
  let queued: ChunkTask[] = [];
  let files = 0;
  let pool: ChunkRunner | undefined;
  return {
    push(task) {
      if (pool) return pool.push(task);
      queued.push(task);
      files += task.files.length;
      if (files < minCandidatesForPool) return;
      pool = workerPool(session, init, jobs);
      for (const early of queued) pool.push(early);
      queued = [];
    },
    async finish(onDone) {
      if (pool) return pool.finish(onDone);
      const inBand = inBandRunner(session);
      for (const task of queued) inBand.push(task);
      queued = [];
      files = 0;
      return inBand.finish(onDone);
    },
    close: async () => pool?.close(),
  };
}

function inBandRunner(session: RewriteSession): ChunkRunner {
  let tasks: ChunkTask[] = [];
  return {
    push: (task) => void tasks.push(task),
    async finish(onDone) {
      const outputs: ChunkOutput[] = [];
      for (const task of tasks) {
        outputs.push(await planFiles(session, task.mapIndex, task.files));
        onDone?.(task);
      }
      tasks = [];
      return outputs;
    },
    close: async () => undefined,
  };
}

type Reply = { id: number; output: ChunkOutput } | { id: number; error: string };

/**
 * `jobs - 1` worker threads plus this thread, all taking chunks from one queue: this thread has its session prepared
 * already and would otherwise sit idle once the scan is done, and each worker costs a start-up.
 */
function workerPool(session: RewriteSession, init: PoolInit, jobs: number): ChunkRunner {
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(workerFile, { workerData: init }));
  const idle = new Set(workers);
  let tasks: ChunkTask[] = [];
  let outputs: ChunkOutput[] = [];
  let next = 0;
  let done = 0;
  let failure: Error | undefined;
  let onDone: ((task: ChunkTask) => void) | undefined;
  let settle: ((error?: Error) => void) | undefined;

  const complete = (id: number, output: ChunkOutput): void => {
    outputs[id] = output;
    done++;
    onDone?.(tasks[id]!);
    if (done === tasks.length) settle?.();
  };
  const feed = (worker: Worker): void => {
    if (next >= tasks.length) return void idle.add(worker);
    idle.delete(worker);
    const id = next++;
    worker.postMessage({ id, task: tasks[id] });
  };
  const fail = (error: Error): void => {
    failure ??= error;
    settle?.(failure);
  };
  for (const worker of workers) {
    worker.on('message', (reply: Reply) => {
      if ('error' in reply) return fail(new Error(reply.error));
      complete(reply.id, reply.output);
      feed(worker);
    });
    worker.on('error', fail);
  }

  return {
    push(task) {
      tasks.push(task);
      const worker = idle.values().next().value;
      if (worker) feed(worker);
    },
    async finish(callback) {
      onDone = callback;
      for (const [id, output] of outputs.entries()) if (output) callback?.(tasks[id]!);
      const finished = new Promise<void>((resolve, reject) => {
        settle = (error) => (error ? reject(error) : resolve());
        if (failure) return reject(failure);
        if (done === tasks.length) resolve();
      });
      // this thread takes chunks too, letting the workers' messages in between
      while (next < tasks.length && !failure) {
        const id = next++;
        complete(id, await planFiles(session, tasks[id]!.mapIndex, tasks[id]!.files));
        await new Promise((tick) => setImmediate(tick));
      }
      await finished;
      const result = outputs;
      tasks = [];
      outputs = [];
      next = 0;
      done = 0;
      settle = undefined;
      return result;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
