import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../core/compile-cache';
import type { PoolTaskModule, WorkerData } from './pool';

const { module: taskModule, init, compileCache } = workerData as WorkerData<unknown>;
// the task below loads the compiler or parser: with the main thread's cache, read-only
enableCompileCache(compileCache);

/** A pool worker: loads its task module and opens its state (maps, adapters, parsers) at once, then runs the chunks it is sent. */
const task = require(taskModule) as PoolTaskModule<unknown, unknown, unknown, unknown>;
const state = task.open(init);
// a state that cannot be opened (a bad map) is reported by the main thread, which opens it too; here it fails each chunk
state.catch(() => undefined);

parentPort?.on('message', async ({ id, task: chunk }: { id: number; task: unknown }) => {
  try {
    const output = await task.run(await state, chunk);
    parentPort?.postMessage({ id, output });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
