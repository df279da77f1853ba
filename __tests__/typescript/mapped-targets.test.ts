import * as fs from 'node:fs';
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
