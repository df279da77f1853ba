import * as fs from 'node:fs';
import fc from 'fast-check';
import * as path from 'node:path';
import { typescriptAdapter, type TypeScriptPreparedMap } from '../../src/languages/typescript';
import { findOldModule } from '../../src/languages/typescript/old-module';
import { makeTempRepo } from '../support/tempRepo';
import { fixtureFolders } from '../support/fixtures';
import { loadMap, workspaceOf } from './support';

/**
 * The prefilter's compiler-free answer (`MappedTargets.leadsElsewhere`) may only ever say "no old module here" where
 * the compiler agrees: the file is then never parsed, so a wrong answer is a missed rewrite.
 */
async function prepare(dir: string): Promise<TypeScriptPreparedMap> {
  return typescriptAdapter.prepare(loadMap(path.join(dir, 'map.yaml')), workspaceOf(dir));
}

/** What the compiler makes of it: the old module it names, or whether it resolves nowhere (a review line when spelled with a `/`). */
function compilerSaysElsewhere(prepared: TypeScriptPreparedMap, specifier: string, importer: string): boolean {
  if (findOldModule(prepared, specifier, importer, 'import') || findOldModule(prepared, specifier, importer, 'require')) return false;
  return !specifier.includes('/') || !prepared.resolver.unresolved(specifier, importer, 'import');
}

function sourceFiles(dir: string): string[] {
  return workspaceOf(dir).files.filter((file) => /\.[cm]?[jt]sx?$/.test(file));
}

describe('MappedTargets: paths and baseUrl told without the compiler', () => {
  it('agrees with the compiler on every literal of every multi-file TypeScript fixture', async () => {
    let told = 0;
    let compared = 0;
    for (const transform of ['rewrite-imports', 'insert-shims', 'move-files']) {
      for (const { dir } of fixtureFolders(transform)) {
        for (const side of ['input', 'output']) {
          const tree = path.join(dir, side);
          if (!fs.existsSync(path.join(tree, 'tsconfig.json')) || !fs.existsSync(path.join(tree, 'map.yaml'))) continue;
          const prepared = await prepare(tree);
          if (!prepared.mappedTargets) continue;
          for (const file of sourceFiles(tree)) {
            const importer = path.join(tree, file);
            for (const [, literal] of fs.readFileSync(importer, 'utf8').matchAll(/['"]([^'"\s\\]+)['"]/g)) {
              compared++;
              if (!prepared.mappedTargets.leadsElsewhere(literal!, importer)) continue;
              told++;
              expect({ tree, file, literal, elsewhere: compilerSaysElsewhere(prepared, literal!, importer) }).toEqual({ tree, file, literal, elsewhere: true });
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(told).toBeGreaterThan(20);
  });

  it('tells the canonical twin from the old module, and leaves the doubtful to the compiler', async () => {
    const repo = makeTempRepo();
    try {
      repo.write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['generated/*', 'src/*'], '~legacy': ['src/legacy'] } } }));
      repo.write('map.yaml', 'version: 1\nlanguage: typescript\nrewrite:\n  - { from: src/legacy/user, to: src/models/user }\n  - { from: packages/db/src/account, to: src/models/account }\n');
      repo.write('src/legacy/user.ts', 'export class User {}\n');
      repo.write('src/legacy/index.ts', "export * from './user';\n");
      repo.write('src/models/user.ts', 'export class User {}\n');
      repo.write('src/models/account.ts', 'export class Account {}\n');
      repo.write('generated/user.ts', 'export const generated = 1;\n');
      repo.write('packages/db/package.json', JSON.stringify({ name: '@acme/db' }));
      repo.write('packages/db/src/account.ts', 'export class Account {}\n');
      const prepared = await prepare(repo.dir);
      const importer = path.join(repo.dir, 'src/api/handler.ts');
      const told = (specifier: string): boolean => prepared.mappedTargets!.leadsElsewhere(specifier, importer);
      expect(told('@/models/user')).toBe(true);
      expect(told('@/models/user.js')).toBe(true);
      expect(told('@/user')).toBe(true); // generated/user.ts: the first substitution that exists
      expect(told('@/legacy/user')).toBe(false); // the old module
      expect(told('@/legacy')).toBe(false); // a folder that holds one
      expect(told('~legacy')).toBe(false);
      expect(told('@/models/nothing/user')).toBe(false); // resolves nowhere: a review line, the compiler's to tell
      expect(told('./user')).toBe(false); // relative: the prefilter's path test, not this one
      expect(told('user')).toBe(true); // a lone word: baseUrl leads nowhere, node_modules to no package of the repository
      expect(told('@acme/db')).toBe(false); // the repository's package that holds an old module, through a link
    } finally {
      repo.dispose();
    }
  });

  it('without any tsconfig, leaves every bare specifier to node_modules, which only the compiler reads', async () => {
    const repo = makeTempRepo();
    try {
      repo.write('map.yaml', 'version: 1\nlanguage: typescript\nrewrite:\n  - { from: packages/db/src/user, to: packages/db/src/account }\n');
      repo.write('packages/db/package.json', JSON.stringify({ name: '@acme/db' }));
      repo.write('packages/db/src/user.ts', 'export class User {}\n');
      repo.write('packages/db/src/account.ts', 'export class User {}\n');
      const prepared = await prepare(repo.dir);
      const importer = path.join(repo.dir, 'apps/web/src/main.ts');
      expect(prepared.mappedTargets!.leadsElsewhere('@acme/db/src/user', importer)).toBe(false);
      expect(prepared.mappedTargets!.leadsElsewhere('@scope/other/user', importer)).toBe(false);
    } finally {
      repo.dispose();
    }
  });
});

