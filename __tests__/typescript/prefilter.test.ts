import * as fs from 'node:fs';
import * as path from 'node:path';
import { typescriptAdapter, type TypeScriptPreparedMap } from '../../src/languages/typescript';
import { loadMap, workspaceOf } from './support';
import { temporaryFolder } from '../support/temporary';

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
  'map.yaml': 'version: 1\nlanguage: typescript\nrewrite:\n  - from: src/models/user\n    to: src/db/user\n  - from: src/models/index\n    to: src/db/index\n',
  'src/models/user.ts': 'export class User {}\n',
  'src/models/index.ts': "export * from './user';\n",
  'src/db/user.ts': 'export class User {}\n',
  'src/db/index.ts': "export * from './user';\n",
  'src/features/user.ts': 'export const feature = 1;\n',
  'src/components/user-card.ts': 'export const UserCard = 1;\n',
};

describe('TypeScript prefilter: parse only files whose string literals name an old module', () => {
  let repo: string;
  let prepared: TypeScriptPreparedMap;
  beforeAll(async () => {
    repo = temporaryFolder('remodel-prefilter-');
    for (const [file, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    }
    prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it.each([
    ['an alias import', 'src/app.ts', "import { User } from '@/models/user';"],
    ['a relative import with a .js suffix', 'src/features/a.ts', 'import { User } from "../models/user.js";'],
    ['a require', 'src/app.js', "const { User } = require('./models/user');"],
    ['a jest.mock', 'src/app.test.ts', "jest.mock('@/models/user');"],
    ['a template-literal import()', 'src/features/a.ts', 'const m = await import(`../models/user`);'],
    ['an import type node', 'src/app.ts', "let u: typeof import('@/models/user').User;"],
    ['an index module from inside its folder', 'src/models/other.ts', "export * from '.';"],
    ['the index module by its folder', 'src/app.ts', "import { User } from './models';"],
    ['an alias to a missing module that ends like one (a bundler alias?)', 'src/app.ts', "import x from '@/components/user';"],
    ['a computed require in a file that mentions a model', 'src/app.js', 'const user = require(name);'],
    ['a template-literal require with a substitution', 'src/app.js', "const name = 'user';\nconst m = require(`./models/${name}`);"],
    ['a concatenated import()', 'src/app.js', "const name = 'user';\nconst m = import('./models/' + name);"],
  ])('keeps %s', (_label, file, text) => {
    expect(prepared.mayNeedEdit!(file, text)).toBe(true);
  });

  it('keeps, and the rewrite lists for review, a specifier spelled like an old module that resolves to nothing', async () => {
    const text = "import { User } from '~/models/user';\n";
    expect(prepared.mayNeedEdit!('src/app.ts', text)).toBe(true);
    const result = await typescriptAdapter.planRewrite({ path: 'src/app.ts', text }, prepared);
    expect(result.kind).toBe('unchanged');
    expect(result.kind !== 'failed' && result.needsReview.map((r) => `${r.line}: ${r.reason}`)).toEqual([
      "1: '~/models/user' is spelled like a moved module but resolves to nothing from here under tsconfig.json: if it loads one (a bundler or jest alias), rewrite it by hand",
    ]);
  });

  it.each([
    ['an identifier', 'src/app.ts', 'export const UserCard = user();'],
    ['an unrelated module with the same file name', 'src/features/b.ts', "import { feature } from './user';"],
    ['an unrelated module whose name contains the needle', 'src/app.ts', "import { UserCard } from './components/user-card';"],
    ['a comment', 'src/app.ts', '// moved from models/user\nexport const a = 1;'],
    ['a plain string', 'src/app.ts', "console.log('user');"],
    ['a file that names no model', 'src/app.ts', "import { x } from './x';"],
    ['plain-literal loads of other modules', 'src/app.js', "const user = require('./x');\nimport('./y', { with: {} });\nimport(`./z`);"],
  ])('drops %s', (_label, file, text) => {
    expect(prepared.mayNeedEdit!(file, text)).toBe(false);
  });
});

describe('TypeScript prefilter: a name-level entry', () => {
  it('drops an import of only the names the entry leaves in the old module, by a relative path to its file', async () => {
    const { SUPPORT_REPO, copyToTemp } = require('./support') as typeof import('./support');
    const repo = copyToTemp(SUPPORT_REPO);
    const map = fs.readFileSync(path.join(SUPPORT_REPO, 'map.yaml'), 'utf8').replace(/  # a folder and everything in it\n  - from: src\/legacy\n    to: src\/db\/legacy\n    package: true\n/, '');
    fs.writeFileSync(path.join(repo, 'map.yaml'), map);
    const prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
    const candidate = (text: string): boolean => prepared.mayNeedEdit!('src/app/consumer.ts', text);
    // Follower and SocialId stay in src/models/social
    expect(candidate("import { Follower, type SocialId as S } from '../models/social';\nexport { Follower as F } from '../models/social.js';")).toBe(false);
    expect(candidate("import { Follower, SocialAccount } from '../models/social';")).toBe(true);
    expect(candidate("import * as social from '../models/social';")).toBe(true);
    expect(candidate("import { Follower } from '../models/social';\nconst late = import('../models/social');")).toBe(true);
    // a whole-module entry's importers, whatever they import
    expect(candidate("import { Other } from '../models/booking';")).toBe(true);
  });

  it('drops an import of only the names a bare entry leaves behind, unless a tsconfig maps that id elsewhere (here to a module that moves whole)', async () => {
    const { SUPPORT_REPO, copyToTemp } = require('./support') as typeof import('./support');
    const repo = copyToTemp(SUPPORT_REPO);
    const map = fs
      .readFileSync(path.join(SUPPORT_REPO, 'map.yaml'), 'utf8')
      .replace(/  # a folder and everything in it\n  - from: src\/legacy\n    to: src\/db\/legacy\n    package: true\n/, '')
      .replace("to: '@acme/entities'\n", "to: '@acme/entities'\n    names: [X]\n");
    fs.writeFileSync(path.join(repo, 'map.yaml'), map);
    const candidate = async (): Promise<boolean> => {
      const prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
      return prepared.mayNeedEdit!('src/app/consumer.ts', "import { Y } from '@acme/legacy-entities';");
    };
    expect(await candidate()).toBe(false);
    const tsconfig = path.join(repo, 'tsconfig.json');
    fs.writeFileSync(tsconfig, fs.readFileSync(tsconfig, 'utf8').replace('"paths": { "@/*": ["src/*"] }', '"paths": { "@/*": ["src/*"], "@acme/legacy-entities": ["src/models/booking"] }'));
    expect(await candidate()).toBe(true);
  });
});

describe('TypeScript prefilter on generated files (fast-check)', () => {
  /** Spellings around the support repository's map: importers, canonical modules, twins, loads, mocks, JSDoc, noise. */
  const lines = [
    "import { Booking } from '@/models/booking';",
    "import { Booking as B1 } from '../models/booking';",
    "import { Booking as B2 } from '@/db/models/core';",
    "import * as core from '@/db/models/core';",
    "import { Follower } from '@/models/social';",
    "import { SocialAccount } from '@/models/social';",
    "import { Follower as F1, type SocialId } from '../models/social';",
    "export { Follower as F4 } from '../models/social';",
    "import type { Follower as F2 } from '../models/social/';",
    "import { Follower as F5, SocialAccount as SA } from '../models/social';",
    "import { /* moved */ Follower as F6 } from '../models/social';",
    "import { default as P3 } from '../models/payment';",
    "import { Booking as B3 } from './booking';",
    "import {\n  Follower as F7,\n} from './social.js';",
    "export { SocialIdentity } from './social';",
    "import { Follower as F8 } from '../models/social/index';",
    "import { Invoice as I3 } from '../legacy/invoice/';",
    "import Payment from '@/models/payment';",
    "import { Payment as P2 } from '@/db/models/billing';",
    "import { Invoice } from '@/legacy/invoice';",
    "import { Invoice as I2 } from '@/db/legacy/invoice';",
    "import { X } from '@acme/legacy-entities';",
    "import { Y2, type Y3 } from '@acme/legacy-entities';",
    "import { Y4, X as X2 } from '@acme/legacy-entities';",
    "export { Y5 } from '@acme/legacy-entities';",
    "import { Y } from '@acme/entities';",
    "import { Z } from '@acme/legacy-entities/sub';",
    "export * from '@/models';",
    "import models from '@/models';",
    "const m = import('@/models/booking');",
    "const r = require('../models/station');",
    "jest.mock('@/models/social');",
    "const label = 'booking';",
    "const card = '@/models/booking-card';",
    'const dyn = import(name);',
    'const req = require(`../models/${name}`);',
    "/** @type {import('@/models/booking').Booking} */\nlet typed;",
    "type T = import('@/models/station').Station;",
    "import { UserCard } from '@/components/user-card';",
    "import { twin } from '@/components/booking';",
    "import { twin as t2 } from '@/db/social';",
    "import { twin as t3 } from '../db/social';",
    '// booking, station and social',
    'export const station = 1;',
  ];
  // the support repository's map, and the same without its package entry (then paths are told without the compiler)
  it.each([
    ['the support map', (map: string) => map],
    ['the support map without its package entry', (map: string) => map.replace(/  # a folder and everything in it\n  - from: src\/legacy\n    to: src\/db\/legacy\n    package: true\n/, '')],
    [
      'the support map without its package entry, its bare entry moving one name',
      (map: string) => map.replace(/  # a folder and everything in it\n  - from: src\/legacy\n    to: src\/db\/legacy\n    package: true\n/, '').replace("to: '@acme/entities'\n", "to: '@acme/entities'\n    names: [X]\n"),
    ],
  ])('never leaves out a file the rewrite would change or report on (%s)', async (_label, mapOf) => {
    const fc = require('fast-check') as typeof import('fast-check');
    const { mentionsAny } = require('../../src/languages/needles') as typeof import('../../src/languages/needles');
    const { SUPPORT_REPO, copyToTemp } = require('./support') as typeof import('./support');
    const repo = copyToTemp(SUPPORT_REPO);
    fs.writeFileSync(path.join(repo, 'map.yaml'), mapOf(fs.readFileSync(path.join(SUPPORT_REPO, 'map.yaml'), 'utf8')));
    // modules named like old ones that are not (a canonical twin's name)
    for (const twin of ['src/components/booking.ts', 'src/db/social/index.ts']) {
      fs.mkdirSync(path.dirname(path.join(repo, twin)), { recursive: true });
      fs.writeFileSync(path.join(repo, twin), 'export const twin = 1;\n');
    }
    const prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
    expect(!!prepared.mappedTargets).toBe(!fs.readFileSync(path.join(repo, 'map.yaml'), 'utf8').includes('package: true'));
    let dropped = 0;
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...lines), { minLength: 1, maxLength: 6 }), fc.constantFrom('src/app/consumer.ts', 'src/app/consumer.js', 'src/models/sibling.ts'), async (chosen, file) => {
        const text = `${chosen.join('\n')}\n`;
        if (mentionsAny(text, prepared.needles) && prepared.mayNeedEdit!(file, text)) {
          kept++;
          return;
        }
        dropped++;
        const result = await typescriptAdapter.planRewrite({ path: file, text }, prepared);
        if (result.kind === 'failed') return; // the generator's own syntax slip (a type in a .js file): nothing to plan
        const said = [...result.needsReview.map((item) => item.reason), ...result.notes.map((note) => note.message)];
        if (result.kind !== 'unchanged' || said.length) throw new Error(`left out, but the rewrite says ${result.kind} ${JSON.stringify(said)}:\n${text}`);
      }),
      { numRuns: 400, seed: 20261206 },
    );
    expect(dropped).toBeGreaterThan(40);
    expect(kept).toBeGreaterThan(40);
  });
});
