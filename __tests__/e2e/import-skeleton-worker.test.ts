import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 17, the import-skeleton lever: on a tree where helper threads pay, oxc parses each TypeScript candidate in a
 * worker of its own and the rewrite plans the files whose edits lie in their imports from those statements alone. The
 * plan must be the one-thread plan (`--jobs 1`, no skeleton) to the byte, whatever the files hold, with one intended
 * difference: a file nested too deeply for the compiler's parser (its recursion on the JavaScript stack) whose edits
 * lie in its imports is rewritten, oxc having parsed it, where one thread lists it as not parsed. oxc's recursion runs
 * on the worker's stack, and a native stack overflow would take the whole process: a file nested deeper than that
 * stack holds is never sent to it.
 */
function typescriptTree(): string {
  const dir = temporaryFolder('remodel-skeleton-worker-');
  const write = (path: string, content: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2020', jsx: 'react' } }));
  write('src/legacy/user.ts', 'export interface User { id: number }\nexport const makeUser = (id: number): User => ({ id });\nexport const Role = 1;\n');
  write('src/db/user.ts', 'export interface User { id: number }\nexport const makeUser = (id: number): User => ({ id });\nexport const AccountRole = 1;\n');
  const forms = [
    (i: number) => `import { makeUser, type User } from '../legacy/user';\n\nexport const user${i}: User = makeUser(${i});\n`,
    (i: number) => `// users 😀\nimport * as users from '../legacy/user';\nexport { makeUser } from '../legacy/user';\nexport const u${i} = users.makeUser(${i});\n`,
    (i: number) => `import { Role } from '../legacy/user';\n\nexport function role${i}() {\n  return Role;\n}\n`,
    (i: number) => `import { makeUser } from '../legacy/user';\njest.mock('../legacy/user');\nexport const u${i} = makeUser(${i});\n`,
    (i: number) => `import { makeUser } from "../legacy/user";\r\nexport const later${i} = () => import('../legacy/user').then((m) => m.makeUser(${i}));\r\n`,
    (i: number) => `import type { User } from '../legacy/user';\nexport { type User };\nconst load = (name: string) => require(name);\nexport const u${i}: User = load('x');\n`,
  ];
  for (let i = 0; i < 1100; i++) {
    const name = `src/features/f${String(i).padStart(4, '0')}.ts`;
    write(name, i % 2 === 0 ? forms[(i / 2) % forms.length]!(i) : `export const value${i} = ${i};\n`);
  }
  write('src/odd/broken.ts', "import { makeUser } from '../legacy/user';\n\nexport const = makeUser(1);\n");
  for (const depth of [20_000, 1_000_000]) write(`src/odd/deep${depth}.ts`, `import { makeUser } from '../legacy/user';\nexport const x = ${'('.repeat(depth)}makeUser(1)${')'.repeat(depth)};\n`);
  write('map.yaml', 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: src/legacy/user, to: src/db/user, rename: { Role: AccountRole } }\n');
  git(['init', '-q', '-b', 'main'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before'], dir);
  return dir;
}

const cli = join(repoRoot, 'dist', 'bin', 'remodel.js');
const planIn = (dir: string, args: string[], hook?: string) => spawnSync(process.execPath, [...(hook ? ['--require', hook] : []), cli, 'plan', '--map', 'map.yaml', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

/**
 * A preload that appends a line per skeleton the worker sends back (its workerData holds the port it answers on), each
 * answer 3 ms late: the worker falls behind the main thread, which must wait for it.
 */
function countingHook(): { hook: string; skeletons: () => number } {
  const outside = temporaryFolder('remodel-skeleton-worker-log-');
  const log = join(outside, 'replies.log');
  const hook = join(outside, 'count-replies.js');
  writeFileSync(
    hook,
    `const threads = require('node:worker_threads');
if (!threads.isMainThread && threads.workerData && threads.workerData.replies) {
  const port = threads.workerData.replies;
  const post = port.postMessage.bind(port);
  port.postMessage = (message) => {
    if (message.skeleton) require('node:fs').appendFileSync(${JSON.stringify(log)}, message.id + '\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3);
    return post(message);
  };
}
`,
  );
  return { hook, skeletons: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').length : 0) };
}

describe('the import skeleton worker', () => {
  it('plans a large tree as one thread does, deep and broken files included, however late the worker answers', () => {
    const dir = typescriptTree();
    const single = planIn(dir, ['--jobs', '1']);
    expect(single.status).toBe(0);
    expect(single.stdout.match(/^diff --git /gm)).toHaveLength(550);
    expect(single.stderr).toMatch(/^ {2}src\/odd\/broken\.ts:3:\d+: /m);
    expect(single.stderr).toMatch(/^ {2}src\/odd\/deep20000\.ts:1:1: nests too deeply to parse/m);
    expect(single.stderr).toMatch(/^ {2}src\/odd\/deep1000000\.ts:1:1: nests too deeply to parse/m);

    const { hook, skeletons } = countingHook();
    const threaded = planIn(dir, [], hook);
    expect(threaded.status).toBe(single.status);
    expect(threaded.stdout).toMatch(/^diff --git a\/src\/odd\/deep20000\.ts[^]*?^-import \{ makeUser \} from '\.\.\/legacy\/user';\n\+import \{ makeUser \} from '\.\.\/db\/user';$/m);
    const withoutDeep = (patch: string) => patch.split(/^(?=diff --git )/m).filter((chunk) => !chunk.startsWith('diff --git a/src/odd/deep20000.ts ')).join('');
    expect(withoutDeep(threaded.stdout)).toBe(single.stdout);
    const summary = (stderr: string) => stderr.replace(/^ {2}src\/odd\/deep20000\.ts:.*\n/m, '').replace(/^(remodel: )\d+ files to change|^( {2}src\/legacy\/user -> src\/db\/user: )\d+ files, \d+ imports|^(not parsed, left untouched )\(\d+\)/gm, '$1$2$3');
    expect(summary(threaded.stderr)).toBe(summary(single.stderr));
    // the worker was there and answered every file sent (the 20,000-level file among them, never the deeper one): the
    // main thread waited for the late ones
    expect(skeletons()).toBeGreaterThan(500);
  });
});
