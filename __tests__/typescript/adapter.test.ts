import { syntaxErrorAfter } from '../../src/languages/typescript/syntax';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ImportMapError, UsageError } from '../../src/core/errors';
import { parseImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';
import { typescriptAdapter } from '../../src/languages/typescript';
import type { TypeScriptPreparedMap } from '../../src/languages/typescript';
import { applyEdits, copyToTemp, loadMap, SUPPORT_REPO, workspaceOf } from './support';

let repo: string;
beforeEach(() => {
  repo = copyToTemp(SUPPORT_REPO);
});
afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), text);
}

async function prepare(mapText?: string): Promise<TypeScriptPreparedMap> {
  const map = mapText ? resolveImportMap(parseImportMap(mapText, 'map.yaml')) : loadMap(path.join(repo, 'map.yaml'), 'map.yaml');
  return typescriptAdapter.prepare(map, workspaceOf(repo));
}

/** Prepared, and its names checked against the targets (what the plan does before the first file it parses). */
async function prepareAndCheck(mapText: string): Promise<TypeScriptPreparedMap> {
  const prepared = await prepare(mapText);
  await typescriptAdapter.checkTargets!(prepared);
  return prepared;
}

async function plan(file: string, text: string, prepared?: TypeScriptPreparedMap) {
  write(file, text);
  return typescriptAdapter.planRewrite({ path: file, text }, prepared ?? (await prepare()));
}

describe('owns', () => {
  it.each(['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.d.ts'])('%s', (file) => expect(typescriptAdapter.owns(file)).toBe(true));
  it.each(['a.py', 'a.json', 'a.md', 'a.css'])('not %s', (file) => expect(typescriptAdapter.owns(file)).toBe(false));
});

