import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as api from '../../src';
import { run } from '../../src/cli';
import { git, makeGitRepo, remodel, repoRoot, snapshot } from '../support/cli';

/** A bad file costs that file, never the run (issue 15): each case runs the real CLI on a real git repository. */
const seedMap = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
const repos: string[] = [];
const pythonRepo = (files: Record<string, string | Buffer>): string => {
  const dir = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
  repos.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
};
afterAll(() => repos.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('a file that cannot be planned costs that file, never the run', () => {
  it('a file over --max-file-size is not parsed, is named with its size, and every other file is planned', () => {
    const big = `from models.booking import Booking\n${'VALUE = 1\n'.repeat(3000)}`;
    const dir = pythonRepo({ 'generated/big.py': big });
    const result = remodel(['plan', '--map', seedMap, '--max-file-size', '0.02'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/generated\/big\.py:1:1: not parsed: 0\.0 MB, over the 0\.0 MB limit \(--max-file-size\); left untouched/);
    expect(result.stdout).toContain('diff --git a/services/booking_service.py');
    expect(result.stdout).not.toContain('generated/big.py');
    expect(remodel(['plan', '--map', seedMap, '--max-file-size', '0.02', '--fail-on-error'], dir).status).toBe(4);
  });

  it('a file the parser gives up on (its WASM runs out of memory) fails alone: the next files get a new parser', () => {
    // 3 million statements: tree-sitter's WASM instance aborts at its 2 GiB limit (about 14 s); the file sorts first,
    // so that every other file is parsed after the abort, in the same thread
    const dir = pythonRepo({ 'aaa/big.py': `from models.booking import Booking\n${'x=1\n'.repeat(3_000_000)}` });
    const result = remodel(['plan', '--map', seedMap, '--max-file-size', '20', '--jobs', '1'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^ {2}aaa\/big\.py:1:1: the parser gave up on this file \(Aborted\(\), out of WASM memory\); left untouched$/m);
    expect(result.stderr).not.toMatch(/internal error|^Aborted/m);
    const reference = remodel(['plan', '--map', seedMap], pythonRepo({}));
    expect(result.stdout).toBe(reference.stdout);
  });

  it('a TS file nested too deeply for the parser fails alone, named with its reason', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    const depth = 20_000;
    writeFileSync(join(dir, 'src/services/deep.ts'), `import { Booking } from '@/legacy/entities/booking.entity';\nexport const x = ${'('.repeat(depth)}Booking${')'.repeat(depth)};\n`);
    const result = remodel(['plan', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^ {2}src\/services\/deep\.ts:1:1: nests too deeply to parse \(call stack exhausted\); left untouched$/m);
    expect(result.stdout).toContain('diff --git a/src/services/booking.service.ts');
  });

  it('a UTF-16 TS file (with its byte-order mark) is read as the compiler reads it: an importer is reported, not missed', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    writeFileSync(join(dir, 'src/services/wide.ts'), utf16("import { Booking } from '@/legacy/entities/booking.entity';\nexport const x = Booking;\n"));
    writeFileSync(join(dir, 'src/services/wide-quiet.ts'), utf16('export const y = 1;\n'));
    const result = remodel(['plan', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^ {2}src\/services\/wide\.ts:1:1: is UTF-16LE text, which a patch cannot carry \(git takes it for binary\): left untouched, edit it by hand$/m);
    expect(result.stderr).not.toContain('wide-quiet');
    expect(result.stdout).toContain('diff --git a/src/services/booking.service.ts');
  });

  it('a latin-1 file (PEP 263) is read as Python reads it: ignored when it imports nothing mapped, written back in latin-1 when it must change', () => {
    const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
    const quiet = latin1('# -*- coding: latin-1 -*-\nNAME = "caf\xe9"\n');
    const importer = latin1('# -*- coding: latin-1 -*-\nfrom models.booking import Booking\nNAME = "caf\xe9 \x80"\n');
    const dir = pythonRepo({ 'services/latin.py': quiet, 'services/latin_importer.py': importer });
    const patchFile = join(dir, '..', `${dir.split('/').pop()}.patch`);
    repos.push(patchFile);
    const result = remodel(['plan', '--map', seedMap, '--out', patchFile], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/latin/);
    const patch = readFileSync(patchFile);
    expect(patch.includes(latin1('+from db.models.core import Booking\n NAME = "caf\xe9 \x80"'))).toBe(true);
    expect(patch.includes(Buffer.from('services/latin.py'))).toBe(false);

    const byGit = makeGitRepo(dir);
    repos.push(byGit);
    git(['apply', patchFile], byGit);
    expect(remodel(['apply', '--map', seedMap], dir).status).toBe(0);
    const expected = latin1('# -*- coding: latin-1 -*-\nfrom db.models.core import Booking\nNAME = "caf\xe9 \x80"\n');
    expect(readFileSync(join(dir, 'services/latin_importer.py'))).toEqual(expected);
    expect(readFileSync(join(dir, 'services/latin.py'))).toEqual(quiet);
    expect(snapshot(byGit)).toEqual(snapshot(dir));
  });

  it('a file that is no text is reported when its bytes name an old module, and check fails on it (unless --allow-unparsed)', () => {
    const broken = Buffer.concat([Buffer.from('from models.booking import Booking\nX = "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]);
    const dir = pythonRepo({ 'services/broken.py': broken });
    const result = remodel(['plan', '--map', seedMap], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/services\/broken\.py:1:1: services\/broken\.py: not UTF-8 text \(and no coding declaration\): left untouched/);
    remodel(['apply', '--map', seedMap], dir);
    const check = remodel(['check', '--map', seedMap], dir);
    expect(check.status).toBe(4);
    expect(check.stdout).toMatch(/^services\/broken\.py:1: could not be checked: /m);
    expect(remodel(['check', '--map', seedMap, '--allow-unparsed'], dir).status).toBe(0);
  });

  it('a TS importer with an invalid UTF-8 byte is reported, not silently left out', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    writeFileSync(join(dir, 'src', 'bad-bytes.ts'), Buffer.concat([Buffer.from("import { Booking } from './legacy/entities/booking.entity';\nexport const s = '"), Buffer.from([0xc3, 0x28]), Buffer.from("';\nexport const b = Booking;\n")]));
    const result = remodel(['plan', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/src\/bad-bytes\.ts:1:1: src\/bad-bytes\.ts: not UTF-8 text/);
  });

  it('a file two maps cannot read is reported once', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    writeFileSync(join(dir, 'src', 'bad-bytes.ts'), Buffer.concat([Buffer.from("import { Booking } from './legacy/entities/booking.entity';\nexport const s = '"), Buffer.from([0xc3, 0x28]), Buffer.from("';\nexport const b = Booking;\n")]));
    const second = join(dir, 'second.yaml');
    writeFileSync(second, 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: src/legacy/entities/booking.entity, to: src/db/entities/booking.entity }\n');
    const result = remodel(['plan', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml'), '--map', second], dir);
    expect(result.status).toBe(0);
    expect(result.stderr.match(/src\/bad-bytes\.ts:1:1: src\/bad-bytes\.ts: not UTF-8 text/g)).toHaveLength(1);
  });

  it('a tsconfig that extends a package that is not installed degrades, as tsc does: its files are planned and listed as unsure', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'tsconfig.json'), JSON.stringify({ extends: '@tsconfig/docusaurus/tsconfig.json', include: ['.'] }));
    writeFileSync(join(dir, 'docs', 'page.ts'), "import { Booking } from '../src/legacy/entities/booking.entity';\nexport const b = Booking;\n");
    const result = remodel(['plan', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('diff --git a/docs/page.ts');
    expect(result.stderr).toMatch(/docs\/page\.ts:1: resolved under docs\/tsconfig\.json, which could not be read in full \(File '@tsconfig\/docusaurus\/tsconfig\.json' not found\.\)/);
  });
});

describe('an internal error is a bug, and says so', () => {
  it('exits 70 with one line, then the stack (never 1, the findings code, nor 2, bad input)', async () => {
    const spy = jest.spyOn(api, 'plan').mockRejectedValue(new TypeError('boom'));
    const err: string[] = [];
    try {
      const code = await run(['plan', '--cwd', repoRoot], { stdout: () => undefined, stderr: (text) => void err.push(text), stderrIsTTY: false });
      expect(code).toBe(70);
      expect(err.join('').split('\n')[0]).toBe('remodel: internal error (a bug, please report it): boom');
      expect(err.join('')).toContain('TypeError: boom');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('apply stops at a file boundary, never half-written', () => {
  it('a file edited while apply runs is not overwritten: apply stops there, says how far it got, and a second apply finishes', async () => {
    const dir = pythonRepo({});
    const computed = await api.plan({ cwd: dir, maps: [seedMap], jobs: 1 });
    const paths = computed.changes.filter((c) => !c.movedFrom && c.before !== null).map((c) => c.path);
    const victim = paths[paths.length - 1]!;
    const atomic = require('../../src/apply/atomic-write') as { writeFileAtomically: (path: string, bytes: Uint8Array, mode: number) => void };
    const real = atomic.writeFileAtomically;
    let calls = 0;
    const spy = jest.spyOn(atomic, 'writeFileAtomically').mockImplementation((path, bytes, mode) => {
      real(path, bytes, mode);
      // the user saves a file while apply is writing the others (the first write is apply's own record)
      if (++calls === 2) writeFileSync(join(dir, victim), '# edited meanwhile\n');
    });
    try {
      expect(() => api.apply(computed)).toThrow(new RegExp(`^${victim.replace(/[.]/g, '\\.')}: changed since the plan was computed; run plan again; wrote \\d+ of ${computed.changes.length} files; run apply again$`));
    } finally {
      spy.mockRestore();
    }
    expect(require('node:fs').readFileSync(join(dir, victim), 'utf8')).toBe('# edited meanwhile\n');
    expect(existsSync(join(dir, '.remodel-apply.json'))).toBe(false);
    const again = remodel(['apply', '--map', seedMap], dir);
    expect(again.status).toBe(0);
  });
});

describe('ignore rules as git applies them (issue 16)', () => {
  it('with --cwd a sub-folder, the parent .gitignore and .git/info/exclude are honoured', () => {
    const top = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
    repos.push(top);
    // the example becomes apps/backend of a bigger repository, whose own rules ignore generated code and a scratch folder
    const backend = join(top, 'apps', 'backend');
    mkdirSync(backend, { recursive: true });
    for (const entry of require('node:fs').readdirSync(top)) if (entry !== '.git' && entry !== 'apps') require('node:fs').renameSync(join(top, entry), join(backend, entry));
    writeFileSync(join(top, '.gitignore'), 'generated/\n');
    writeFileSync(join(top, '.git', 'info', 'exclude'), 'scratch.py\n');
    mkdirSync(join(backend, 'generated'));
    writeFileSync(join(backend, 'generated', 'client.py'), 'from models.booking import Booking\n');
    writeFileSync(join(backend, 'scratch.py'), 'from models.booking import Booking\n');
    const result = remodel(['plan', '--map', seedMap, '--cwd', backend], top);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('diff --git a/services/booking_service.py');
    expect(result.stdout).not.toContain('generated/client.py');
    expect(result.stdout).not.toContain('scratch.py');
    // a --cwd inside a folder the repository ignores (a scratch tree) was named on purpose: the rules above do not apply
    writeFileSync(join(top, '.gitignore'), 'generated/\napps/\n');
    expect(remodel(['plan', '--map', seedMap, '--cwd', backend], top).stdout).toContain('diff --git a/services/booking_service.py');
  });
});

describe('colour as the ecosystem agrees (issue 16)', () => {
  const summary = async (env: Record<string, string>, tty: boolean): Promise<string> => {
    const err: string[] = [];
    const dir = pythonRepo({});
    const code = await run(['plan', '--map', seedMap, '--cwd', dir, '--jobs', '1'], { stdout: () => undefined, stderr: (text) => void err.push(text), stderrIsTTY: tty, env });
    expect(code).toBe(0);
    return err.join('');
  };
  const ansi = /\u001b\[\d+m/;

  it('FORCE_COLOR colours off a terminal; NO_COLOR and TERM=dumb keep a terminal plain', async () => {
    expect(await summary({ FORCE_COLOR: '1' }, false)).toMatch(ansi);
    expect(await summary({}, false)).not.toMatch(ansi);
    expect(await summary({ NO_COLOR: '1' }, true)).not.toMatch(ansi);
    expect(await summary({ TERM: 'dumb' }, true)).not.toMatch(ansi);
  });
});

describe('Python that Python 3 would refuse is not rewritten (issue 16, item 7)', () => {
  it('a Python 2 print/exec statement or an unexpected indent fails that file, untouched, although tree-sitter recovers', () => {
    const dir = pythonRepo({
      'legacy/py2_print.py': 'from models.booking import Booking\nprint "booked", Booking\n',
      'legacy/py2_exec.py': 'from models.booking import Booking\nexec "b = Booking"\n',
      'legacy/indent.py': 'from models.booking import Booking\n\ndef f():\n    a = Booking\n      return a\n',
    });
    const result = remodel(['plan', '--map', seedMap], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/legacy\/(py2_print|py2_exec|indent)\.py/);
    expect(result.stderr).toContain('legacy/indent.py:5:7: does not parse: unexpected indent');
    expect(result.stderr).toContain('legacy/py2_exec.py:2:1: does not parse: Python 2 exec statement');
    expect(result.stderr).toContain('legacy/py2_print.py:2:1: does not parse: Python 2 print statement');
  });
});

describe('apply --patch applies a saved plan only to the content it was planned from (issue 15, item 6)', () => {
  const savedPlan = (dir: string): string => {
    const patchFile = join(dir, '..', `${dir.split('/').pop()}.patch`);
    repos.push(patchFile);
    expect(remodel(['plan', '--map', seedMap, '--out', patchFile], dir).status).toBe(0);
    return patchFile;
  };

  it('writes exactly what apply writes (moves, shims and rewrites), and a second time refuses', () => {
    const dir = pythonRepo({});
    const patchFile = savedPlan(dir);
    const byApply = pythonRepo({});
    expect(remodel(['apply', '--map', seedMap], byApply).status).toBe(0);
    const result = remodel(['apply', '--patch', patchFile], dir);
    expect(result.stderr).toMatch(/^remodel: applied .*: wrote \d+ file\(s\), created \d+, moved 1, deleted 0$/m);
    expect(result.status).toBe(0);
    expect(snapshot(dir)).toEqual(snapshot(byApply));
    const again = remodel(['apply', '--patch', patchFile], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/files differ from what the plan was made from: .*; nothing was written; run plan again$/m);
  });

  it('refuses when a file it touches changed or went away, naming each one, and writes nothing', () => {
    const dir = pythonRepo({});
    const patchFile = savedPlan(dir);
    writeFileSync(join(dir, 'api/deps.py'), `${readFileSync(join(dir, 'api/deps.py'), 'utf8')}# edited after the plan\n`);
    rmSync(join(dir, 'services/booking_service.py'));
    const before = snapshot(dir);
    const result = remodel(['apply', '--patch', patchFile], dir);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `remodel: ${patchFile}: 2 files differ from what the plan was made from: api/deps.py (changed since the plan was made), services/booking_service.py (no longer exists); nothing was written; run plan again`,
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file that is no patch, or a hunk cut short, is one line naming the patch and its line', () => {
    const dir = pythonRepo({});
    const patchFile = savedPlan(dir);
    const lines = readFileSync(patchFile, 'utf8').split('\n');
    const firstHunk = lines.findIndex((line) => line.startsWith('@@'));
    writeFileSync(patchFile, [...lines.slice(0, firstHunk + 2), 'diff --git a/x b/x', ''].join('\n'));
    const before = snapshot(dir);
    const cut = remodel(['apply', '--patch', patchFile], dir);
    expect(cut.status).toBe(2);
    expect(cut.stderr).toMatch(new RegExp(`^remodel: ${patchFile}:${firstHunk + 3}: hunk shorter than its header says\\n$`));
    writeFileSync(patchFile, 'hello\n');
    expect(remodel(['apply', '--patch', patchFile], dir).stderr).toMatch(/:1: expected 'diff --git', found 'hello': not a patch made by remodel plan/);
    expect(remodel(['apply', '--patch', join(dir, 'missing.patch')], dir).stderr).toMatch(/^remodel: --patch .*missing\.patch: cannot be read \(ENOENT\)$/m);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a rewrite whose `to` resolves to nothing is said (issue 16, item 6)', () => {
  it('a bare `to` that no node_modules, package.json or tsconfig path knows gets one warning naming the map line; a declared one none', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    writeFileSync(join(dir, 'm.yaml'), 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - from: src/legacy/entities/booking.entity\n    to: "@acme/nowhere/booking"\n');
    const result = remodel(['plan', '--map', 'm.yaml'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^remodel: warning: m\.yaml:6: rewrite\[0\]\.to: '@acme\/nowhere\/booking' resolves to no module .*: the \d+ rewritten file\(s\) would not resolve it$/m);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ts-app', dependencies: { '@acme/nowhere': '^1.0.0' } }));
    expect(remodel(['plan', '--map', 'm.yaml'], dir).stderr).not.toMatch(/resolves to no module/);
  });

  it('no warning for a bare `to` installed in node_modules that no package.json declares (a hoisted or linked package)', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    writeFileSync(join(dir, 'm.yaml'), 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - from: src/legacy/entities/booking.entity\n    to: "@acme/installed/booking"\n');
    mkdirSync(join(dir, 'node_modules', '@acme', 'installed', 'booking'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '@acme', 'installed', 'package.json'), JSON.stringify({ name: '@acme/installed', version: '1.0.0' }));
    writeFileSync(join(dir, 'node_modules', '@acme', 'installed', 'booking', 'index.d.ts'), 'export declare class Booking {}\n');
    const result = remodel(['plan', '--map', 'm.yaml'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/@acme\/installed\/booking/);
    expect(result.stderr).not.toMatch(/resolves to no module/);
  });
});

describe('a plan over a tree an apply left half-written says so', () => {
  it('warns while .remodel-apply.json is there', () => {
    const dir = pythonRepo({ '.remodel-apply.json': '{"version":1,"changes":[]}' });
    const result = remodel(['plan', '--map', seedMap], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^remodel: warning: an apply was interrupted here \(\.remodel-apply\.json\): this plan is of a half-written tree; run remodel apply to finish it$/m);
    const finished = remodel(['apply', '--map', seedMap], dir);
    expect(finished.stderr).toMatch(/^remodel: finished the apply that was interrupted: wrote 0 more file\(s\)/m);
    expect(remodel(['plan', '--map', seedMap], dir).stderr).not.toMatch(/interrupted/);
  });
});

describe('a package entry whose target lacks a submodule (issue 16, item 6)', () => {
  it('leaves that submodule\'s importers on it, with one warning naming it, instead of rewriting to a module that does not exist', () => {
    const dir = makeGitRepo(join(repoRoot, '__testfixtures__', 'rewrite-imports', '_repo.python'));
    repos.push(dir);
    rmSync(join(dir, 'db', 'models', 'legacy', 'billing.py'));
    writeFileSync(join(dir, 'db', 'models', 'legacy', '__init__.py'), '');
    writeFileSync(join(dir, 'app', 'pay.py'), 'from legacy.models.billing import Receipt\nimport legacy.models\n\nprint(Receipt, legacy.models)\n');
    const result = remodel(['plan', '--map', 'map.yaml'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^remodel: warning: map\.yaml:\d+: rewrite\[\d+\] \(package\): 'legacy\.models\.billing' has no counterpart 'db\.models\.legacy\.billing': its importers are left on it$/m);
    expect(result.stdout).not.toContain('+from db.models.legacy.billing import Receipt');
    expect(result.stdout).toContain('+import db.models.legacy');
  });
});
