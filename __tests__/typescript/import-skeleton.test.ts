import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { typescriptAdapter, type TypeScriptPreparedMap } from '../../src/languages/typescript';
import { importSkeleton } from '../../src/languages/typescript/import-skeleton';
import { planFromImportSkeleton, planTypeScriptRewrite } from '../../src/languages/typescript/rewrite';
import { isComponentFile } from '../../src/languages/typescript/components';
import { copyToTemp, discoverCases, loadMap, SUPPORT_REPO, workspaceOf } from './support';
import { temporaryFolder } from '../support/temporary';

const FIXTURES = path.join(__dirname, '..', '..', '__testfixtures__');
const SCRIPT = /\.[cm]?[jt]sx?$/;

/** Every fixture tree with a TypeScript map at its top: its input side. */
function typescriptMapTrees(): string[] {
  const trees: string[] = [];
  for (const transform of fs.readdirSync(FIXTURES)) {
    for (const fixture of fs.readdirSync(path.join(FIXTURES, transform))) {
      const map = path.join(FIXTURES, transform, fixture, 'input', 'map.yaml');
      if (fs.existsSync(map) && /^language:\s*typescript\b/m.test(fs.readFileSync(map, 'utf8'))) trees.push(path.dirname(map));
    }
  }
  return trees;
}

interface Tally {
  skeleton: number;
  whole: number;
}

/** Plans `file` both ways; whenever the skeleton gives a plan, it must be the whole parse's plan, to the byte. */
function compareBothWays(file: { path: string; text: string }, prepared: TypeScriptPreparedMap, tally: Tally): void {
  if (isComponentFile(file.path)) return;
  const skeleton = importSkeleton(file.path, file.text, prepared.needles);
  const fromSkeleton = skeleton && planFromImportSkeleton(file, prepared, skeleton);
  if (!fromSkeleton) {
    tally.whole++;
    return;
  }
  tally.skeleton++;
  expect({ file: file.path, plan: fromSkeleton }).toEqual({ file: file.path, plan: planTypeScriptRewrite(file, prepared) });
}

describe('import skeleton: the file as its import and export-from statements, every offset kept', () => {
  it('keeps those statements and every comment, blanks the rest but its line breaks', () => {
    const text = "#!/usr/bin/env node\n'use strict';\nimport { A } from './a'; // a\r\nconst é = `${A}😀`;\u2028/** doc */\nexport { B } from \"./b\";\nexport const C = 1;\n";
    const skeleton = importSkeleton('src/x.ts', text)!;
    expect(skeleton.imports.length).toBe(text.length);
    expect(skeleton.rest.length).toBe(text.length);
    expect(skeleton.imports.trimEnd().split(/\r\n|[\n\u2028]/).map((line) => line.trim())).toEqual(['', '', "import { A } from './a'; // a", '', '/** doc */', 'export { B } from "./b";']);
    expect(skeleton.imports.match(/\r\n|[\r\n\u2028\u2029]/g)).toEqual(text.match(/\r\n|[\r\n\u2028\u2029]/g));
    expect(skeleton.rest).toContain('const é = `${A}😀`;');
    expect(skeleton.rest).toContain('export const C = 1;');
    expect(skeleton.rest).not.toContain('import');
    expect(skeleton.rest).toContain('// a');
  });

  it('keeps a side-effect import, export * and a BOM offset; not the imports of an ambient module', () => {
    const text = "\uFEFFimport './polyfill';\nexport * as ns from './ns';\ndeclare module 'm' { import { A } from './y'; }\n";
    const skeleton = importSkeleton('src/x.ts', text)!;
    expect(skeleton.imports).toBe(` import './polyfill';\nexport * as ns from './ns';\n${' '.repeat(47)}\n`);
  });

  it('keeps the other top-level statements that name a needle, whole', () => {
    const text = "import { A } from './models/booking';\n\njest.mock('./models/booking', () => ({ A: 1 }));\nconst other = 1;\nexport async function load() {\n  return import('./models/booking');\n}\n";
    const skeleton = importSkeleton('src/x.test.ts', text, ['booking'])!;
    expect(skeleton.imports).toBe(text.replace('const other = 1;', ' '.repeat(16)));
    expect(skeleton.rest.trim()).toBe('const other = 1;');
    expect(importSkeleton('src/x.test.ts', text)!.rest).toContain("jest.mock('./models/booking'");
  });

  it('lets go of what oxc keeps of each parse (its syntax tree as JSON, until read: 400 MB over 3,500 files)', () => {
    const text = Array.from({ length: 60 }, (_, i) => `import { A${i} } from './a${i}';\nexport const v${i} = { a: [A${i}, ${i}], b: (x: number) => x * ${i} };\n`).join('');
    importSkeleton('src/x.ts', text);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 1500; i++) importSkeleton('src/x.ts', text);
    expect((process.memoryUsage().rss - before) / 1048576).toBeLessThan(60);
  });

  it('gives none for a file with a syntax error anywhere (the compiler then reports it)', () => {
    expect(importSkeleton('src/x.ts', "import { A } from './a';\nconst = ;\n")).toBeUndefined();
    expect(importSkeleton('src/x.tsx', "import { A } from './a';\nexport const X = () => <div>{A}</div>;\n")).toBeDefined();
    expect(importSkeleton('src/x.js', "import { A } from './a';\nexport const X = () => <div>{A}</div>;\n")).toBeDefined();
  });
});

