import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ownModuleFile } from '../core/own-modules';

/**
 * What a scan must see of its files: every file whose text contains one of `strings`, and every file under one of
 * `folders` (the prefilter drops the rest without a look). Only ASCII strings can be tested on a file's bytes whatever
 * its encoding.
 */
export interface ScanGate {
  strings: readonly string[];
  folders?: readonly string[];
}

/** A scan the read-ahead worker is sent. */
export interface ReadAheadJob {
  job: number;
  paths: readonly string[];
  strings: readonly string[];
}

/**
 * The worker's reply: every path before `upTo` has been read; `hits` are those the scan must see, with their bytes
 * (none when the worker could not read the file: the main thread reads it itself).
 */
export interface ReadAheadMessage {
  /** the job it answers: a scan given up midway (an error) leaves messages the next one ignores */
  job: number;
  upTo: number;
  hits: Array<{ index: number; bytes?: Uint8Array }>;
}

/** The worker failed: the scan goes on without it. */
class ReadAheadFailed extends Error {}

/** Below this many files a worker's start-up (~30 ms on its own core) buys nothing (an adapter's helper thread's neither). */
export const minimumFiles = 1000;
/** Without a worker: how many paths between two turns of the event loop (when pool workers' replies come in). */
const pathsPerTurn = 256;

const workerFile = ownModuleFile('workspace/read-ahead-worker.js');

/**
 * A worker thread that reads a scan's files while this thread plans what the scan found: reading every file of the tree
 * (open, read, close) is the floor of a plan, and on two cores it need not wait for the parses. Started as soon as the
 * files are known, so that its start-up overlaps the maps' preparation; it hands back only the files whose bytes
 * contain a string of the scan's gate, the only ones the prefilter can keep.
 */
export class ReadAheadWorker {
  private readonly worker: Worker;
  private readonly arrived: ReadAheadMessage[] = [];
  private failure: Error | undefined;
  private exited = false;
  private wake: (() => void) | undefined;
  private jobs = 0;

  /** None for a small tree, or where the worker's compiled module does not exist (sources run by ts-jest). */
  static start(cwd: string, files: number): ReadAheadWorker | undefined {
    return files >= minimumFiles && existsSync(workerFile) ? new ReadAheadWorker(cwd) : undefined;
  }

  private constructor(cwd: string) {
    this.worker = new Worker(workerFile, { workerData: { cwd } });
    // it keeps the process alive only while a scan waits for it
    this.worker.unref();
    this.worker.on('message', (message: ReadAheadMessage) => {
      this.arrived.push(message);
      this.woken();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.woken();
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.woken();
    });
  }

  /** The worker's answers for `paths`, as they arrive; `idle` is called while none has (see `readAhead`). */
  async *read(paths: readonly string[], strings: readonly string[], idle: () => Promise<boolean>): AsyncGenerator<ReadAheadMessage> {
    const job = ++this.jobs;
    this.worker.postMessage({ job, paths, strings } satisfies ReadAheadJob);
    this.worker.ref();
    try {
      for (let upTo = 0; upTo < paths.length; ) {
        const message = this.arrived.shift();
        if (message?.job === job) {
          upTo = message.upTo;
          yield message;
        } else if (!message) {
          if (this.failure) throw new ReadAheadFailed(this.failure.message);
          if (this.exited) throw new ReadAheadFailed('the read-ahead worker stopped before the end of the scan');
          // messages come in between turns of the event loop: one after each chunk planned meanwhile
          if (await idle()) await new Promise((tick) => setImmediate(tick));
          else await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } finally {
      this.worker.unref();
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private woken(): void {
    this.wake?.();
    this.wake = undefined;
  }
}

/** What the scan reads through: a workspace that takes bytes read elsewhere. */
export interface ReadAheadTarget {
  /** bytes of a path the worker read: the next read of it decodes them */
  preload(path: string, bytes: Buffer): void;
  /** a path whose text this thread has already (read for the maps' preparation, or changed by an earlier step) */
  holds(path: string): boolean;
}

/**
 * The paths of a scan in their order, in batches, leaving out files that the read-ahead worker found to contain no
 * gate string (and that are not under a gate folder). A hit's bytes go to the workspace, whose next read of that path
 * decodes them; paths whose text the workspace holds already are not read again, and are all in a batch. While no
 * batch has arrived, `idle` is called to do other work (plan a chunk found already); it says whether it did any.
 * Without a worker, a gate (or one that is not ASCII) or enough files to read, every path is in a batch; so is every
 * path the worker had not answered when it failed.
 */
export async function* readAhead(reader: ReadAheadWorker | undefined, paths: readonly string[], gate: ScanGate | undefined, workspace: ReadAheadTarget, idle: () => Promise<boolean>): AsyncGenerator<string[]> {
  const toRead = reader && gate?.strings.every(isAscii) ? paths.filter((path) => !workspace.holds(path)) : [];
  let next = 0;
  if (reader && gate && toRead.length >= minimumFiles) {
    const folders = (gate.folders ?? []).map((folder) => `${folder.replace(/\/+$/, '')}/`);
    const hits = new Set<string>();
    try {
      for await (const message of reader.read(toRead, gate.strings, idle)) {
        for (const { index, bytes } of message.hits) {
          hits.add(toRead[index]!);
          if (bytes) workspace.preload(toRead[index]!, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        }
        const batch: string[] = [];
        // up to the first path the worker has not answered yet (the last message answers them all)
        const limit = message.upTo < toRead.length ? paths.indexOf(toRead[message.upTo]!, next) : paths.length;
        for (; next < limit; next++) {
          const path = paths[next]!;
          if (hits.has(path) || workspace.holds(path) || folders.some((folder) => path.startsWith(folder))) batch.push(path);
        }
        if (batch.length) yield batch;
      }
      return;
    } catch (error) {
      // a worker that failed (it could not start, it ran out of memory): this thread reads what it had not answered
      if (!(error instanceof ReadAheadFailed)) throw error;
    }
  }
  for (let from = next; from < paths.length; from += pathsPerTurn) {
    if (from > next) await new Promise((tick) => setImmediate(tick));
    yield paths.slice(from, from + pathsPerTurn);
  }
}

/** Every character one byte in UTF-8. */
const isAscii = (text: string): boolean => Buffer.byteLength(text) === text.length;
