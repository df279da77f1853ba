import type { PoolTaskModule } from '../workspace/pool';
import { openSession, planFiles, type ChunkOutput, type ChunkTask, type RewriteSession, type SessionInit } from './session';

/** The module a pool worker loads by path (`workspace/worker.ts`): opens a session, then plans the chunks it is sent. */
const task: PoolTaskModule<SessionInit, RewriteSession, ChunkTask, ChunkOutput> = {
  open: (init) => openSession(init.cwd, init.mapFiles, init.files),
  run: (session, chunk) => planFiles(session, chunk.mapIndex, chunk.files),
};

export const { open, run } = task;