describe('prepare', () => {
  it('computes needles from the old modules', async () => {
    const prepared = await prepare();
    expect(prepared.needles).toEqual(expect.arrayContaining(['booking', 'station', 'social', 'payment', '@acme/legacy-entities', 'legacy']));
    expect(prepared.config.configFile).toBe(path.join(repo, 'tsconfig.json'));
  });

  it('names the entry whose module resolves to no file', async () => {
    const map = 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - from: src/models/booking\n    to: src/db/models/nowhere\n';
    await expect(prepare(map)).rejects.toThrow(ImportMapError);
    await expect(prepare(map)).rejects.toThrow("map.yaml:6: rewrite[0].to: 'src/db/models/nowhere' resolves to no file");
  });

  it('refuses a `to` module that visibly lacks a renamed name', async () => {
    const map = 'version: 1\nlanguage: typescript\nrewrite:\n  - from: src/models/station\n    to: src/db/models/identity\n    rename: { UserStationAssignment: Nobody }\n';
    // preparing parses no target: the names are checked before the first file is planned
    await expect(prepare(map)).resolves.toBeDefined();
    await expect(prepareAndCheck(map)).rejects.toThrow("rewrite[0].rename: 'src/db/models/identity' does not export 'Nobody'");
  });

  it('checks the names of an installed canonical package against its type declarations (issue 18, item 4)', async () => {
    write('node_modules/@acme/models/package.json', '{ "name": "@acme/models", "types": "index.d.ts" }\n');
    write('node_modules/@acme/models/index.d.ts', 'export declare class Booking {}\n');
    const map = (names: string) => `version: 1\nlanguage: typescript\nrewrite:\n  - { from: src/models/booking, to: "@acme/models", names: [${names}] }\n`;
    await expect(prepareAndCheck(map('Booking'))).resolves.toBeDefined();
    await expect(prepareAndCheck(map('Booking, Nobody'))).rejects.toThrow("map.yaml:4: rewrite[0].names: '@acme/models' does not export 'Nobody'");
    const unchecked = await prepare(map('Booking').replace('@acme/models', '@acme/elsewhere'));
    expect(typescriptAdapter.warnings!(unchecked)).toEqual(["map.yaml:4: rewrite[0].to: '@acme/elsewhere' has no type declarations or source remodel can read from here (not installed?): its names are unchecked"]);
  });

  it("checks the names of a package's `exports` subpath even when the root tsconfig resolves as node10 does (medusa's `@medusajs/framework/http`)", async () => {
    // node10 resolution reads no `exports`; the importers of a workspace package do (bundler, node16): the check may too
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true } }));
    write('node_modules/@acme/framework/package.json', '{ "name": "@acme/framework", "exports": { ".": "./dist/index.d.ts", "./logger": "./dist/logger.d.ts" } }\n');
    write('node_modules/@acme/framework/dist/index.d.ts', "export { logger } from './logger';\n");
    write('node_modules/@acme/framework/dist/logger.d.ts', 'export declare const logger: { info(message: string): void };\n');
    const map = (names: string) => `version: 1\nlanguage: typescript\nrewrite:\n  - { from: "@acme/framework", to: "@acme/framework/logger", names: [${names}] }\n`;
    const checked = await prepareAndCheck(map('logger'));
    expect(typescriptAdapter.warnings!(checked)).toEqual([]);
    await expect(prepareAndCheck(map('logger, nope'))).rejects.toThrow("map.yaml:4: rewrite[0].names: '@acme/framework/logger' does not export 'nope'");
  });

  it('goes on under a tsconfig whose `extends` is missing (as tsc does), saying so for each file it plans', async () => {
    write('tsconfig.json', JSON.stringify({ extends: './base/tsconfig.base.json', compilerOptions: {} }));
    const result = await plan('src/app.ts', "import { Booking } from './models/booking';\nexport const b = Booking;\n");
    expect(result.kind).toBe('changed');
    expect(result.kind !== 'failed' && result.needsReview.map((item) => item.reason)).toEqual([
      "resolved under tsconfig.json, which could not be read in full (Cannot read file 'base/tsconfig.base.json'.): the compiler may resolve this file's imports otherwise",
    ]);
  });

  it('follows `extends` for paths', async () => {
    write('config/tsconfig.base.json', JSON.stringify({ compilerOptions: { paths: { '#m/*': ['../src/models/*'], '#db/*': ['../src/db/models/*'] } } }));
    write('tsconfig.json', JSON.stringify({ extends: './config/tsconfig.base.json', compilerOptions: { moduleResolution: 'bundler', module: 'esnext' } }));
    const result = await plan('src/app.ts', "import { Booking } from '#m/booking';\nexport const b = Booking;\n");
    expect(result.kind).toBe('changed');
    if (result.kind === 'changed') expect(applyEdits("import { Booking } from '#m/booking';\nexport const b = Booking;\n", result.edits)).toContain("from '#db/core'");
  });
});

