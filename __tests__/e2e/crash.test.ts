import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeGitRepo, remodel, repoRoot, snapshot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 15, item 5: `kill -9` at any moment of `apply` leaves every file as it was or as planned, never truncated or
 * mixed, and the next `apply` finishes the job. The kills land at random points of the write phase (from the moment
 * apply records what it will do); REMODEL_CRASH_KILLS sets how many (CI: a bounded few).
 */
const kills = Number(process.env.REMODEL_CRASH_KILLS ?? 16);
const seedMap = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
const bin = join(repoRoot, 'dist', 'bin', 'remodel.js');
const journal = '.remodel-apply.json';

/** The example backend with a few hundred more importers, so that the writes take long enough to be cut. */
function buildTree(): string {
  const dir = temporaryFolder('remodel-crash-');
  cpSync(join(repoRoot, 'examples', 'python-backend'), dir, { recursive: true });
  mkdirSync(join(dir, 'services', 'generated'), { recursive: true });
  writeFileSync(join(dir, 'services', 'generated', '__init__.py'), '');
  for (let i = 0; i < 300; i++) {
    const body = `"""Generated importer ${i}."""\nfrom models.booking import Booking\nfrom models.user import User as Account\n\n\ndef find_${i}(session):\n    return session.query(Booking).join(Account).limit(${i + 1}).all()\n${'# padding\n'.repeat(i % 50)}`;
    writeFileSync(join(dir, 'services', 'generated', `importer_${i}.py`), body);
  }
  return dir;
}

/**
 * Runs apply and kills it `delay` ms after it recorded its intent (never, without a delay); tells whether the kill cut
 * it and how long it wrote.
 */
function applyAndKill(dir: string, delay?: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<{ cut: boolean; writing: number; status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'apply', '--map', seedMap], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let [recorded, removed] = [0, 0];
    child.on('close', (status, killedBy) => {
      clearInterval(poll);
      resolve({ cut: killedBy === 'SIGKILL', writing: (removed || Date.now()) - recorded, status, stderr });
    });
    const poll = setInterval(() => {
      const exists = existsSync(join(dir, journal));
      if (!recorded && exists) {
        recorded = Date.now();
        if (delay !== undefined) setTimeout(() => child.exitCode === null && child.kill(signal), delay);
      } else if (recorded && !removed && !exists) removed = Date.now();
    }, 1);
  });
}

describe('kill -9 during apply (issue 15, item 5)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it(`leaves every file as it was or as planned, and a second apply finishes (${kills} kills)`, async () => {
    const template = buildTree();
    dirs.push(template);
    const original = snapshot(template);
    const reference = makeGitRepo(template);
    dirs.push(reference);
    const { writing } = await applyAndKill(reference);
    const planned = snapshot(reference);
    expect(Object.keys(planned).filter((path) => planned[path] !== original[path]).length).toBeGreaterThan(300);

    let cut = 0;
    for (let k = 0; k < kills; k++) {
      const dir = makeGitRepo(template);
      dirs.push(dir);
      const { cut: wasCut } = await applyAndKill(dir, Math.floor(Math.random() * writing));
      const after = snapshot(dir);
      const temporaries = Object.keys(after).filter((path) => /(^|\/)\.[^/]+\.remodel-\d+\.tmp$/.test(path) || path === journal);
      const mixed = Object.keys({ ...original, ...planned, ...after }).filter((path) => !temporaries.includes(path) && after[path] !== original[path] && after[path] !== planned[path]);
      expect(mixed).toEqual([]);
      if (wasCut && existsSync(join(dir, journal))) cut++;

      const again = remodel(['apply', '--map', seedMap], dir);
      if (again.status !== 0) throw new Error(`the second apply exited ${again.status} after a kill at ${wasCut ? 'a write' : 'the end'}:\n${again.stderr}`);
      expect(snapshot(dir)).toEqual(planned);
      rmSync(dir, { recursive: true, force: true });
    }
    if (process.env.REMODEL_CRASH_KILLS) process.stderr.write(`crash test: ${kills} kills, ${cut} inside the writes, every tree finished by a second apply\n`);
    // most kills land inside the writes (the rest after the last one)
    expect(cut).toBeGreaterThan(kills / 4);
  }, 60_000 + kills * 8_000);
});

describe('SIGINT / SIGTERM during apply (issue 16, item 2)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s stops the writes at a file boundary, says how far it got, exits %i; a second apply finishes', async (signal, code) => {
    const template = buildTree();
    dirs.push(template);
    const original = snapshot(template);
    const reference = makeGitRepo(template);
    dirs.push(reference);
    const first = await applyAndKill(reference);
    const planned = snapshot(reference);
    // the shorter of two full runs' writes: one slowed by the machine would put the signal after the last write
    const second = makeGitRepo(template);
    dirs.push(second);
    const writing = Math.min(first.writing, (await applyAndKill(second)).writing);
    const dir = makeGitRepo(template);
    dirs.push(dir);
    const run = await applyAndKill(dir, Math.floor(writing / 3), signal);
    expect(run.status).toBe(code);
    const line = run.stderr.trim().split('\n').pop();
    expect(line).toMatch(new RegExp(`^remodel: interrupted by ${signal}: wrote (\\d+) of (\\d+) files; run apply again$`));
    const [, done, total] = /wrote (\d+) of (\d+)/.exec(line!)!;
    expect(Number(done)).toBeGreaterThan(0);
    expect(Number(done)).toBeLessThan(Number(total));
    const after = snapshot(dir);
    expect(Object.keys(after).filter((path) => after[path] !== original[path] && after[path] !== planned[path])).toEqual([]);
    expect(existsSync(join(dir, journal))).toBe(false);
    expect(remodel(['apply', '--map', seedMap], dir).status).toBe(0);
    expect(snapshot(dir)).toEqual(planned);
  }, 120_000);
});
