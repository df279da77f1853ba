import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 17: a plan loads only the parsers its maps need. Loading the TypeScript compiler costs 0.2-0.4 s per start
 * (9 MB of JavaScript), the WASM Python parser less but not nothing: a Python plan must not pay for the compiler, nor
 * a TypeScript plan for tree-sitter. Measured by a preload that records which of them the CLI process requires.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function heavyModulesLoaded(dir: string, map: string, expectPatch?: (patch: string) => void): string[] {
  const preload = join(dir, '.remodel-preload.cjs');
  writeFileSync(
    preload,
    `const Module = require('module'); const load = Module._load; const seen = new Set();
Module._load = function (request) {
  if (/^typescript$|[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(request)) seen.add('typescript');
  if (/(^|[\\/])web-tree-sitter([\\/]|$)/.test(request)) seen.add('web-tree-sitter');
  return load.apply(this, arguments);
};
process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify([...seen].sort()) + '\\n'));\n`,
  );
  const result = spawnSync(process.execPath, ['-r', preload, join(repoRoot, 'dist', 'bin', 'remodel.js'), 'plan', '--map', map], { cwd: dir, encoding: 'utf8' });
  expect(result.status).toBe(0);
  expectPatch?.(result.stdout);
  const line = result.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  return JSON.parse(line!.slice('LOADED '.length)) as string[];
}

describe('a plan loads only the parsers its maps need', () => {
  it('Python map: no TypeScript compiler', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
    dirs.push(dir);
    expect(heavyModulesLoaded(dir, join(repoRoot, 'import-maps', 'seed-consolidation.yaml'))).toEqual(['web-tree-sitter']);
  });

  it('TypeScript map: no tree-sitter', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    expect(heavyModulesLoaded(dir, join(repoRoot, 'import-maps', 'ts-app.yaml'))).toEqual(['typescript']);
  });

  it('a Python plan that edits nothing (the tree already migrated, whole-module entries) loads no parser', () => {
    const dir = migratedRepo({
      'map.yaml': 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: shop.legacy.orders, to: shop.db.orders }\n',
      'shop/__init__.py': '',
      'shop/legacy/__init__.py': '',
      'shop/legacy/orders.py': 'class Order:\n    pass\n',
      'shop/db/__init__.py': '',
      'shop/db/orders.py': 'class Order:\n    pass\n',
      'shop/api.py': 'from shop.legacy.orders import Order\n\nprint(Order)\n',
    });
    expect(readFileSync(join(dir, 'shop/api.py'), 'utf8')).toContain('from shop.db.orders import Order');
    expect(heavyModulesLoaded(dir, join(dir, 'map.yaml'), (patch) => expect(patch).toBe(''))).toEqual([]);
  });

  it('a Python plan that edits nothing loads no parser, also when its entries move and rename names (their target is parsed only for a file to plan)', () => {
    const dir = migratedRepo({
      'map.yaml': 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: shop.legacy.orders, to: shop.db.orders, names: [Order], rename: { Order: Purchase } }\n',
      'shop/__init__.py': '',
      'shop/legacy/__init__.py': '',
      'shop/legacy/orders.py': 'class Order:\n    pass\n\n\nclass Stays:\n    pass\n',
      'shop/db/__init__.py': '',
      'shop/db/orders.py': 'class Purchase:\n    pass\n',
      'shop/api.py': 'from shop.legacy.orders import Order, Stays\n\nprint(Order, Stays)\n',
    });
    expect(readFileSync(join(dir, 'shop/api.py'), 'utf8')).toContain('from shop.db.orders import Purchase');
    expect(heavyModulesLoaded(dir, join(dir, 'map.yaml'), (patch) => expect(patch).toBe(''))).toEqual([]);
  });

  it('a TypeScript plan that edits nothing loads no compiler, also when its entries move and rename names', () => {
    const dir = migratedRepo({
      'map.yaml': 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: src/legacy/user, to: src/models/user, names: [User], rename: { User: Account } }\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": true }, "include": ["src"] }\n',
      'src/legacy/user.ts': 'export class User {}\nexport const stays = 1;\n',
      'src/models/user.ts': 'export class Account {}\n',
      'src/api/handler.ts': "import { User, stays } from '../legacy/user';\n\nexport const users = [new User(), stays];\n",
    });
    expect(readFileSync(join(dir, 'src/api/handler.ts'), 'utf8')).toContain("import { Account } from '../models/user';");
    expect(heavyModulesLoaded(dir, join(dir, 'map.yaml'), (patch) => expect(patch).toBe(''))).toEqual([]);
  });

  it('a TypeScript plan that edits nothing loads no compiler, also when its entries name packages (bare ids no tsconfig maps, not linked into the tree; an installed target whose names are checked)', () => {
    const dir = migratedRepo({
      'map.yaml': "version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: '@acme/legacy-entities', to: '@acme/entities' }\n  - { from: '@acme/legacy-utils', to: '@acme/utils/strings', names: [slug] }\n",
      'package.json': '{ "name": "app", "dependencies": { "@acme/entities": "1.0.0", "@acme/utils": "1.0.0" } }\n',
      'node_modules/@acme/utils/package.json': '{ "name": "@acme/utils", "version": "1.0.0" }\n',
      'node_modules/@acme/utils/strings.d.ts': 'export declare const slug: string;\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["src/*"] } }, "include": ["src"] }\n',
      'src/api/handler.ts': "import { User } from '@acme/legacy-entities';\nimport { slug } from '@acme/legacy-utils';\n\nexport const users = [new User(), slug];\n",
      'src/api/other.ts': "import { helper } from '@/util';\n\nexport const label = 'entities';\nexport const other = helper;\n",
      'src/util.ts': 'export const helper = 1;\n',
    });
    expect(readFileSync(join(dir, 'src/api/handler.ts'), 'utf8')).toContain("from '@acme/entities'");
    expect(heavyModulesLoaded(dir, join(dir, 'map.yaml'), (patch) => expect(patch).toBe(''))).toEqual([]);
  });

  it('a TypeScript plan that edits nothing (the tree already migrated, a canonical twin spelled through paths) loads no compiler', () => {
    const dir = migratedRepo({
      'map.yaml': 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: src/legacy/user, to: src/models/user }\n',
      'tsconfig.base.json': '{\n  // shared\n  "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["src/*"] }, },\n}\n',
      'tsconfig.json': '{ "extends": "./tsconfig.base.json", "include": ["src"] }\n',
      'src/legacy/user.ts': 'export class User {}\n',
      'src/models/user.ts': 'export class User {}\n',
      'src/api/handler.ts': "import { User } from '@/legacy/user';\nimport * as legacy from '../legacy/user';\n\nexport const users = [new User(), new legacy.User()];\n",
      'src/api/other.ts': "import { User } from '@/models/user';\n\nexport const label = 'user';\nexport const other = new User();\n",
    });
    expect(readFileSync(join(dir, 'src/api/handler.ts'), 'utf8')).toContain("from '@/models/user'");
    expect(heavyModulesLoaded(dir, join(dir, 'map.yaml'), (patch) => expect(patch).toBe(''))).toEqual([]);
  });
});

/** A git repository of `files`, committed, with its map applied: a tree already migrated. */
function migratedRepo(files: Record<string, string>): string {
  const dir = temporaryFolder('remodel-lazy-');
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  git(['init', '-q', '-b', 'main'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before'], dir);
  expect(remodel(['apply', '--map', 'map.yaml'], dir).status).toBe(0);
  return dir;
}
