import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { requireWithNativeLoader } from '../core/compile-cache';
import { dirname, join, relative, isAbsolute } from 'node:path';

/** The part of prettier's API (2.x sync, 3.x async) remodel calls. */
interface Prettier {
  version: string;
  resolveConfig(file: string, options: { editorconfig: boolean }): Promise<Record<string, unknown> | null> | Record<string, unknown> | null;
  getFileInfo(file: string, options: { ignorePath: string[] }): Promise<{ ignored: boolean; inferredParser: string | null }> | { ignored: boolean; inferredParser: string | null };
  check(text: string, options: Record<string, unknown>): Promise<boolean> | boolean;
  format(text: string, options: Record<string, unknown>): Promise<string> | string;
}

/** What laying out one changed file with the project's prettier gave: the new text, or why it kept remodel's. */
export type PrettierOutcome = { kind: 'formatted'; text: string } | { kind: 'kept'; why?: string };

/**
 * The project's own prettier, as its `prettier --check` would run on a file: the installation the file's folder
 * resolves (never one outside the repository: remodel's own is not the project's), its config and `.editorconfig`,
 * `.gitignore` and `.prettierignore` at the root.
 */
export class ProjectPrettier {
  private readonly byFolder = new Map<string, Prettier | undefined>();

  constructor(private readonly root: string) {}

  /**
   * Lays out a changed file as the project's prettier would, when the file was prettier-clean before (a new file
   * counts as clean), so that its check still passes; otherwise, or where prettier has no parser for it or
   * ignores it, the text stays as remodel wrote it.
   */
  async format(path: string, before: string | null, after: string): Promise<PrettierOutcome> {
    const file = join(this.root, path);
    const prettier = this.prettierFor(dirname(file));
    if (!prettier) return { kind: 'kept' };
    try {
      const info = await prettier.getFileInfo(file, { ignorePath: ['.gitignore', '.prettierignore'].map((name) => join(this.root, name)) });
      if (info.ignored || !info.inferredParser) return { kind: 'kept' };
      const options = { ...((await prettier.resolveConfig(file, { editorconfig: true })) ?? {}), filepath: file };
      if (before !== null && !(await prettier.check(before, options))) return { kind: 'kept' };
      return { kind: 'formatted', text: await prettier.format(after, options) };
    } catch (error) {
      const message = ((error as Error).message ?? String(error)).split('\n')[0];
      return { kind: 'kept', why: `prettier ${prettier.version} could not lay out this file (${message}): left as rewritten` };
    }
  }

  /** Node's lookup (`node_modules/prettier` in the folder or an ancestor), up to the repository root only. */
  private prettierFor(folder: string): Prettier | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const inside = relative(this.root, folder);
    let prettier: Prettier | undefined;
    if (inside.startsWith('..') || isAbsolute(inside)) prettier = undefined;
    else if (existsSync(join(folder, 'node_modules', 'prettier', 'package.json'))) prettier = loadPrettier(join(folder, 'node_modules', 'prettier'));
    else prettier = folder === this.root ? undefined : this.prettierFor(dirname(folder));
    this.byFolder.set(folder, prettier);
    return prettier;
  }
}

function loadPrettier(installed: string): Prettier | undefined {
  try {
    return requireWithNativeLoader(createRequire(join(installed, 'package.json')).resolve(installed)) as Prettier;
  } catch {
    return undefined;
  }
}
