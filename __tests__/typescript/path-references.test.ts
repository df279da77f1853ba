import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';
import { apply, plan } from '../../src';
import { fixturesRoot } from '../support/fixtures';
import { makeTempRepo } from '../support/tempRepo';

/*
 * Issue 18, item 1, judged by what the compiler sees rather than by text: the files a tsconfig compiles after the
 * moves are the files it compiled before, at their new places.
 */
function compiledFiles(configFile: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return parsed.fileNames.map((file) => relative(dirname(configFile), file)).sort();
}

async function planAndApply(files: Record<string, string>, map: string): Promise<{ dir: string; dispose: () => void; before: (config: string) => string[] }> {
  const repo = makeTempRepo(join(fixturesRoot, 'move-files', 'ts-configs', 'input'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo.dir, path)), { recursive: true });
    writeFileSync(join(repo.dir, path), text);
  }
  writeFileSync(join(repo.dir, 'map.yaml'), map);
  const snapshots = new Map<string, string[]>();
  for (const config of ['tsconfig.json', 'packages/old/tsconfig.json']) {
    try {
      snapshots.set(config, compiledFiles(join(repo.dir, config)));
    } catch {
      // not in this case
    }
  }
  const planned = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')] });
  expect(planned.failures).toEqual([]);
  apply(planned);
  return { dir: repo.dir, dispose: repo.dispose, before: (config) => snapshots.get(config)! };
}

describe('configs follow moved paths, as the compiler reads them', () => {
  it('the root tsconfig compiles the same files at their new places (files, include, a moved folder)', async () => {
    const repo = await planAndApply({}, 'version: 1\nlanguage: typescript\nroot: .\nrelocate:\n  - { from: src/legacy, to: src/archive }\n  - { from: src/boot.ts, to: src/start/boot.ts }\n');
    try {
      const moved = (file: string): string => file.replace('src/legacy/', 'src/archive/').replace('src/boot.ts', 'src/start/boot.ts');
      expect(compiledFiles(join(repo.dir, 'tsconfig.json'))).toEqual(repo.before('tsconfig.json').map(moved).sort());
    } finally {
      repo.dispose();
    }
  });

  it('a tsconfig that moves with its folder keeps what it compiles and still extends the base it named', async () => {
    const repo = await planAndApply(
      {
        'tsconfig.base.json': '{ "compilerOptions": { "strict": true, "noEmit": true, "types": [] } }\n',
        'packages/old/tsconfig.json': '{\n  "extends": "../../tsconfig.base.json",\n  "include": ["src"],\n  "files": ["../../src/types.d.ts"]\n}\n',
        'packages/old/src/index.ts': 'export const old = 1;\n',
      },
      'version: 1\nlanguage: typescript\nroot: .\nrelocate:\n  - { from: packages/old, to: packages/legacy/old }\n',
    );
    try {
      const config = join(repo.dir, 'packages', 'legacy', 'old', 'tsconfig.json');
      expect(compiledFiles(config).map((file) => file.replace('../../../src/', '../../src/'))).toEqual(repo.before('packages/old/tsconfig.json'));
      const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
      expect(parsed.options.strict).toBe(true);
    } finally {
      repo.dispose();
    }
  });
});
