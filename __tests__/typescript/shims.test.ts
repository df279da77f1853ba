import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
// the project's own compiler (a devDependency): ts-morph's copy ships without the lib .d.ts files
import * as ts from 'typescript';
import { apply, plan } from '../../src';
import { ImportMapError } from '../../src/core/errors';
import { makeTempRepo } from '../support/tempRepo';
import { temporaryFolder } from '../support/temporary';

const WHOLE = path.join(__dirname, '..', '..', '__testfixtures__', 'insert-shims', 'ts-whole-module', 'input');

/** Plans and applies the repository's map.yaml in place. */
async function consolidate(dir: string) {
  const computed = await plan({ cwd: dir, maps: [path.join(dir, 'map.yaml')], jobs: 1 });
  apply(computed);
  return computed;
}

/** A language service over a project folder, with the lib files, as an editor opens it. */
function languageService(dir: string): ts.LanguageService {
  const configFile = path.join(dir, 'tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, dir);
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => (ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file)!) : undefined),
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => parsed.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host);
}

/** `line:text` of every deprecation suggestion (6385 / 6387) in a file. */
function deprecations(service: ts.LanguageService, file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return service
    .getSuggestionDiagnostics(file)
    .filter((d) => d.code === 6385 || d.code === 6387)
    .map((d) => `${text.slice(0, d.start).split('\n').length}:${text.slice(d.start!, d.start! + d.length!)}`);
}

