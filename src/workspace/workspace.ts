import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../languages/types';
import { discoverFiles } from './discover';
import { resolveInsideRoot } from './paths';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Thrown by `read` for a file that is not UTF-8 text: remodel never rewrites what it cannot decode losslessly. */
export class NotTextError extends Error {}

/**
 * A repository as the pipeline sees it: discovered once, each file read at most once, and an overlay of
 * texts that earlier maps of the same run already rewrote (so several maps compose on one file).
 */
export class DiskWorkspace implements Workspace {
  readonly files: readonly string[];
  private readonly fileSet: ReadonlySet<string>;
  private readonly texts = new Map<string, string>();
  private readonly overlay = new Map<string, string>();

  constructor(readonly cwd: string, files?: readonly string[]) {
    this.files = files ?? discoverFiles(cwd);
    this.fileSet = new Set(this.files);
  }

  has(path: string): boolean {
    return this.fileSet.has(path);
  }

  /** The file's text as it is on disk (UTF-8, BOM kept as U+FEFF). */
  readOriginal(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      // discovered files are regular files inside the root (discovery follows no links); anything else is checked
      const bytes = readFileSync(this.fileSet.has(path) ? join(this.cwd, path) : resolveInsideRoot(this.cwd, path));
      try {
        text = utf8.decode(bytes);
      } catch {
        throw new NotTextError(`${path}: not UTF-8 text`);
      }
      this.texts.set(path, text);
    }
    return text;
  }

  /** Records a file's disk text read elsewhere (a pool worker), so it is not read twice. */
  seedOriginal(path: string, text: string): void {
    this.texts.set(path, text);
  }

  /** The file's text including what earlier maps of this run changed. */
  read(path: string): string {
    return this.overlay.get(path) ?? this.readOriginal(path);
  }

  write(path: string, text: string): void {
    this.overlay.set(path, text);
  }

  changedFiles(): string[] {
    return [...this.overlay.keys()].filter((path) => this.overlay.get(path) !== this.texts.get(path)).sort();
  }
}
