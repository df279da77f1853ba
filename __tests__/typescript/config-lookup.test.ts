import * as path from 'node:path';
import { UsageError } from '../../src/core/errors';
import { parseImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';
import { typescriptAdapter } from '../../src/languages/typescript';
import { ConfigLookup } from '../../src/languages/typescript/config-lookup';
import { configFileSystemOf } from '../../src/languages/typescript/config-files';
import { ResolverSet } from '../../src/languages/typescript/resolve';
import { makeTempRepo } from '../support/tempRepo';
import { workspaceOf } from './support';

type Repo = ReturnType<typeof makeTempRepo>;
let repo: Repo;
beforeEach(() => {
  repo = makeTempRepo();
});
afterEach(() => repo.dispose());

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Repository-relative name of the config that governs a repository-relative file ('(defaults)' when none). */
function governing(lookup: ConfigLookup, file: string): string {
  const { configFile } = lookup.configFor(path.join(repo.dir, file));
  return configFile ? path.relative(repo.dir, configFile).split(path.sep).join('/') : '(defaults)';
}

/** An Nx workspace: no root tsconfig.json, paths in tsconfig.base.json, solution-style project configs. */
function writeNxWorkspace(): void {
  repo.write('tsconfig.base.json', json({ compilerOptions: { baseUrl: '.', paths: { '@acme/common/*': ['libs/common/src/lib/*'] } }, exclude: ['node_modules', 'tmp'] }));
  repo.write('apps/api/tsconfig.json', json({ files: [], include: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.spec.json' }] }));
  repo.write('apps/api/tsconfig.app.json', json({ extends: '../../tsconfig.base.json', include: ['src/**/*.ts'], exclude: ['jest.config.ts', 'src/**/*.spec.ts'] }));
  repo.write('apps/api/tsconfig.spec.json', json({ extends: '../../tsconfig.base.json', compilerOptions: { module: 'commonjs' }, include: ['jest.config.ts', 'src/**/*.spec.ts'] }));
  repo.write('libs/common/tsconfig.json', json({ extends: '../../tsconfig.base.json', compilerOptions: { strict: true }, files: [], include: [], references: [{ path: './tsconfig.lib.json' }] }));
  repo.write('libs/common/tsconfig.lib.json', json({ extends: './tsconfig.json', include: ['src/**/*.ts'] }));
}

describe('ConfigLookup', () => {
  it('finds the project config of each file in an Nx workspace, through solution-style references', () => {
    writeNxWorkspace();
    const lookup = new ConfigLookup(repo.dir);
    expect(governing(lookup, 'apps/api/src/main.ts')).toBe('apps/api/tsconfig.app.json');
    expect(governing(lookup, 'apps/api/src/app/deep/service.ts')).toBe('apps/api/tsconfig.app.json');
    // excluded from the app config, included by the spec config
    expect(governing(lookup, 'apps/api/src/app/service.spec.ts')).toBe('apps/api/tsconfig.spec.json');
    expect(governing(lookup, 'apps/api/jest.config.ts')).toBe('apps/api/tsconfig.spec.json');
    // a referenced config wins over the referrer even when the referrer has options of its own
    expect(governing(lookup, 'libs/common/src/lib/format.ts')).toBe('libs/common/tsconfig.lib.json');
    // in no project: the base config takes in everything below it that it does not exclude
    expect(governing(lookup, 'apps/api/webpack.config.ts')).toBe('tsconfig.base.json');
    expect(governing(lookup, 'tools/seed.ts')).toBe('tsconfig.base.json');
  });

  it('falls back to the nearest config with compiler options when none includes the file', () => {
    writeNxWorkspace();
    const lookup = new ConfigLookup(repo.dir);
    // tsconfig.base.json excludes tmp/: nothing includes the file, the base still governs it
    expect(governing(lookup, 'tmp/scratch.ts')).toBe('tsconfig.base.json');
    expect(lookup.configFor(path.join(repo.dir, 'tmp/scratch.ts')).options.paths).toEqual({ '@acme/common/*': ['libs/common/src/lib/*'] });
  });

  it('gives each config its own compiler options, with `extends` followed', () => {
    writeNxWorkspace();
    const lookup = new ConfigLookup(repo.dir);
    const app = lookup.configFor(path.join(repo.dir, 'apps/api/src/main.ts')).options;
    const spec = lookup.configFor(path.join(repo.dir, 'apps/api/src/main.spec.ts')).options;
    expect(app.paths).toEqual({ '@acme/common/*': ['libs/common/src/lib/*'] });
    expect(app.baseUrl).toBe(repo.dir.split(path.sep).join('/'));
    expect(spec.module).toBe(1 /* CommonJS */);
    expect(app.module).toBeUndefined();
  });

  it('honours include, exclude and files, and asks the nearest folder first', () => {
    repo.write('tsconfig.json', json({ compilerOptions: { baseUrl: '.' }, include: ['src'], exclude: ['src/generated'] }));
    repo.write('tsconfig.generated.json', json({ compilerOptions: { baseUrl: './src' }, include: ['src/generated/**/*'] }));
    repo.write('packages/one/tsconfig.json', json({ compilerOptions: { strict: true }, files: ['src/entry.ts'] }));
    const lookup = new ConfigLookup(repo.dir);
    expect(governing(lookup, 'src/app.ts')).toBe('tsconfig.json');
    expect(governing(lookup, 'src/generated/api.ts')).toBe('tsconfig.generated.json');
    // included by nothing: the nearest config with options
    expect(governing(lookup, 'scripts/build.ts')).toBe('tsconfig.json');
    expect(governing(lookup, 'packages/one/src/entry.ts')).toBe('packages/one/tsconfig.json');
    // not in its folder's `files`, nor in anything further up: the nearest config with options
    expect(governing(lookup, 'packages/one/src/other.ts')).toBe('packages/one/tsconfig.json');
  });

  it('orders a folder: tsconfig.json, jsconfig.json, other tsconfig*.json, bases last', () => {
    repo.write('web/tsconfig.base.json', json({ compilerOptions: { strict: true } }));
    repo.write('web/tsconfig.app.json', json({ compilerOptions: { strict: true } }));
    repo.write('web/jsconfig.json', json({ compilerOptions: { checkJs: true } }));
    const lookup = new ConfigLookup(repo.dir);
    expect(governing(lookup, 'web/src/a.js')).toBe('web/jsconfig.json');
    repo.write('web/tsconfig.json', json({ compilerOptions: { strict: true } }));
    expect(governing(new ConfigLookup(repo.dir), 'web/src/a.js')).toBe('web/tsconfig.json');
  });

  it('finds a referenced config that lives outside the file’s folders', () => {
    repo.write('tsconfig.json', json({ files: [], references: [{ path: './config/tsconfig.web.json' }, { path: './config/tsconfig.node.json' }] }));
    repo.write('config/tsconfig.web.json', json({ compilerOptions: { paths: { '@/*': ['../src/*'] } }, include: ['../src'] }));
    repo.write('config/tsconfig.node.json', json({ compilerOptions: { module: 'nodenext' }, include: ['../vite.config.ts'] }));
    const lookup = new ConfigLookup(repo.dir);
    expect(governing(lookup, 'src/components/a.tsx')).toBe('config/tsconfig.web.json');
    expect(governing(lookup, 'vite.config.ts')).toBe('config/tsconfig.node.json');
    expect(governing(lookup, 'scripts/x.ts')).toBe('(defaults)');
  });

  it('follows references to folders, skips dangling ones and survives cycles', () => {
    repo.write('tsconfig.json', json({ files: [], references: [{ path: './missing' }, { path: './packages/a' }, { path: './packages/b' }] }));
    repo.write('packages/a/tsconfig.json', json({ compilerOptions: { strict: true }, include: ['src'], references: [{ path: '../..' }] }));
    repo.write('packages/b/tsconfig.json', json({ compilerOptions: { strict: true }, include: ['lib'] }));
    const lookup = new ConfigLookup(repo.dir);
    expect(governing(lookup, 'packages/b/lib/x.ts')).toBe('packages/b/tsconfig.json');
    // packages/a refers back to the root solution, which refers to b: b's include does not cover this file
    expect(governing(lookup, 'packages/a/test/x.ts')).toBe('packages/a/tsconfig.json');
    // the root solution has no options: nothing governs this file
    expect(governing(lookup, 'other/x.ts')).toBe('(defaults)');
  });

  it('uses the defaults when there is no config at all, and the map root’s config for files outside every config tree', () => {
    expect(governing(new ConfigLookup(repo.dir), 'src/a.ts')).toBe('(defaults)');
    expect(new ConfigLookup(repo.dir).configFor(path.join(repo.dir, 'src/a.ts')).options.allowJs).toBe(true);
    repo.write('apps/web/tsconfig.json', json({ compilerOptions: { baseUrl: '.' }, include: ['src'] }));
    const lookup = new ConfigLookup(repo.dir, path.join(repo.dir, 'apps/web'));
    expect(governing(lookup, 'scripts/seed.ts')).toBe('apps/web/tsconfig.json');
    expect(governing(lookup, 'apps/web/src/a.ts')).toBe('apps/web/tsconfig.json');
  });

  it('reads a folder’s configs from the discovered files the way it reads them from the disk', () => {
    writeNxWorkspace();
    repo.write('apps/api/src/main.ts', '');
    const fromDisk = new ConfigLookup(repo.dir);
    const fromFiles = new ConfigLookup(repo.dir, repo.dir, configFileSystemOf(repo.dir, workspaceOf(repo.dir).files));
    for (const file of ['apps/api/src/main.ts', 'apps/api/src/main.spec.ts', 'libs/common/src/lib/x.ts', 'tmp/x.ts', 'x.ts']) {
      expect(governing(fromFiles, file)).toBe(governing(fromDisk, file));
    }
  });

  it('degrades a config whose `extends` cannot be read, as tsc does (the options it could read, and what is missing); a config it never needs is not read', () => {
    repo.write('tsconfig.json', json({ compilerOptions: { strict: true } }));
    repo.write('tsconfig.eslint.json', '{ "extends": "./nowhere.json" }');
    repo.write('apps/api/tsconfig.app.json', json({ extends: '../../tsconfig.missing.json', include: ['src'] }));
    const lookup = new ConfigLookup(repo.dir);
    // tsconfig.json includes everything below it: tsconfig.eslint.json is never asked
    expect(governing(lookup, 'src/a.ts')).toBe('tsconfig.json');
    const config = lookup.configFor(path.join(repo.dir, 'apps/api/src/main.ts'));
    expect(config.configFile).toBe(path.join(repo.dir, 'apps/api/tsconfig.app.json'));
    expect(config.degraded).toBe("Cannot read file 'tsconfig.missing.json'.");
    expect(lookup.configFor(path.join(repo.dir, 'src/a.ts')).degraded).toBeUndefined();
  });
});

describe('ResolverSet', () => {
  it('resolves and spells each file’s specifiers with its own config, one resolver per distinct set of resolution options', () => {
    repo.write('apps/a/tsconfig.json', json({ compilerOptions: { moduleResolution: 'bundler', module: 'esnext', paths: { '@app/*': ['./src/*'] } }, include: ['src'], exclude: ['src/**/*.spec.ts'] }));
    repo.write('apps/a/tsconfig.spec.json', json({ extends: './tsconfig.json', compilerOptions: { types: ['jest'] }, include: ['src/**/*.spec.ts'], exclude: [] }));
    repo.write('apps/b/tsconfig.json', json({ compilerOptions: { moduleResolution: 'bundler', module: 'esnext', paths: { '@app/*': ['./src/*'] } }, include: ['src'] }));
    for (const app of ['a', 'b']) repo.write(`apps/${app}/src/x.ts`, 'export const x = 1;\n');
    const resolvers = new ResolverSet(repo.dir, new ConfigLookup(repo.dir));
    const a = path.join(repo.dir, 'apps/a/src/main.ts');
    const b = path.join(repo.dir, 'apps/b/src/main.ts');
    expect(resolvers.resolve('@app/x', a, 'import')).toBe(path.join(repo.dir, 'apps/a/src/x.ts'));
    expect(resolvers.resolve('@app/x', b, 'import')).toBe(path.join(repo.dir, 'apps/b/src/x.ts'));
    expect(resolvers.optionsFor(b).paths).toEqual({ '@app/*': ['./src/*'] });
    // the spec config differs from the app's only in what does not touch resolution: they share a resolver
    expect(resolvers.configFor(path.join(repo.dir, 'apps/a/src/main.spec.ts')).configFile).toBe(path.join(repo.dir, 'apps/a/tsconfig.spec.json'));
    expect(resolvers.resolverFor(path.join(repo.dir, 'apps/a/src/main.spec.ts'))).toBe(resolvers.resolverFor(a));
    expect(resolvers.resolverFor(b)).not.toBe(resolvers.resolverFor(a));
  });
});

describe('prepare', () => {
  const map = 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - from: apps/api/src/old\n    to: apps/api/src/new\n';

  it('goes on under a config whose `extends` cannot be read, and lists each file it governs as unsure', async () => {
    repo.write('tsconfig.base.json', json({ compilerOptions: { strict: true } }));
    repo.write('apps/api/tsconfig.json', json({ extends: '../../tsconfig.nope.json', include: ['src'] }));
    repo.write('apps/api/src/old.ts', 'export const a = 1;\n');
    repo.write('apps/api/src/new.ts', 'export const a = 1;\n');
    const prepared = await typescriptAdapter.prepare(resolveImportMap(parseImportMap(map, 'map.yaml')), workspaceOf(repo.dir));
    const result = await typescriptAdapter.planRewrite({ path: 'apps/api/src/use.ts', text: "import { a } from './old';\nexport const b = a;\n" }, prepared);
    expect(result.kind).toBe('changed');
    expect(result.kind !== 'failed' && result.needsReview).toEqual([
      { file: 'apps/api/src/use.ts', line: 1, reason: "resolved under apps/api/tsconfig.json, which could not be read in full (Cannot read file 'tsconfig.nope.json'.): the compiler may resolve this file's imports otherwise", unsure: true },
    ]);
  });

  it('is not stopped by an unreadable config that no file needs', async () => {
    repo.write('tsconfig.json', json({ compilerOptions: { strict: true } }));
    repo.write('tsconfig.eslint.json', json({ extends: '@acme/eslint-config/tsconfig.json' }));
    repo.write('apps/api/src/old.ts', 'export const a = 1;\n');
    repo.write('apps/api/src/new.ts', 'export const a = 1;\n');
    const prepared = await typescriptAdapter.prepare(resolveImportMap(parseImportMap(map, 'map.yaml')), workspaceOf(repo.dir));
    expect(prepared.resolver.configFor(path.join(repo.dir, 'apps/api/src/old.ts')).configFile).toBe(path.join(repo.dir, 'tsconfig.json'));
  });

  it('rewrites by the importer’s own config when there is no root tsconfig.json', async () => {
    writeNxWorkspace();
    repo.write('tsconfig.base.json', json({ compilerOptions: { baseUrl: '.', paths: { '@api/*': ['apps/api/src/*'] } } }));
    repo.write('apps/api/src/old.ts', 'export const a = 1;\n');
    repo.write('apps/api/src/new.ts', 'export const a = 1;\n');
    const text = "import { a } from '@api/old';\nexport const b = a;\n";
    repo.write('apps/api/src/app/use.spec.ts', text);
    const prepared = await typescriptAdapter.prepare(resolveImportMap(parseImportMap(map, 'map.yaml')), workspaceOf(repo.dir));
    expect(prepared.config.configFile).toBe(path.join(repo.dir, 'tsconfig.base.json'));
    const result = await typescriptAdapter.planRewrite({ path: 'apps/api/src/app/use.spec.ts', text }, prepared);
    expect(result.kind).toBe('changed');
    if (result.kind === 'changed') expect(result.edits.map((edit) => edit.text)).toEqual(['@api/new']);
  });
});
