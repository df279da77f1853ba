import * as fs from 'node:fs';
import * as path from 'node:path';
// the project's own compiler (a devDependency), with the lib files the language service needs
import * as ts from 'typescript';
import { apply, plan } from '../../src';
import { typescriptAdapter } from '../../src/languages/typescript';
import { resolveImportMap } from '../../src/importmap/resolve';
import { loadImportMap } from '../../src/importmap/load';
import type { FileMove } from '../../src/core/types';
import { makeTempRepo } from '../support/tempRepo';
import { workspaceOf } from './support';

const TSCONFIG = '{ "compilerOptions": { "strict": true, "module": "ESNext", "moduleResolution": "Bundler", "paths": { "@/*": ["./src/*"] } } }\n';

function repoWith(files: Record<string, string>) {
  const repo = makeTempRepo();
  repo.write('tsconfig.json', TSCONFIG);
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  return repo;
}

const move = (from: string, to: string, entry = 0, folder = false): FileMove => ({ from, to, entry, folder });

describe('typescriptMoveRules', () => {
  it('derives one entry per moved file, unless the map rewrites the module (a shim of a module only relocated serves it from there)', () => {
    const repo = repoWith({
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': 'export const b = 1;\n',
      'src/c.ts': 'export const c = 1;\n',
      'src/canon.ts': 'export const a = 1;\nexport const c = 1;\n',
      'src/models/index.ts': 'export const m = 1;\n',
      'src/names.ts': 'export const n = 1;\nexport const keep = 1;\n',
      'src/data.json': '{}\n',
      'map.yaml': [
        'version: 1',
        'language: typescript',
        'rewrite:',
        '  - from: src/a',
        '    to: src/canon',
        '  - from: src/models', // the index module, named by its folder
        '    to: src/canon',
        '  - from: src/names',
        '    to: src/canon',
        '    names: [n]',
        '    rename: { n: a }',
        'shims:',
        '  - module: src/c',
        '',
      ].join('\n'),
    });
    try {
      const map = resolveImportMap(loadImportMap(path.join(repo.dir, 'map.yaml')));
      const rules = typescriptAdapter.moveRules!(
        map,
        [
          move('src/a.ts', 'old/a.ts'),
          move('src/b.ts', 'old/b.mts'),
          move('src/c.ts', 'old/c.ts'),
          move('src/models/index.ts', 'old/models/index.ts'),
          move('src/names.ts', 'old/names.ts'),
          move('src/data.json', 'old/data.json'),
        ],
        workspaceOf(repo.dir),
      );
      // b changes extension: its new id keeps it; c, only relocated, is followed (its shim serves it from old/c); a
      // name-level module still follows its file; JSON modules are named by their file
      expect(rules).toEqual([
        { from: 'src/b', to: 'old/b.mts' },
        { from: 'src/c', to: 'old/c' },
        { from: 'src/names', to: 'old/names' },
        { from: 'src/data.json', to: 'old/data.json' },
      ]);
    } finally {
      repo.dispose();
    }
  });
});

