import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NeedsReview, Note } from '../../src';

/**
 * The one way the suites find fixtures (next-codemod's `readdirSync` discovery: a new case is just files):
 * pairs `<transform>/<case>.input.<ext>` + `<case>.output.<ext>` [+ `<case>.options.json`], and folders
 * `<transform>/<case>/input/` (+ `output/` or other expectations).
 */
export const fixturesRoot = join(__dirname, '..', '..', '__testfixtures__');

/** What a pair's `<case>.options.json` may say. */
export interface PairOptions {
  /** where the input file sits in the support repository */
  path?: string;
  /** every needs-review item the case reports, exactly: `<line>: <reason>` */
  needsReview?: string[];
  /** every note the case reports, exactly: `<line>: <message>` */
  notes?: string[];
}

export interface FixturePair {
  name: string;
  ext: string;
  input: string;
  output: string;
  options: PairOptions;
  optionsFile: string;
}

export function fixturePairs(transform: string, extensions?: readonly string[]): FixturePair[] {
  const dir = join(fixturesRoot, transform);
  const pairs: FixturePair[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const match = /^(.+)\.input\.(\w+)$/.exec(entry);
    if (!match || (extensions && !extensions.includes(match[2]!))) continue;
    const [, name, ext] = match as unknown as [string, string, string];
    const optionsFile = join(dir, `${name}.options.json`);
    pairs.push({
      name,
      ext,
      input: readFileSync(join(dir, entry), 'utf8'),
      output: readFileSync(join(dir, `${name}.output.${ext}`), 'utf8'),
      options: existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as PairOptions) : {},
      optionsFile,
    });
  }
  return pairs;
}

/** The case folders of a transform: those with an `input/` folder. */
export function fixtureFolders(transform: string): Array<{ name: string; dir: string }> {
  const root = join(fixturesRoot, transform);
  return readdirSync(root)
    .sort()
    .filter((name) => existsSync(join(root, name, 'input')))
    .map((name) => ({ name, dir: join(root, name) }));
}

/** Findings of one file as a case states them: `<line>: <text>`, in line order. */
export function findingsOf(items: ReadonlyArray<NeedsReview | Note>, file: string): string[] {
  return items
    .filter((item) => item.file === file)
    .sort((a, b) => a.line - b.line)
    .map((item) => `${item.line}: ${'reason' in item ? item.reason : item.message}`);
}

/** UPDATE_FIXTURES=1 rewrites expectations from what the code does now (then review the diff). */
export const updatingFixtures = process.env.UPDATE_FIXTURES === '1';

export function writeOptions(pair: FixturePair, options: PairOptions): void {
  const kept = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  if (Object.keys(kept).length) writeFileSync(pair.optionsFile, `${JSON.stringify(kept, null, 2)}\n`);
}
