import { parentPort, workerData } from 'node:worker_threads';
import { openSession, planFiles, type RewriteSession } from '../plan/session';
import type { ChunkTask, PoolInit } from './pool';

/** A pool worker: opens its own session once (maps, adapters, parsers), then plans the chunks it is sent. */
const init = workerData as PoolInit;
let session: Promise<RewriteSession> | undefined;

parentPort?.on('message', async ({ id, task }: { id: number; task: ChunkTask }) => {
  try {
    session ??= openSession(init.cwd, init.mapFiles, init.files);
    const output = await planFiles(await session, task.mapIndex, task.files);
    parentPort?.postMessage({ id, output });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
