import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compileCacheFolder } from '../core/compile-cache';
import { ownModuleFile } from '../core/own-modules';

/**
 * What the pool runs, the same in this thread and in each worker: a worker loads `module` (compiled JavaScript) by
 * path, calls its `open(init)` once, then `run(state, chunk)` per chunk: jscodeshift's one worker module, run
 * in-process or in a pool. `inBand` is this thread's own `run`, over the state it has already opened.
 */
export interface PoolTask<Init, Chunk, Output> {
  module: string;
  /** the export of `module` that is the task, when it is not the module itself (the CLI's bundle) */
  exportName?: string;
  init: Init;
  inBand(chunk: Chunk): Promise<Output>;
}

/** The exports of a task module (`PoolTask.module`). */
export interface PoolTaskModule<Init, State, Chunk, Output> {
  open(init: Init): Promise<State>;
  run(state: State, chunk: Chunk): Promise<Output>;
}

/**
 * Plans chunk tasks as they are found: in worker threads when it pays (built code, jobs > 1, many files to parse),
 * else in this thread. Workers start while the scan goes on, so their start-up overlaps this thread reading the tree.
 */
export interface ChunkRunner<Chunk, Output> {
  /** queues a chunk: a free worker takes it at once, this thread takes what is left in `finish` */
  push(chunk: Chunk): void;
  /** plans the oldest chunk no thread has taken, in this thread (while the scan waits for reads); false when there is none */
  planQueued(): Promise<boolean>;
  /** runs everything pushed since the last `finish` (this thread joins in); outputs in push order */
  finish(onDone?: (chunk: Chunk) => void): Promise<Output[]>;
  close(): Promise<void>;
}

