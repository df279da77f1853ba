import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../cli/compile-cache';
import { openSession, planFiles } from '../plan/session';
import type { ChunkTask, PoolInit } from './pool';

// the session below loads the compiler or parser: with the cache on, as in the main thread
enableCompileCache();

/** A pool worker: opens its own session (maps, adapters, parsers) as soon as it starts, then plans the chunks it is sent. */
const init = workerData as PoolInit;
const session = openSession(init.cwd, init.mapFiles, init.files);
// a map that cannot be opened is reported by the main thread, which opens it too; here it fails each task
session.catch(() => undefined);

parentPort?.on('message', async ({ id, task }: { id: number; task: ChunkTask }) => {
  try {
    const output = await planFiles(await session, task.mapIndex, task.files);
    parentPort?.postMessage({ id, output });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
