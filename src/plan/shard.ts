import { UsageError } from '../core/errors';

/** Shard `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `2/4` (1-based on the command line, as CI matrices count) -> `{ index: 1, count: 4 }`. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [position, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || position < 1 || position > count) throw new UsageError(`--shard takes i/n with 1 <= i <= n, like 2/4; not '${text}'`);
  return { index: position - 1, count };
}

/** FNV-1a of the path: stable across machines and runs, and a new file never reshuffles the others. */
export function inShard(path: string, shard: Shard): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shard.count === shard.index;
}