const workerFile = ownModuleFile('workspace/worker.js');

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * By default the workers start once the scan has found this many files to parse, or this much text. Below both a pool
 * costs more than it saves: each worker loads the compiler or the WASM parser, the map and the tsconfigs, and parses
 * with a cold JIT (on the 10,000-file bench tree, 346 files to parse took 2.7 times the CPU in two threads as in one;
 * 1,678 small Python files, 1.9 M characters, gained nothing). Large files pay sooner: the same 1,678 files grown to
 * 20 M characters planned in 17 s with two workers instead of 24 s; 311 files of Django, 3.6 M characters, in 1.31 s
 * instead of 1.50 s (a worker that loads the CLI's bundle is ready in ~0.2 s). A language may start sooner for large
 * files (`largeFiles`): its adapter's `poolThresholds`.
 */
export interface PoolThresholds {
  files: number;
  characters: number;
  /** from this much text when its files average `averageFile` characters or more */
  largeFiles?: { characters: number; averageFile: number };
}

export const defaultPoolThresholds: PoolThresholds = { files: 2000, characters: 3_000_000 };

/** Whether the default pool starts for this much queued work. */
export function poolPays(queued: { files: number; characters: number }, thresholds: PoolThresholds = defaultPoolThresholds): boolean {
  const { files, characters, largeFiles } = thresholds;
  if (queued.files >= files || queued.characters >= characters) return true;
  return largeFiles !== undefined && queued.characters >= largeFiles.characters && queued.characters >= largeFiles.averageFile * queued.files;
}

export type PoolMode = 'in-band' | 'pool' | 'when-it-pays';

/** `jobs` given explicitly always gets a pool; the default one only once it pays. */
export function poolMode(jobs: number, explicit: boolean): PoolMode {
  // workers load compiled JavaScript; from TypeScript sources (ts-jest) everything runs in-band
  if (jobs < 2 || !existsSync(workerFile)) return 'in-band';
  return explicit ? 'pool' : 'when-it-pays';
}

/** `thresholdsOf` tells, for a chunk, the thresholds of its language (its files are tallied with that language's). */
export function createChunkRunner<Init, Chunk extends { files: readonly unknown[] }, Output>(task: PoolTask<Init, Chunk, Output>, jobs: number, mode: PoolMode, thresholdsOf: (chunk: Chunk) => PoolThresholds = () => defaultPoolThresholds): ChunkRunner<Chunk, Output> {
  if (mode === 'pool') return workerPool(task, jobs);
  if (mode === 'in-band') return inBandRunner(task);
  return poolWhenItPays(task, jobs, thresholdsOf);
}

/** In this thread until the queued work of one language pays for a pool, then a pool that takes over the queue. */
function poolWhenItPays<Init, Chunk extends { files: readonly unknown[] }, Output>(task: PoolTask<Init, Chunk, Output>, jobs: number, thresholdsOf: (chunk: Chunk) => PoolThresholds): ChunkRunner<Chunk, Output> {
  let inBand = inBandRunner(task);
  let tallies = new Map<PoolThresholds, { files: number; characters: number }>();
  let pool: ChunkRunner<Chunk, Output> | undefined;
  return {
    push(chunk) {
      if (pool) return pool.push(chunk);
      inBand.push(chunk);
      const thresholds = thresholdsOf(chunk);
      const tally = tallies.get(thresholds) ?? { files: 0, characters: 0 };
      tallies.set(thresholds, tally);
      tally.files += chunk.files.length;
      for (const file of chunk.files) tally.characters += textLengthOf(file);
      if (!poolPays(tally, thresholds)) return;
      pool = workerPool(task, jobs);
      // what this thread planned already stays its own; the pool takes the rest, in order
      for (const early of inBand.takeQueued()) pool.push(early);
    },
    planQueued: async () => (pool ? pool.planQueued() : inBand.planQueued()),
    async finish(onDone) {
      const planned = await inBand.finish(onDone);
      if (!pool) {
        tallies = new Map();
        return planned;
      }
      const pooled = await pool.finish(onDone);
      inBand = inBandRunner(task);
      return [...planned, ...pooled];
    },
    close: async () => pool?.close(),
  };
}

/** The length of a candidate's text, when the chunk carries it (source files do): the work its parse costs. */
const textLengthOf = (file: unknown): number => (typeof file === 'object' && file !== null && typeof (file as { text?: unknown }).text === 'string' ? (file as { text: string }).text.length : 0);

/** Plans in this thread, in push order: ahead of `finish` when the scan has time (`planQueued`). */
function inBandRunner<Init, Chunk, Output>(task: PoolTask<Init, Chunk, Output>): ChunkRunner<Chunk, Output> & { takeQueued(): Chunk[] } {
  let chunks: Chunk[] = [];
  let outputs: Output[] = [];
  return {
    push: (chunk) => void chunks.push(chunk),
    async planQueued() {
      const chunk = chunks[outputs.length];
      if (chunk === undefined) return false;
      outputs.push(await task.inBand(chunk));
      return true;
    },
    takeQueued: () => chunks.splice(outputs.length),
    async finish(onDone) {
      for (const chunk of chunks.slice(0, outputs.length)) onDone?.(chunk);
      while (outputs.length < chunks.length) {
        const chunk = chunks[outputs.length]!;
        outputs.push(await task.inBand(chunk));
        onDone?.(chunk);
      }
      const done = outputs;
      chunks = [];
      outputs = [];
      return done;
    },
    close: async () => undefined,
  };
}

/** How many chunks a worker holds at a time: the one it plans and the next, so that it never waits for this thread. */
const chunksInFlight = 2;

type Reply<Output> = { ready: true } | { id: number; output: Output } | { id: number; error: string };

/** What a worker gets at its start (`worker.ts`). */
export interface WorkerData<Init> {
  module: string;
  exportName?: string;
  init: Init;
  /** the compile cache's folder of the main thread (`core/compile-cache.ts`) */
  compileCache?: string;
}

/**
 * `jobs - 1` worker threads plus this thread, all taking chunks from one queue: this thread has its session prepared
 * already and would otherwise sit idle once the scan is done, and each worker costs a start-up.
 */
function workerPool<Init, Chunk, Output>(task: PoolTask<Init, Chunk, Output>, jobs: number): ChunkRunner<Chunk, Output> {
  const workerData: WorkerData<Init> = { module: task.module, exportName: task.exportName, init: task.init, compileCache: compileCacheFolder() };
  // more threads than cores only cost memory (each loads the compiler or the parser): `--jobs 1000` means every core
  const workers = Array.from({ length: Math.min(jobs, availableParallelism()) - 1 }, () => new Worker(workerFile, { workerData }));
  // a worker is fed once it has opened its state (a chunk sent earlier would wait for it while this thread could plan
  // it), and kept `chunksInFlight` ahead: this thread reads its replies only between its own chunks
  const inFlight = new Map<Worker, number>();
  let tasks: Chunk[] = [];
  let outputs: Output[] = [];
  let next = 0;
  let done = 0;
  let failure: Error | undefined;
  let onDone: ((chunk: Chunk) => void) | undefined;
  let settle: ((error?: Error) => void) | undefined;

  const complete = (id: number, output: Output): void => {
    outputs[id] = output;
    done++;
    onDone?.(tasks[id]!);
    if (done === tasks.length) settle?.();
  };
  const feed = (worker: Worker): void => {
    while (next < tasks.length && (inFlight.get(worker) ?? 0) < chunksInFlight) {
      inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
      const id = next++;
      worker.postMessage({ id, task: tasks[id] });
    }
  };
  const fail = (error: Error): void => {
    failure ??= error;
    settle?.(failure);
  };
  for (const worker of workers) {
    worker.on('message', (reply: Reply<Output>) => {
      if ('ready' in reply) {
        inFlight.set(worker, 0);
        return feed(worker);
      }
      if ('error' in reply) return fail(new Error(reply.error));
      inFlight.set(worker, inFlight.get(worker)! - 1);
      complete(reply.id, reply.output);
      feed(worker);
    });
    worker.on('error', fail);
  }

  return {
    push(chunk) {
      tasks.push(chunk);
      for (const worker of inFlight.keys()) feed(worker);
    },
    // a chunk no worker holds, while the scan waits for reads (this thread would idle)
    async planQueued() {
      if (next >= tasks.length || failure) return false;
      const id = next++;
      complete(id, await task.inBand(tasks[id]!));
      return true;
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
        complete(id, await task.inBand(tasks[id]!));
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