describe('planRewrite', () => {
  it('reports a TypeScript syntax error with line and column and plans nothing', async () => {
    const result = await plan('src/broken.ts', "import { Booking } from './models/booking';\nconst x = ;\n");
    expect(result).toMatchObject({ kind: 'failed', file: 'src/broken.ts', line: 2, column: 11 });
  });

  it('reports a JSX syntax error', async () => {
    const result = await plan('src/broken.tsx', "import { Booking } from './models/booking';\nexport const v = <div><span></div>;\n");
    expect(result).toMatchObject({ kind: 'failed', file: 'src/broken.tsx', line: 2 });
  });

  it('lists computed require/import() as needs review', async () => {
    const result = await plan('src/dyn.js', "const booking = 'booking';\nmodule.exports = require('./models/' + booking);\n");
    expect(result.kind).toBe('unchanged');
    expect(result.kind !== 'failed' && result.needsReview).toEqual([{ file: 'src/dyn.js', line: 2, reason: expect.stringContaining("computed require('./models/' + booking)"), unsure: true }]);
  });

  it('lists a mock of a partly moved module as needs review', async () => {
    const result = await plan('src/a.test.ts', "jest.mock('./models/social');\n");
    expect(result.kind !== 'failed' && result.needsReview[0]?.reason).toMatch(/mocks 'src\/models\/social', whose names SocialAccount, SocialIdentity move elsewhere/);
  });

  it('lists a namespace used as a whole and `export * as` of a partly moved module as needs review', async () => {
    const ns = await plan('src/ns.ts', "import * as social from './models/social';\nexport const all = [social, social.SocialAccount];\n");
    expect(ns.kind).toBe('unchanged');
    expect(ns.kind !== 'failed' && ns.needsReview.map((item) => `${item.line}: ${item.reason}`)).toEqual([
      "1: namespace 'social' of 'src/models/social' is used as a whole, and its names SocialAccount, SocialIdentity move elsewhere: rewrite by hand",
    ]);
    const star = await plan('src/star.ts', "export * as social from './models/social';\n");
    expect(star.kind !== 'failed' && star.needsReview[0]?.reason).toMatch(/export \* as social/);
  });

  it('aliases the import instead of renaming when the new name is taken, and says so', async () => {
    const result = await plan('src/taken.ts', "import { UserStationAssignment } from './models/station';\nconst StationUser = 1;\nexport const a = [UserStationAssignment, StationUser];\n");
    expect(result.kind === 'changed' && result.notes[0]?.message).toMatch(/'StationUser' is already a name in this file/);
  });

  it('counts stats by entry label', async () => {
    const result = await plan('src/stats.ts', "import { UserStationAssignment } from './models/station';\njest.mock('./models/station');\nexport const a: UserStationAssignment[] = [];\n");
    expect(result.kind === 'changed' && result.stats).toEqual({
      'src/models/station -> src/db/models/identity': { imports: 1, references: 1, strings: 1 },
    });
  });

  it('edits at UTF-16 offsets after astral characters', async () => {
    const text = "const s = '😀😀';\nimport { Booking } from './models/booking';\nexport { s, Booking };\n";
    const result = await plan('src/emoji.ts', text);
    expect(result.kind === 'changed' && applyEdits(text, result.edits)).toBe(text.replace('./models/booking', './db/models/core'));
  });

  it('resolves nodenext `.js` specifiers, index folders and package.json "type"', async () => {
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', rootDir: '.' } }));
    write('package.json', JSON.stringify({ type: 'module' }));
    const text = "import { Booking } from './models/booking.js';\nimport { Follower } from './models/index.js';\nexport { Booking, Follower };\n";
    const result = await plan('src/esm.ts', text);
    expect(result.kind === 'changed' && applyEdits(text, result.edits)).toBe(text.replace('./models/booking.js', './db/models/core.js'));
  });

  it('leaves properties, shadowing locals and other modules alone (scope)', async () => {
    const text = [
      "import { UserStationAssignment as A, UserStationAssignment } from './models/station';",
      'export class K { UserStationAssignment = 1; m() { return this.UserStationAssignment; } }',
      'export function f() { var UserStationAssignment = 2; return UserStationAssignment; }',
      'export function g() { for (const UserStationAssignment of [1]) return UserStationAssignment; return 0; }',
      'export function h() { try { return 1; } catch (UserStationAssignment) { return UserStationAssignment; } }',
      'export const arrow = (UserStationAssignment: number) => UserStationAssignment;',
      'export function t<UserStationAssignment>(x: UserStationAssignment): UserStationAssignment { return x; }',
      'export const used: UserStationAssignment | A = new UserStationAssignment("u", { code: "x" });',
      '',
    ].join('\n');
    const result = await plan('src/scope.ts', text);
    expect(result.kind).toBe('changed');
    const out = result.kind === 'changed' ? applyEdits(text, result.edits) : '';
    expect(out.split('\n')[0]).toBe("import { StationUser as A, StationUser } from './db/models/identity';");
    expect(out.split('\n').slice(1, 7)).toEqual(text.split('\n').slice(1, 7));
    expect(out.split('\n')[7]).toBe('export const used: StationUser | A = new StationUser("u", { code: "x" });');
  });
});

describe('the safety net: a rewrite that would not parse is never planned', () => {
  it('finds the syntax error an edit would make (an unquoted string export name) and none in a sound edit', () => {
    const text = "export { \"OldUser\" as \"weird name\" } from './old';\n";
    const start = text.indexOf('"OldUser"');
    const end = text.indexOf(' }');
    expect(syntaxErrorAfter('src/a.ts', text, [{ start, end, text: 'User as weird name' }])).toMatchObject({ line: 1 });
    expect(syntaxErrorAfter('src/a.ts', text, [{ start, end, text: 'User as "weird name"' }])).toBeUndefined();
  });
});
