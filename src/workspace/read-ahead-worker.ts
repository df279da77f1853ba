import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { escapeRegExp } from '../core/regexp';
import type { ReadAheadJob, ReadAheadMessage } from './read-ahead';

const { cwd } = workerData as { cwd: string };
/** A hit's bytes travel to the main thread by transfer: this many files (fewer in the first message) or bytes make a message. */
const filesPerMessage = 64;
const filesInFirstMessage = 8;
const bytesPerMessage = 256 * 1024;

function run({ job, paths, strings }: ReadAheadJob): void {
  const pattern = new RegExp(strings.map(escapeRegExp).join('|') || '(?!)');
  let message: ReadAheadMessage = { job, upTo: 0, hits: [] };
  let bytes = 0;
  let sent = 0;
  const send = (upTo: number): void => {
    message.upTo = upTo;
    parentPort!.postMessage(message, message.hits.flatMap((hit) => (hit.bytes ? [hit.bytes.buffer as ArrayBuffer] : [])));
    message = { job, upTo, hits: [] };
    bytes = 0;
    sent++;
  };
  for (const [index, path] of paths.entries()) {
    let read: Buffer;
    try {
      read = readFileSync(join(cwd, path));
    } catch {
      // the main thread reads it again, and reports it as it always does
      message.hits.push({ index });
      continue;
    }
    // a UTF-16 file spells no gate string in these bytes: the main thread decodes it
    const utf16 = read.length >= 2 && ((read[0] === 0xff && read[1] === 0xfe) || (read[0] === 0xfe && read[1] === 0xff));
    if (!utf16 && !pattern.test(read.toString('latin1'))) continue;
    // a Buffer from readFileSync may share a pooled ArrayBuffer: a copy of its own can be transferred
    const own = new Uint8Array(read.length);
    own.set(read);
    message.hits.push({ index, bytes: own });
    bytes += own.length;
    if (message.hits.length >= (sent ? filesPerMessage : filesInFirstMessage) || bytes >= bytesPerMessage) send(index + 1);
  }
  send(paths.length);
}

// one scan at a time, as the main thread sends them
parentPort!.on('message', run);