function errors(service: ts.LanguageService, dir: string): string[] {
  const program = service.getProgram()!;
  return ts.getPreEmitDiagnostics(program).map((d) => `${path.relative(dir, d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('TypeScript shims in an editor', () => {
  const repo = makeTempRepo(WHOLE);
  afterAll(() => repo.dispose());

  it('shows @deprecated at every use through the shim, and through barrels that re-export it', async () => {
    await consolidate(repo.dir);
    // code remodel does not rewrite (another package): it imports the old path, directly and through barrels
    repo.write('src/other/direct.ts', [
      "import Ledger, { Booking, BookingStatus, type BookingDto, type BookingId, makeBooking, MAX_GUESTS, LegacyGuest } from '../legacy/booking';",
      'export const b: Booking = new Booking("1");',
      'export const s: BookingStatus = BookingStatus.Pending;',
      'export const d: BookingDto = { id: "x" };',
      'export const i: BookingId = "y";',
      'export const m = makeBooking("2");',
      'export const n = MAX_GUESTS;',
      'export const g = new LegacyGuest();',
      'export const l = new Ledger();',
      '',
    ].join('\n'));
    repo.write('src/other/barrel.ts', "export * from '../legacy/booking';\nexport { default as Ledger } from '../legacy/booking';\n");
    repo.write('src/other/barrel2.ts', "export { Booking as Reservation, BookingStatus } from './barrel';\n");
    repo.write('src/other/via-barrel.ts', [
      "import { Booking, Ledger, type BookingDto } from './barrel';",
      "import { Reservation, BookingStatus } from './barrel2';",
      'export const b = new Booking("1");',
      'export const l = new Ledger();',
      'export const d: BookingDto = { id: "x" };',
      'export const r = new Reservation("2");',
      'export const s = BookingStatus.Confirmed;',
      '',
    ].join('\n'));
    const service = languageService(repo.dir);
    expect(errors(service, repo.dir)).toEqual([]);
    const direct = deprecations(service, path.join(repo.dir, 'src/other/direct.ts'));
    // every name on the import line; then each use as a value (the compiler checks an alias's @deprecated in
    // expressions only: `d: BookingDto` is not struck through, its import is)
    for (const use of ['1:Booking', '1:BookingStatus', '1:type BookingDto', '1:type BookingId', '1:makeBooking', '1:MAX_GUESTS', '1:LegacyGuest']) expect(direct).toContain(use);
    for (const use of ['2:Booking', '3:BookingStatus', '6:makeBooking', '7:MAX_GUESTS', '8:LegacyGuest', '9:Ledger']) expect(direct).toContain(use);
    const viaBarrel = deprecations(service, path.join(repo.dir, 'src/other/via-barrel.ts'));
    for (const use of ['1:Booking', '1:Ledger', '1:type BookingDto', '2:Reservation', '2:BookingStatus', '3:Booking', '4:Ledger', '6:Reservation', '7:BookingStatus']) expect(viaBarrel).toContain(use);
    // the canonical module itself is not deprecated
    expect(deprecations(service, path.join(repo.dir, 'src/app/use.ts'))).toEqual([]);
  });

  it('warns once per process at run time, and not at all where there is no process', () => {
    const out = path.join(repo.dir, 'cjs');
    for (const file of ['src/legacy/booking.ts', 'src/db/booking.ts']) {
      const js = ts.transpileModule(fs.readFileSync(path.join(repo.dir, file), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
      fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), js);
    }
    const shim = path.join(out, 'src/legacy/booking.js');
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    const emitWarning = process.emitWarning;
    process.emitWarning = ((message: string, type: string) => listener(Object.assign(new Error(message), { name: type }))) as typeof process.emitWarning;
    try {
      const first = require(shim);
      delete require.cache[require.resolve(shim)];
      const second = require(shim);
      const canonical = require(path.join(out, 'src/db/booking.js'));
      expect(first.Booking).toBe(canonical.Booking); // the same class, not a copy
      expect(second.LegacyGuest).toBe(canonical.Guest);
      expect(first.default).toBe(canonical.Ledger);
    } finally {
      process.emitWarning = emitWarning;
    }
    expect(warnings).toEqual(['DeprecationWarning: src/legacy/booking is deprecated: import from src/db/booking']);

    // a browser bundle: no `process` at all
    const sandbox: Record<string, unknown> = { exports: {}, require: (id: string) => require(path.resolve(path.dirname(shim), id)) };
    sandbox.globalThis = sandbox;
    expect(() => vm.runInNewContext(fs.readFileSync(shim, 'utf8'), sandbox)).not.toThrow();
  });
});

describe('TypeScript shims: bad input', () => {
  const base = (files: Record<string, string>, map: string) => {
    const repo = makeTempRepo();
    repo.write('tsconfig.json', '{ "compilerOptions": { "strict": true, "module": "ESNext", "moduleResolution": "Bundler" } }\n');
    for (const [file, text] of Object.entries(files)) repo.write(file, text);
    repo.write('map.yaml', map);
    return repo;
  };

  it('writes a JavaScript shim Node loads as an ES module with the extension Node needs', () => {
    const output = path.join(__dirname, '..', '..', '__testfixtures__', 'insert-shims', 'ts-javascript-esm', 'output');
    const probe = `import(${JSON.stringify(path.join(output, 'isObject.js'))}).then((m) => console.log(typeof m.default, m.default({})))`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }).trim()).toBe('function true');
  });

  it('writes a CommonJS shim whose old path gives the very object the new one does', () => {
    const output = path.join(__dirname, '..', '..', '__testfixtures__', 'insert-shims', 'ts-commonjs', 'output');
    const probe = `const old = require(${JSON.stringify(path.join(output, 'src', 'matchNode.js'))}); const canonical = require(${JSON.stringify(path.join(output, 'src', 'match', 'matchNode.js'))}); console.log(old === canonical, old({ a: 1 }, { a: 1 }))`;
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('true true');
    expect(run.stderr).toMatch(/DeprecationWarning: src\/matchNode is deprecated/);
  });

  it('refuses a shim for a module the map does not move, naming the entry', async () => {
    const repo = base({ 'src/a.ts': 'export class A {}\n', 'src/b.ts': 'export class A {}\n', 'src/c.ts': 'export const C = 1;\n' }, 'version: 1\nlanguage: typescript\nrewrite:\n  - from: src/a\n    to: src/b\nshims:\n  - module: src/a\n  - module: src/c\n');
    try {
      await expect(plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(ImportMapError);
      await expect(plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(/map\.yaml:8: shims\[1\]\.module: 'src\/c' is not moved by any rewrite entry/);
    } finally {
      repo.dispose();
    }
  });

  it('names the file to shim when the old module is a workspace package named by its specifier', async () => {
    const repo = base(
      {
        'packages/utils/package.json': '{ "name": "@acme/utils", "main": "./src/index.ts" }\n',
        'packages/utils/src/index.ts': 'export const isString = (x: unknown): boolean => typeof x === "string";\n',
        'packages/core/package.json': '{ "name": "@acme/core", "main": "./src/index.ts" }\n',
        'packages/core/src/index.ts': 'export const isString = (x: unknown): boolean => typeof x === "string";\n',
      },
      "version: 1\nlanguage: typescript\nrewrite:\n  - { from: '@acme/utils', to: '@acme/core' }\nshims:\n  - module: '@acme/utils'\n",
    );
    fs.mkdirSync(path.join(repo.dir, 'node_modules', '@acme'), { recursive: true });
    fs.symlinkSync('../../packages/utils', path.join(repo.dir, 'node_modules', '@acme', 'utils'));
    fs.symlinkSync('../../packages/core', path.join(repo.dir, 'node_modules', '@acme', 'core'));
    try {
      await expect(plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(
        "map.yaml:6: shims[0].module: '@acme/utils' is a package specifier and a shim is a file: name the module by its file, packages/utils/src/index, in rewrite and shims",
      );
    } finally {
      repo.dispose();
    }
  });

  it('lists for review, and leaves alone, an old module whose exports the checker cannot see', async () => {
    const repo = base({ 'src/a.ts': "export * from '@nowhere/impl';\n", 'src/b.ts': 'export class A {}\n' }, 'version: 1\nlanguage: typescript\nrewrite:\n  - from: src/a\n    to: src/b\nshims:\n  - module: src/a\n');
    try {
      const result = await plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(result.changes).toEqual([]);
      expect(result.needsReview.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([
        "src/a.ts:1: the checker finds no exports in src/a (an 'export *' it cannot resolve?): write its shim by hand",
      ]);
    } finally {
      repo.dispose();
    }
  });

  it.each([
    ['a name-level entry whose canonical module re-exports the old definition', "export { applyEdits as applyTextEdits } from './edits';\n", '  - from: src/edits\n    to: src/text\n    names: [applyEdits]\n    rename: { applyEdits: applyTextEdits }\n', /shims\[0\]\.module: src\/text gets applyTextEdits from src\/edits itself: a shim would delete what it imports and import itself/],
    ['a whole-module entry whose canonical module star-exports the old one', "export * from './edits';\n", '  - from: src/edits\n    to: src/text\n', /shims\[0\]\.module: src\/text gets applyEdits, lineAt from src\/edits itself/],
    ['a whole-module entry whose canonical module imports and exports the old definitions', "import { applyEdits, lineAt } from './edits';\nexport { applyEdits, lineAt };\n", '  - from: src/edits\n    to: src/text\n', /shims\[0\]\.module: src\/text gets applyEdits, lineAt from src\/edits itself/],
  ])('refuses %s (the shim would import itself)', async (_, facade, entry, message) => {
    const repo = base(
      { 'src/edits.ts': 'export function applyEdits(t: string): string {\n  return t;\n}\n\nexport function lineAt(): number {\n  return 1;\n}\n', 'src/text.ts': facade, 'src/main.ts': "import { applyEdits, lineAt } from './edits';\n\nconsole.log(applyEdits('a'), lineAt());\n" },
      `version: 1\nlanguage: typescript\nrewrite:\n${entry}shims:\n  - module: src/edits\n`,
    );
    try {
      await expect(plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(message);
    } finally {
      repo.dispose();
    }
  });

  it('refuses a shim that would drop exports the canonical module lacks, or change their kind', async () => {
    const repo = base(
      { 'src/a.ts': 'export class A {}\nexport const extra = 1;\nexport class K {}\n', 'src/b.ts': 'export class A {}\nexport interface K { k: 1 }\n' },
      'version: 1\nlanguage: typescript\nrewrite:\n  - from: src/a\n    to: src/b\nshims:\n  - module: src/a\n',
    );
    try {
      await expect(plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(
        /shims\[0\]\.module: src\/a exports extra, which src\/b lacks: a shim would drop it .*; K \(a value here, only a type in src\/b\)/,
      );
      expect(fs.readFileSync(path.join(repo.dir, 'src/a.ts'), 'utf8')).toBe('export class A {}\nexport const extra = 1;\nexport class K {}\n');
    } finally {
      repo.dispose();
    }
  });
});

describe('a TypeScript shim keeps every meaning of what it serves (ts-enum-namespace-live)', () => {
  const output = path.join(__dirname, '..', '..', '__testfixtures__', 'insert-shims', 'ts-enum-namespace-live', 'output');

  it('serves the live binding of a `let`, not a copy taken when the shim loaded', () => {
    const out = temporaryFolder('remodel-live-');
    try {
      for (const file of ['src/models/status.ts', 'src/legacy/status.ts', 'src/generated/client.ts']) {
        const js = ts.transpileModule(fs.readFileSync(path.join(output, file), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
        fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), js);
      }
      const client = require(path.join(out, 'src/generated/client.js'));
      expect(client.twice()).toBe(2);
      expect(client.open).toBe('open');
      expect(require(path.join(out, 'src/legacy/status.js')).Status).toBe(require(path.join(out, 'src/models/status.js')).Status);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
