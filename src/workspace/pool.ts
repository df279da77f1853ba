import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../languages/types';
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

/** Runs chunk tasks: in worker threads when it pays (built code, jobs > 1, enough files), else in this thread. */
export interface ChunkRunner {
  /** runs every task; `onDone(i)` as task i finishes (in any order) */
  run(tasks: readonly ChunkTask[], onDone?: (index: number) => void): Promise<ChunkOutput[]>;
  close(): Promise<void>;
}

const workerFile = join(__dirname, 'worker.js');

export function defaultJobs(): number {
  return availableParallelism();
}

/** Below this many files to parse a pool costs more than it saves: measured on 2 cores, a worker's start-up (compiler or WASM, map, tsconfig) matched the parsing it took over at 1,100 TypeScript files. */
export const minCandidatesForPool = 2000;

/** Whether to parse `candidates` files in a pool: `jobs` given explicitly always gets one; the default only when it pays. */
export function wantsPool(jobs: number, explicit: boolean, candidates: number): boolean {
  // workers load compiled JavaScript; from TypeScript sources (ts-jest) everything runs in-band
  return jobs > 1 && (explicit || candidates >= minCandidatesForPool) && existsSync(workerFile);
}

export function createChunkRunner(session: RewriteSession, init: PoolInit, jobs: number, pool: boolean): ChunkRunner {
  return pool ? workerPool(session, init, jobs) : inBandRunner(session);
}

function inBandRunner(session: RewriteSession): ChunkRunner {
  return {
    async run(tasks, onDone) {
      const outputs: ChunkOutput[] = [];
      for (const [index, task] of tasks.entries()) {
        outputs.push(await planFiles(session, task.mapIndex, task.files));
        onDone?.(index);
      }
      return outputs;
    },
    close: async () => undefined,
  };
}

type Reply = { id: number; output: ChunkOutput } | { id: number; error: string };

/**
 * `jobs - 1` worker threads plus this thread, all taking chunks from one queue: the main thread has its session
 * prepared already and would otherwise sit idle, and each worker costs a start-up (parsers, compiler, map).
 */
function workerPool(session: RewriteSession, init: PoolInit, jobs: number): ChunkRunner {
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(workerFile, { workerData: init }));
  return {
    run(tasks, onDone) {
      const outputs: ChunkOutput[] = new Array(tasks.length);
      let next = 0;
      let done = 0;
      return new Promise((resolve, reject) => {
        if (!tasks.length) return resolve(outputs);
        const finish = (id: number, output: ChunkOutput): void => {
          outputs[id] = output;
          onDone?.(id);
          if (++done === tasks.length) resolve(outputs);
        };
        const mainLane = async (): Promise<void> => {
          while (next < tasks.length) {
            const id = next++;
            const task = tasks[id]!;
            finish(id, await planFiles(session, task.mapIndex, task.files));
            // let the workers' messages in between chunks
            await new Promise((tick) => setImmediate(tick));
          }
        };
        const feed = (worker: Worker): void => {
          if (next >= tasks.length) return;
          const id = next++;
          worker.postMessage({ id, task: tasks[id] });
        };
        for (const worker of workers) {
          worker.removeAllListeners('message').removeAllListeners('error');
          worker.on('message', (reply: Reply) => {
            if ('error' in reply) return reject(new Error(reply.error));
            finish(reply.id, reply.output);
            feed(worker);
          });
          worker.on('error', reject);
          feed(worker);
        }
        mainLane().catch(reject);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Splits items into about `jobs × 4` contiguous chunks, so a slow chunk does not hold the others up. */
export function chunk<T>(items: readonly T[], jobs: number): T[][] {
  const size = Math.max(16, Math.ceil(items.length / (jobs * 4)));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
