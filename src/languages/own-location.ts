import { posix } from 'node:path';
import type { FileMove, NeedsReview } from '../core/types';

/**
 * A moved file that reads its own location (`__file__`, `__dirname`, `import.meta.url`) at `line`: what it computes
 * from there (a sibling file, `..`) starts from the new folder. Listed, never rewritten: the intent is the code's.
 * Nothing when the file stays in its folder.
 */
export function ownLocationReview(move: FileMove, line: number, read: string): NeedsReview | undefined {
  const from = posix.dirname(move.from);
  const to = posix.dirname(move.to);
  if (from === to) return undefined;
  return { file: move.to, line, reason: `${read} reads where this file is, and it moves from ${from} to ${to}: a path computed from it (a sibling, '..') now starts there; check it` };
}
