import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { importSkeleton, type SkeletonReply, type SkeletonRequest } from './import-skeleton';

const { replies, needles } = workerData as { replies: MessagePort; needles: string[] };

// one file at a time, in the order sent: oxc parses, the reply carries only the two texts the rewrite reads
parentPort!.on('message', ({ id, fileName, text }: SkeletonRequest) => {
  replies.postMessage({ id, skeleton: importSkeleton(fileName, text, needles) ?? null } satisfies SkeletonReply);
});
