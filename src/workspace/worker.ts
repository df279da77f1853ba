import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../core/compile-cache';
import type { PoolTaskModule, WorkerData } from './pool';

const { module: taskModule, exportName, init, compileCache } = workerData as WorkerData<unknown>;
// the task below loads the compiler or parser: with the main thread's cache, read-only
enableCompileCache(compileCache);

/** A pool worker: loads its task module and opens its state (maps, adapters, parsers) at once, then runs the chunks it is sent. */
type Task = PoolTaskModule<unknown, unknown, unknown, unknown>;
const loaded = require(taskModule) as Task | Record<string, Task>;
const task = exportName ? (loaded as Record<string, Task>)[exportName]! : (loaded as Task);
const state = task.open(init);
// a state that cannot be opened (a bad map) is reported by the main thread, which opens it too; here it fails each chunk
// the pool sends chunks once this says ready: until then this thread's peers take them
state.then(
  () => parentPort?.postMessage({ ready: true }),
  () => parentPort?.postMessage({ ready: true }),
);

const runChunk = async ({ id, task: chunk }: { id: number; task: unknown }): Promise<void> => {
  try {
    const output = await task.run(await state, chunk);
    parentPort?.postMessage({ id, output });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
};

// the pool sends the next chunk before this one is done: one at a time, in order, as the main thread runs its own
let running = Promise.resolve();
parentPort?.on('message', (message: { id: number; task: unknown }) => {
  running = running.then(() => runChunk(message));
});