describe('move-files for TypeScript, through the pipeline', () => {
  it('a name-level module moves: its moved names go to the canonical module, the rest follow the file', async () => {
    const repo = repoWith({
      'src/canon.ts': 'export class Customer {}\n',
      'src/people.ts': "import { helper } from './util';\nexport class LegacyCustomer {}\nexport class GuestList { h = helper; }\n",
      'src/util.ts': 'export const helper = 1;\n',
      'src/app.ts': "import { GuestList, LegacyCustomer } from '@/people';\nexport const x = [new GuestList(), new LegacyCustomer()];\n",
      'map.yaml': [
        'version: 1',
        'language: typescript',
        'rewrite:',
        '  - from: src/people',
        '    to: src/canon',
        '    names: [LegacyCustomer]',
        '    rename: { LegacyCustomer: Customer }',
        'relocate:',
        '  - from: src/people.ts',
        '    to: src/old/people.ts',
        '',
      ].join('\n'),
    });
    try {
      const computed = await plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(computed.failures).toEqual([]);
      apply(computed);
      expect(repo.read('src/app.ts')).toBe("import { GuestList } from '@/old/people';\nimport { Customer } from '@/canon';\nexport const x = [new GuestList(), new Customer()];\n");
      expect(repo.read('src/old/people.ts')).toBe("import { helper } from '../util';\nexport class LegacyCustomer {}\nexport class GuestList { h = helper; }\n");
      const again = await plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(again.changes).toEqual([]);
    } finally {
      repo.dispose();
    }
  });

  it('a moved file that imports a file moved with it, and one that stays behind a shim, keeps both working', async () => {
    const repo = repoWith({
      'src/canon.ts': 'export class Booking {}\n',
      'src/m/booking.ts': 'export class Booking {}\n',
      'src/m/customer.ts': "import { Booking } from './booking';\nimport type { Tag } from './tag';\nexport class Customer { b = new Booking(); t?: Tag; }\n",
      'src/m/tag.ts': 'export type Tag = string;\n',
      'src/use.ts': "import { Customer } from './m/customer';\nimport { Booking } from './m/booking';\nexport const c = [new Customer(), new Booking()];\n",
      'map.yaml': [
        'version: 1',
        'language: typescript',
        'rewrite:',
        '  - from: src/m/booking',
        '    to: src/canon',
        'shims:',
        '  - module: src/m/booking',
        'relocate:',
        '  - from: src/m',
        '    to: src/archive/m',
        '',
      ].join('\n'),
    });
    try {
      const computed = await plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(computed.failures).toEqual([]);
      expect(computed.needsReview).toEqual([]);
      apply(computed);
      expect(repo.read('src/use.ts')).toBe("import { Customer } from './archive/m/customer';\nimport { Booking } from './canon';\nexport const c = [new Customer(), new Booking()];\n");
      // rewritten to the canonical module (the map moves booking), the sibling that moved along stays a sibling
      expect(repo.read('src/archive/m/customer.ts')).toBe("import { Booking } from '../../canon';\nimport type { Tag } from './tag';\nexport class Customer { b = new Booking(); t?: Tag; }\n");
      expect(repo.read('src/m/booking.ts')).toContain("} from '../canon';");
      expect(repo.read('src/archive/m/booking.ts')).toBe('export class Booking {}\n');
      const again = await plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(again.changes).toEqual([]);
    } finally {
      repo.dispose();
    }
  });
});

describe('move-files agrees with the TypeScript language service', () => {
  it("writes what getEditsForFileRename writes for a file's importers (alias, .js suffix, import()), and also follows jest.mock strings", async () => {
    const input = path.join(__dirname, '..', '..', '__testfixtures__', 'move-files', 'ts-esm-alias', 'input');
    const repo = makeTempRepo(input);
    try {
      repo.write('src/services/book.test.ts', "declare const jest: { mock(path: string): void };\njest.mock('../models/booking.js');\nexport {};\n");
      const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(repo.dir, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, repo.dir);
      const host: ts.LanguageServiceHost = {
        getScriptFileNames: () => parsed.fileNames,
        getScriptVersion: () => '1',
        getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
        getCurrentDirectory: () => repo.dir,
        getCompilationSettings: () => parsed.options,
        getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
        fileExists: ts.sys.fileExists,
        readFile: ts.sys.readFile,
      };
      const fileEdits = ts.createLanguageService(host).getEditsForFileRename(path.join(repo.dir, 'src/models/booking.ts'), path.join(repo.dir, 'src/models/DEPRECATED/booking.ts'), {}, {});
      const byLanguageService = new Map<string, string>();
      for (const edit of fileEdits) {
        let text = fs.readFileSync(edit.fileName, 'utf8');
        for (const change of [...edit.textChanges].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, change.span.start) + change.newText + text.slice(change.span.start + change.span.length);
        byLanguageService.set(path.relative(repo.dir, edit.fileName).split(path.sep).join('/'), text);
      }
      const computed = await plan({ cwd: repo.dir, maps: [path.join(repo.dir, 'map.yaml')], jobs: 1 });
      const byRemodel = new Map(computed.changes.map((c) => [c.movedFrom ?? c.path, c.after]));
      for (const [file, text] of byLanguageService) {
        if (file === 'src/services/book.test.ts') continue;
        expect([file, byRemodel.get(file)]).toEqual([file, text]);
      }
      // the language service leaves test-runner strings alone; remodel follows them
      expect(byLanguageService.has('src/services/book.test.ts')).toBe(false);
      expect(byRemodel.get('src/services/book.test.ts')).toContain("jest.mock('../models/DEPRECATED/booking.js');");
    } finally {
      repo.dispose();
    }
  });
});
