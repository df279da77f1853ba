import * as fs from 'node:fs';
import * as path from 'node:path';
import { typescriptAdapter } from '../../src/languages/typescript';
import { packageNameOf } from '../../src/languages/typescript/dependencies';
import { loadMap, workspaceOf } from './support';
import { temporaryFolder } from '../support/temporary';

const MAP = "version: 1\nlanguage: typescript\nrewrite:\n  - from: '@acme/utils'\n    to: '@acme/framework/utils'\n    package: true\n";

async function notesFor(files: Record<string, string>, file: string): Promise<string[]> {
  const repo = temporaryFolder('remodel-deps-');
  try {
    for (const [name, text] of Object.entries({ 'map.yaml': MAP, 'tsconfig.json': '{}', ...files })) {
      fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
      fs.writeFileSync(path.join(repo, name), text);
    }
    const prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
    const result = await typescriptAdapter.planRewrite({ path: file, text: files[file]! }, prepared);
    expect(result.kind).toBe('changed');
    return result.kind === 'failed' ? [] : result.notes.map((note) => `${note.line}: ${note.message}`);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

const importer = "import { isObject } from '@acme/utils';\nimport { pick } from '@acme/utils/object';\n";

describe('a bare specifier moved to another package: the importer\'s package.json', () => {
  it('names the package', () => {
    expect(packageNameOf('@acme/framework/utils')).toBe('@acme/framework');
    expect(packageNameOf('lodash/fp')).toBe('lodash');
  });

  it('is noted once per file when it does not declare the new package', async () => {
    const notes = await notesFor({ 'package.json': JSON.stringify({ dependencies: { '@acme/utils': '1' } }), 'src/a.ts': importer }, 'src/a.ts');
    expect(notes).toEqual(["1: '@acme/framework' is not a dependency in package.json: declare it there (and drop '@acme/utils' if nothing else imports it)"]);
  });

  it('is the nearest one, and a declaration in any dependency field or the package itself is enough', async () => {
    const files = {
      'package.json': JSON.stringify({ dependencies: { '@acme/framework': '1' } }),
      'packages/api/package.json': JSON.stringify({ devDependencies: { '@acme/utils': '1' } }),
      'packages/api/src/a.ts': importer,
      'packages/web/package.json': JSON.stringify({ peerDependencies: { '@acme/framework': '1' } }),
      'packages/web/a.ts': importer,
      'packages/framework/package.json': JSON.stringify({ name: '@acme/framework' }),
      'packages/framework/a.ts': importer,
    };
    expect(await notesFor(files, 'packages/api/src/a.ts')).toEqual([expect.stringContaining('not a dependency in packages/api/package.json')]);
    expect(await notesFor(files, 'packages/web/a.ts')).toEqual([]);
    expect(await notesFor(files, 'packages/framework/a.ts')).toEqual([]);
  });

  it("says nothing when the new specifier is a tsconfig `paths` alias (a folder of the repository, not a package)", async () => {
    const files = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@acme/framework/*': ['libs/framework/src/*'], '@acme/utils': ['libs/utils/index.ts'], '@acme/utils/*': ['libs/utils/*'] } } }),
      'libs/framework/src/utils.ts': 'export const isObject = 1;\nexport const pick = 1;\n',
      'libs/utils/index.ts': 'export const isObject = 1;\n',
      'libs/utils/object.ts': 'export const pick = 1;\n',
      'package.json': JSON.stringify({ dependencies: { lodash: '1' } }),
      'src/a.ts': importer,
    };
    expect(await notesFor(files, 'src/a.ts')).toEqual([]);
  });

  it('says nothing without a package.json', async () => {
    expect(await notesFor({ 'src/a.ts': importer }, 'src/a.ts')).toEqual([]);
  });

  it('says nothing, and does not fail, when the nearest package.json is not a JSON object', async () => {
    expect(await notesFor({ 'package.json': 'null', 'src/a.ts': importer }, 'src/a.ts')).toEqual([]);
    expect(await notesFor({ 'package.json': '{ not json', 'src/a.ts': importer }, 'src/a.ts')).toEqual([]);
  });
});
