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

/** Below this many files to parse a pool costs more (thread start, WASM and TypeScript load per worker) than it saves. */
export const minCandidatesForPool = 400;

/** Whether to parse `candidates` files in a pool: `jobs` given explicitly always gets one; the default only when it pays. */
export function wantsPool(jobs: number, explicit: boolean, candidates: number): boolean {
  // workers load compiled JavaScript; from TypeScript sources (ts-jest) everything runs in-band
  return jobs > 1 && (explicit || candidates >= minCandidatesForPool) && existsSync(workerFile);
}

export function createChunkRunner(session: RewriteSession, init: PoolInit, jobs: number, pool: boolean): ChunkRunner {
  return pool ? workerPool(init, jobs) : inBandRunner(session);
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

function workerPool(init: PoolInit, jobs: number): ChunkRunner {
  const workers = Array.from({ length: jobs }, () => new Worker(workerFile, { workerData: init }));
  return {
    run(tasks, onDone) {
      const outputs: ChunkOutput[] = new Array(tasks.length);
      let next = 0;
      let done = 0;
      return new Promise((resolve, reject) => {
        if (!tasks.length) return resolve(outputs);
        const feed = (worker: Worker): void => {
          if (next >= tasks.length) return;
          const id = next++;
          worker.postMessage({ id, task: tasks[id] });
        };
        for (const worker of workers) {
          worker.removeAllListeners('message').removeAllListeners('error');
          worker.on('message', (reply: Reply) => {
            if ('error' in reply) return reject(new Error(reply.error));
            outputs[reply.id] = reply.output;
            onDone?.(reply.id);
            if (++done === tasks.length) resolve(outputs);
            else feed(worker);
          });
          worker.on('error', reject);
          feed(worker);
        }
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