describe('MappedTargets on generated trees (fast-check)', () => {
  const folders = ['src', 'src/legacy', 'src/models', 'src/models/user', 'generated', 'lib'];
  const names = ['user', 'order', 'index'];
  const extensions = ['.ts', '.tsx', '.d.ts', '.js'];
  const file = fc.record({ folder: fc.constantFrom(...folders), name: fc.constantFrom(...names), extension: fc.constantFrom(...extensions) });
  const substitution = fc.constantFrom('src/*', 'generated/*', 'src/models/*', 'lib/*', 'src/legacy/*', '*');
  const exactSubstitution = fc.constantFrom('src/legacy', 'src/models/user', 'lib/index.ts', 'generated/user.js', 'src/legacy/order');
  const paths = fc.dictionary(
    fc.constantFrom('@/*', '~/*', '@models/*', '*'),
    fc.array(substitution, { minLength: 1, maxLength: 3 }),
    { maxKeys: 3 },
  );
  const exactPaths = fc.dictionary(fc.constantFrom('@legacy', '@lib', '#user'), fc.array(exactSubstitution, { minLength: 1, maxLength: 2 }), { maxKeys: 2 });
  const tree = fc.record({
    files: fc.uniqueArray(file, { minLength: 2, maxLength: 10, selector: (f) => `${f.folder}/${f.name}${f.extension}` }),
    oldCount: fc.integer({ min: 1, max: 3 }),
    baseUrl: fc.constantFrom(undefined, '.', 'src'),
    paths: fc.option(fc.tuple(paths, exactPaths).map(([a, b]) => ({ ...a, ...b })), { nil: undefined }),
    moduleResolution: fc.constantFrom(undefined, 'bundler', 'node10', 'node16'),
    pathsInBase: fc.boolean(),
    esm: fc.boolean(),
    noConfig: fc.boolean(),
  });
  const specifier = fc.oneof(
    fc.tuple(fc.constantFrom('@/', '~/', '@models/', '', 'legacy/', 'models/', 'src/legacy/', 'models/user/'), fc.constantFrom(...names), fc.constantFrom('', '.js', '/index')).map(([a, b, c]) => `${a}${b}${c}`),
    fc.constantFrom('@legacy', '@lib', '#user', 'user', 'legacy', 'src/legacy', 'generated/user'),
  );

  it('says "no old module", or which old module, only where the compiler agrees', async () => {
    let told = 0;
    let toldOld = 0;
    await fc.assert(
      fc.asyncProperty(tree, fc.array(specifier, { minLength: 5, maxLength: 12 }), async (t, specifiers) => {
        const repo = makeTempRepo();
        try {
          const written = t.files.map((f) => `${f.folder}/${f.name}${f.extension}`);
          for (const rel of written) repo.write(rel, 'export const value = 1;\n');
          repo.write('canonical/target.ts', 'export const value = 1;\n');
          const options = { ...(t.baseUrl ? { baseUrl: t.baseUrl } : {}), ...(t.moduleResolution ? { moduleResolution: t.moduleResolution, module: t.moduleResolution === 'node16' ? 'node16' : 'esnext' } : {}) };
          if (t.esm) repo.write('package.json', JSON.stringify({ name: 'app', type: 'module' }));
          if (t.noConfig) {
            // the compiler's defaults govern every file
          } else if (t.pathsInBase) {
            repo.write('tsconfig.base.json', JSON.stringify({ compilerOptions: t.paths ? { paths: t.paths } : {} }));
            repo.write('tsconfig.json', JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: options }));
          } else {
            repo.write('tsconfig.json', JSON.stringify({ compilerOptions: { ...options, ...(t.paths ? { paths: t.paths } : {}) } }));
          }
          const ids = [...new Set(written.slice(0, t.oldCount).map((rel) => rel.replace(/(\.d)?\.[jt]sx?$/, '')))];
          repo.write('map.yaml', `version: 1\nlanguage: typescript\nrewrite:\n${ids.map((id) => `  - { from: ${id}, to: canonical/target }\n`).join('')}`);
          const prepared = await prepare(repo.dir);
          if (!prepared.mappedTargets) return;
          const importer = path.join(repo.dir, 'src/app/main.ts');
          for (const spelled of specifiers) {
            const oldFile = prepared.mappedTargets.oldFileOf(spelled, importer);
            if (oldFile !== undefined) {
              toldOld++;
              const answers = (['import', 'require'] as const).map((usage) => prepared.resolver.resolve(spelled, importer, usage));
              if (answers.some((answer) => answer !== oldFile)) throw new Error(`'${spelled}' told to be ${oldFile}, the compiler says ${answers.join(' / ')}\n${JSON.stringify(t, null, 1)}`);
            }
            if (!prepared.mappedTargets.leadsElsewhere(spelled, importer)) continue;
            told++;
            if (!compilerSaysElsewhere(prepared, spelled, importer)) throw new Error(`'${spelled}' told elsewhere, the compiler disagrees\n${JSON.stringify(t, null, 1)}`);
          }
        } finally {
          repo.dispose();
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
    expect(told).toBeGreaterThan(50);
    expect(toldOld).toBeGreaterThan(5);
  });
});
