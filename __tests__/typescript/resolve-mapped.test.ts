import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigLookup } from '../../src/languages/typescript/config-lookup';
import { ModuleResolver, ResolverSet } from '../../src/languages/typescript/resolve';
import { typescriptTrees } from './support';
import { temporaryFolder } from '../support/temporary';

/** The source files of a tree, with the module specifiers their text holds (imports, exports, import(), require). */
function specifiersOf(tree: string): Array<{ file: string; specifier: string }> {
  const out: Array<{ file: string; specifier: string }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (/\.[cm]?[jt]sx?$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)(['"])([^'"\n]+)\1/g)) out.push({ file: path, specifier: match[2]! });
      }
    }
  };
  walk(tree);
  return out;
}

describe('module resolution: answers that paths or baseUrl map are shared by every importing folder', () => {
  it('answers as the compiler does, specifier by specifier, on every TypeScript tree of the fixtures', () => {
    let compared = 0;
    for (const tree of typescriptTrees()) {
      const configs = new ConfigLookup(tree);
      const shared = new ResolverSet(tree, configs);
      for (const { file, specifier } of specifiersOf(tree)) {
        for (const usage of ['import', 'require'] as const) {
          // a fresh resolver has nothing cached: the compiler's own answer for this importer
          const alone = new ResolverSet(tree, configs).resolve(specifier, file, usage);
          expect({ tree, file, specifier, usage, answer: shared.resolve(specifier, file, usage) }).toEqual({ tree, file, specifier, usage, answer: alone });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('asks the compiler once for an alias imported from many folders, and per folder for a package', () => {
    const repo = temporaryFolder('remodel-mapped-');
    const write = (file: string, text: string): void => {
      mkdirSync(join(repo, file, '..'), { recursive: true });
      writeFileSync(join(repo, file), text);
    };
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', paths: { '@/*': ['./src/*'] } } }));
    write('src/lib/format.ts', 'export const format = 1;\n');
    write('node_modules/dep/package.json', JSON.stringify({ name: 'dep', version: '1.0.0', types: 'index.d.ts' }));
    write('node_modules/dep/index.d.ts', 'export declare const dep: number;\n');
    const asked: string[] = [];
    const resolveOnce = (ModuleResolver.prototype as unknown as { resolveOnce: (...args: unknown[]) => unknown }).resolveOnce;
    const spy = jest.spyOn(ModuleResolver.prototype as unknown as { resolveOnce: (...args: unknown[]) => unknown }, 'resolveOnce').mockImplementation(function (this: unknown, ...args: unknown[]) {
      asked.push(args[0] as string);
      return resolveOnce.apply(this, args);
    });
    try {
      const resolvers = new ResolverSet(repo, new ConfigLookup(repo));
      const importers = ['src/a/one.ts', 'src/b/two.ts', 'src/c/d/three.ts'].map((file) => join(repo, file));
      for (const importer of importers) {
        expect(resolvers.resolve('@/lib/format', importer, 'import')).toBe(join(repo, 'src/lib/format.ts'));
        resolvers.resolve('dep', importer, 'import');
      }
      expect(asked.filter((specifier) => specifier === '@/lib/format')).toHaveLength(1);
      expect(asked.filter((specifier) => specifier === 'dep')).toHaveLength(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('never shares what a node_modules lookup found: the same name is another package in another folder', () => {
    const repo = temporaryFolder('remodel-mapped-');
    const write = (file: string, text: string): void => {
      mkdirSync(join(repo, file, '..'), { recursive: true });
      writeFileSync(join(repo, file), text);
    };
    // paths match '@shared/*' but name no file: the compiler goes on to node_modules, where each app links its own copy
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', baseUrl: '.', paths: { '@shared/*': ['./missing/*'] } } }));
    for (const app of ['a', 'b']) {
      write(`libs/shared-${app}/package.json`, JSON.stringify({ name: '@shared/kit', version: '1.0.0', types: 'index.ts' }));
      write(`libs/shared-${app}/index.ts`, `export const app = '${app}';\n`);
      mkdirSync(join(repo, `apps/${app}/node_modules/@shared`), { recursive: true });
      symlinkSync(join(repo, `libs/shared-${app}`), join(repo, `apps/${app}/node_modules/@shared/kit`));
    }
    const resolvers = new ResolverSet(repo, new ConfigLookup(repo));
    expect(resolvers.resolve('@shared/kit', join(repo, 'apps/a/main.ts'), 'import')).toBe(join(repo, 'libs/shared-a/index.ts'));
    expect(resolvers.resolve('@shared/kit', join(repo, 'apps/b/main.ts'), 'import')).toBe(join(repo, 'libs/shared-b/index.ts'));
  });
});
