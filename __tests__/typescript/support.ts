import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';
import type { ImportMap } from '../../src/importmap/types';
import type { Workspace } from '../../src/core/types';
import type { Edit } from '../../src/core/types';

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

/** Every `<case>.input.<ext>` with a TS/JS extension next to its `<case>.output.<ext>` (read as bytes-preserving UTF-8). */
export function discoverCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const entry of fs.readdirSync(FIXTURES).sort()) {
    const match = /^(.+)\.input\.([a-z]+)$/.exec(entry);
    if (!match || !TS_EXTENSIONS.includes(match[2]!)) continue;
    const [, name, ext] = match as unknown as [string, string, string];
    const optionsFile = path.join(FIXTURES, `${name}.options.json`);
    const options = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as { path?: string }) : {};
    cases.push({
      name,
      ext,
      input: fs.readFileSync(path.join(FIXTURES, entry), 'utf8'),
      output: fs.readFileSync(path.join(FIXTURES, `${name}.output.${ext}`), 'utf8'),
      path: options.path ?? `src/consumer.${ext}`,
    });
  }
  return cases;
}

/** A copy of a folder in a fresh temporary directory. */
export function copyToTemp(source: string, prefix = 'remodel-ts-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
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

/** Applies non-overlapping edits last-first. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
