import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, remodel, repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 17, the pool: `--jobs 2` plans part of the candidates in a worker thread. The worker loads the CLI's bundle
 * (cli.test.ts checks which module), is sent chunks once it has opened its session and is kept a chunk ahead, so that
 * it plans while this thread plans its own. A preload (given to the worker too, as Node passes execArgv on) counts the
 * chunks each worker replied with: the worker must have planned some, and the patch must be the one-thread patch.
 */
function pythonTree(files: number): string {
  const dir = temporaryFolder('remodel-pool-');
  const write = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('app/__init__.py', '');
  write('app/legacy/__init__.py', '');
  write('app/legacy/models.py', 'class Booking:\n    pass\n\n\nclass Venue:\n    pass\n');
  write('app/core/__init__.py', '');
  write('app/core/models.py', 'class Booking:\n    pass\n\n\nclass Venue:\n    pass\n');
  write('app/services/__init__.py', '');
  const body = Array.from({ length: 40 }, (_, i) => `\n\ndef handler_${i}(booking: Booking, venue: Venue) -> str:\n    """Handles case ${i}."""\n    return f"{booking!r} at {venue!r}: ${i}"\n`).join('');
  for (let i = 0; i < files; i++) write(`app/services/service_${String(i).padStart(4, '0')}.py`, `import os\n\nfrom app.legacy.models import Booking, Venue\n${body}`);
  write('map.yaml', 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: app.legacy.models, to: app.core.models }\n');
  git(['init', '-q', '-b', 'main'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before'], dir);
  return dir;
}

describe('the worker pool (--jobs 2)', () => {
  it('plans chunks in a worker thread and prints the one-thread patch', () => {
    const dir = pythonTree(600);
    const single = remodel(['plan', '--map', 'map.yaml', '--jobs', '1'], dir);
    expect(single.status).toBe(0);
    expect(single.stdout.match(/^diff --git /gm)).toHaveLength(600);

    const outside = temporaryFolder('remodel-pool-log-');
    const log = join(outside, 'chunks.log');
    const hook = join(outside, 'count-chunks.js');
    writeFileSync(
      hook,
      `const threads = require('node:worker_threads');
if (!threads.isMainThread) {
  const post = threads.parentPort.postMessage.bind(threads.parentPort);
  threads.parentPort.postMessage = (message) => {
    if (message && 'output' in message) require('node:fs').appendFileSync(${JSON.stringify(log)}, threads.threadId + '\\n');
    return post(message);
  };
}
`,
    );
    const pooled = spawnSync(process.execPath, ['--require', hook, join(repoRoot, 'dist', 'bin', 'remodel.js'), 'plan', '--map', 'map.yaml', '--jobs', '2'], { cwd: dir, encoding: 'utf8' });
    expect(pooled.stderr).toBe(single.stderr);
    expect(pooled.stdout).toBe(single.stdout);
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8').trim().split('\n').length).toBeGreaterThan(0);
  });
});
