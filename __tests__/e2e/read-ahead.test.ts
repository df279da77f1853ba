import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 17, the read-ahead lever: on a tree of 1,000 files or more a worker thread reads every file and hands back only
 * those that contain a string of the scan's gate (for TypeScript, a needle), while the main thread plans what it
 * found. The plan must be the one-thread plan (`--jobs 1`) whatever the files hold: importers, files that only spell
 * a needle elsewhere, UTF-16 and non-UTF-8 files that name the old module (reported, never rewritten), a file with
 * a byte-order mark, an unreadable one. A preload counts the worker's messages: it must have been used.
 */
function typescriptTree(): string {
  const dir = temporaryFolder('remodel-read-ahead-');
  const write = (path: string, content: string | Buffer): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2020' } }));
  write('src/legacy/user.ts', 'export interface User { id: number }\nexport const makeUser = (id: number): User => ({ id });\n');
  write('src/db/user.ts', 'export interface User { id: number }\nexport const makeUser = (id: number): User => ({ id });\n');
  for (let i = 0; i < 1200; i++) {
    const name = `src/features/f${String(i).padStart(4, '0')}.ts`;
    if (i % 9 === 0) write(name, `import { makeUser, type User } from '../legacy/user';\n\nexport const user${i}: User = makeUser(${i});\n`);
    else if (i % 9 === 1) write(name, `// the user card, not the user module\nexport const UserCard${i} = 'user';\n`);
    else if (i % 9 === 2) write(name, `\uFEFFimport { makeUser } from '../legacy/user';\n\nexport const u${i} = makeUser(${i});\n`);
    else write(name, `export const value${i} = ${i};\n`);
  }
  write('src/odd/utf16.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`import { makeUser } from '../legacy/user';\nexport const u = makeUser(1);\n`, 'utf16le')]));
  write('src/odd/latin1.ts', Buffer.from(`// caf\xe9\nimport { makeUser } from '../legacy/user';\nexport const u = makeUser(2);\n`, 'latin1'));
  write('map.yaml', 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: src/legacy/user, to: src/db/user }\n');
  git(['init', '-q', '-b', 'main'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before'], dir);
  return dir;
}

/**
 * A Django project whose old app's models are named by label and by bare name in files that never spell the needle
 * (`models`): only the gate's labels and folders bring them to the scan.
 */
function djangoTree(): string {
  const dir = temporaryFolder('remodel-read-ahead-py-');
  cpSync(join(repoRoot, '__testfixtures__/rewrite-imports/python-django-lazy-references/input'), dir, { recursive: true });
  writeFileSync(join(dir, 'map.yaml'), 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: legacy.models, to: core.models }\n');
  writeFileSync(join(dir, 'legacy/refs.py'), 'from billing.fields import ForeignKey\n\n\nclass Visit:\n    booking = ForeignKey("Booking", on_delete=None)\n');
  writeFileSync(join(dir, 'billing/fields.py'), 'def ForeignKey(to, on_delete):\n    return (to, on_delete)\n');
  mkdirSync(join(dir, 'pad'));
  writeFileSync(join(dir, 'pad/__init__.py'), '');
  for (let i = 0; i < 1100; i++) writeFileSync(join(dir, `pad/pad_${String(i).padStart(4, '0')}.py`), `VALUE = ${i}\n`);
  git(['init', '-q', '-b', 'main'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before'], dir);
  return dir;
}

const cli = join(repoRoot, 'dist', 'bin', 'remodel.js');
const planIn = (dir: string, args: string[], hook?: string) => spawnSync(process.execPath, [...(hook ? ['--require', hook] : []), cli, 'plan', '--map', 'map.yaml', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

/** A preload that appends, per message of the read-ahead worker, how many files it handed back. */
function countingHook(): { hook: string; hits: () => number } {
  const outside = temporaryFolder('remodel-read-ahead-log-');
  const log = join(outside, 'messages.log');
  const hook = join(outside, 'count-messages.js');
  writeFileSync(
    hook,
    `const threads = require('node:worker_threads');
// the read-ahead worker's data is its folder alone (a pool worker's names its task module)
if (!threads.isMainThread && threads.workerData && !('module' in threads.workerData)) {
  const post = threads.parentPort.postMessage.bind(threads.parentPort);
  threads.parentPort.postMessage = (message, transfer) => {
    require('node:fs').appendFileSync(${JSON.stringify(log)}, message.hits.length + '\\n');
    return post(message, transfer);
  };
}
`,
  );
  return { hook, hits: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map(Number).reduce((a, b) => a + b, 0) : -1) };
}

describe('the read-ahead worker', () => {
  it('plans a large tree as one thread does', () => {
    const dir = typescriptTree();
    const run = (args: string[], hook?: string) => planIn(dir, args, hook);
    const single = run(['--jobs', '1']);
    expect(single.status).toBe(0);
    expect(single.stdout.match(/^diff --git /gm)).toHaveLength(134 + 134);
    expect(single.stderr).toMatch(/src\/odd\/utf16\.ts:1:1: is UTF-16LE text/);
    expect(single.stderr).toMatch(/src\/odd\/latin1\.ts:1:1: src\/odd\/latin1\.ts: not UTF-8 text/);

    const { hook, hits } = countingHook();
    const read = run([], hook);
    expect(read.stderr).toBe(single.stderr);
    expect(read.stdout).toBe(single.stdout);
    expect(read.status).toBe(single.status);
    // the worker handed back the importers, the files spelling a needle elsewhere and the odd ones, not the 800 others
    expect(hits()).toBe(3 * 134 + 2);
  });

  it('a worker that fails midway leaves the rest of the scan to the main thread: the same plan', () => {
    const dir = typescriptTree();
    const single = planIn(dir, ['--jobs', '1']);
    const outside = temporaryFolder('remodel-read-ahead-crash-');
    const hook = join(outside, 'crash.js');
    writeFileSync(
      hook,
      `const threads = require('node:worker_threads');
if (!threads.isMainThread && threads.workerData && !('module' in threads.workerData)) {
  const post = threads.parentPort.postMessage.bind(threads.parentPort);
  let sent = 0;
  threads.parentPort.postMessage = (message, transfer) => {
    if (++sent === 3) throw new Error('the read-ahead worker fails here');
    return post(message, transfer);
  };
}
`,
    );
    const read = planIn(dir, [], hook);
    expect(read.stderr).toBe(single.stderr);
    expect(read.stdout).toBe(single.stdout);
    expect(read.status).toBe(single.status);
  });

  it('brings Django references by label or bare name to the scan without the needle', () => {
    const dir = djangoTree();
    const single = planIn(dir, ['--jobs', '1']);
    expect(single.status).toBe(0);
    expect(single.stdout).toMatch(/^\+AUTH_USER_MODEL = "platform\.Member"$/m);
    expect(single.stdout).toMatch(/^\+    booking = ForeignKey\("platform\.Booking", on_delete=None\)$/m);
    const { hook, hits } = countingHook();
    const read = planIn(dir, [], hook);
    expect(read.stderr).toBe(single.stderr);
    expect(read.stdout).toBe(single.stdout);
    expect(hits()).toBeGreaterThan(0);
    expect(hits()).toBeLessThan(100);
  });
});
