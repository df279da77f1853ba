import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { importSkeleton, type SkeletonReply, type SkeletonRequest } from './import-skeleton';

const { replies, needles, answered } = workerData as { replies: MessagePort; needles: string[]; answered: SharedArrayBuffer };
const count = new Int32Array(answered);

// one file at a time, in the order sent: oxc parses, the reply carries only the two texts the rewrite reads; the count
// wakes a main thread that waits for it
parentPort!.on('message', ({ id, fileName, text }: SkeletonRequest) => {
  replies.postMessage({ id, skeleton: importSkeleton(fileName, text, needles) ?? null } satisfies SkeletonReply);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
});