describe('a plan from the import skeleton is the whole parse plan', () => {
  it('on every rewrite-imports fixture (TypeScript and JavaScript)', async () => {
    const repo = copyToTemp(SUPPORT_REPO);
    const tally: Tally = { skeleton: 0, whole: 0 };
    try {
      for (const fixture of discoverCases()) {
        fs.mkdirSync(path.dirname(path.join(repo, fixture.path)), { recursive: true });
        fs.writeFileSync(path.join(repo, fixture.path), fixture.input);
        const prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
        compareBothWays({ path: fixture.path, text: fixture.input }, prepared, tally);
        fs.rmSync(path.join(repo, fixture.path));
      }
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
    // both ways are taken: a test that never plans from a skeleton could not fail
    expect(tally.skeleton).toBeGreaterThan(10);
    expect(tally.whole).toBeGreaterThan(20);
  });

  it('on every file of the fixture trees with a TypeScript map', async () => {
    const tally: Tally = { skeleton: 0, whole: 0 };
    for (const tree of typescriptMapTrees()) {
      const workspace = workspaceOf(tree);
      const prepared = await typescriptAdapter.prepare(loadMap(path.join(tree, 'map.yaml')), workspace);
      prepared.checkTargets();
      for (const file of workspace.files.filter((name) => SCRIPT.test(name))) compareBothWays({ path: file, text: workspace.read(file) }, prepared, tally);
    }
    expect(tally.skeleton).toBeGreaterThan(20);
  });

  it('on the files of a generated tree', async () => {
    const folder = temporaryFolder('remodel-skeleton-');
    const tree = path.join(folder, 'tree');
    try {
      // the benchmark's generator: imports by alias, relative and .js paths, renames, jest.mock, import(), re-exports
      execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'bench', 'generate.js'), 'ts', '3000', tree, '--seed', '3'], { stdio: 'ignore' });
      const workspace = workspaceOf(tree);
      const prepared = await typescriptAdapter.prepare(loadMap(path.join(tree, 'map.yaml')), workspace);
      prepared.checkTargets();
      const tally: Tally = { skeleton: 0, whole: 0 };
      for (const file of workspace.files.filter((name) => SCRIPT.test(name))) {
        const text = workspace.read(file);
        if (prepared.mayNeedEdit!(file, text)) compareBothWays({ path: file, text }, prepared, tally);
      }
      expect(tally.skeleton).toBeGreaterThan(40);
      expect(tally.whole).toBeGreaterThan(10);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a file the skeleton cannot plan', () => {
  it('is parsed whole: a syntax error past the imports is reported, the file left as it is', async () => {
    const repo = copyToTemp(SUPPORT_REPO);
    try {
      const prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
      const text = "import { Booking } from './models/booking';\n\nexport const = new Booking();\n";
      expect(importSkeleton('src/consumer.ts', text)).toBeUndefined();
      expect(planTypeScriptRewrite({ path: 'src/consumer.ts', text }, prepared)).toMatchObject({ kind: 'failed', line: 3 });
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
