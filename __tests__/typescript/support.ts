import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturePairs } from '../support/fixtures';
import { loadImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';
import type { ImportMap } from '../../src/importmap/types';
import type { Workspace } from '../../src/core/types';
import { temporaryFolder } from '../support/temporary';

export const FIXTURES = path.join(__dirname, '..', '..', '__testfixtures__', 'rewrite-imports');
export const SUPPORT_REPO = path.join(FIXTURES, '_repo.typescript');
const TS_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

export interface FixtureCase {
  name: string;
  ext: string;
  input: string;
  output: string;
  /** where the file sits in the support repository */
  path: string;
}

/** Every TS/JS fixture pair of rewrite-imports, placed where its options say. */
export function discoverCases(): FixtureCase[] {
  return fixturePairs('rewrite-imports', TS_EXTENSIONS).map(({ name, ext, input, output, options }) => ({ name, ext, input, output, path: options.path ?? `src/consumer.${ext}` }));
}

/** A copy of a folder in a fresh temporary directory. */
export function copyToTemp(source: string, prefix = 'remodel-ts-'): string {
  const dir = temporaryFolder(prefix);
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** A Workspace over a directory on disk (what the pipeline builds with discovery). */
export function workspaceOf(cwd: string): Workspace {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(cwd, full).split(path.sep).join('/'));
    }
  };
  walk(cwd);
  files.sort();
  const set = new Set(files);
  const has = (file: string): boolean => set.has(file);
  // built apart from the return so that a Workspace with fewer members (an older contract) still accepts it
  const workspace = { cwd, files, has, exists: has, movedTo: (): string | undefined => undefined, read: (file: string) => fs.readFileSync(path.join(cwd, file), 'utf8') };
  return workspace;
}

export function loadMap(file: string, displayName?: string): ImportMap {
  return resolveImportMap(loadImportMap(file, displayName));
}

export { applyEdits } from '../../src';

/** Every folder of the fixtures that is a TypeScript tree (a tsconfig at its top), inputs and outputs. */
export function typescriptTrees(): string[] {
  const fixtures = path.join(__dirname, '..', '..', '__testfixtures__');
  const trees = [SUPPORT_REPO];
  for (const transform of fs.readdirSync(fixtures)) {
    for (const fixture of fs.readdirSync(path.join(fixtures, transform))) {
      for (const side of ['input', 'output']) {
        const tree = path.join(fixtures, transform, fixture, side);
        if (fs.existsSync(path.join(tree, 'tsconfig.json'))) trees.push(tree);
      }
    }
  }
  return trees;
}
