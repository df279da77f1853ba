import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot, snapshot } from '../support/cli';

/*
 * Issue 16: a TypeScript file that passes `prettier --check` under the project's own prettier and settings before
 * the rewrite still passes after (a shorter specifier joins a wrapped import again, a longer one wraps; moved files
 * and new shims are laid out by it too). A file prettier would change already, or one .prettierignore names, keeps
 * the rewrite's own lines; a project without prettier installed keeps them everywhere.
 */
const example = join(repoRoot, 'examples', 'ts-app');
const map = join(repoRoot, 'import-maps', 'ts-app.yaml');
const prettierBin = join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function prettier(args: readonly string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [prettierBin, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const messy = "import {Booking} from '../legacy/entities/booking.entity'\nexport const   messy = new Booking()\n";
const longImport = "import { Booking, type BookingStatus } from '../legacy/entities/booking.entity';\n";
const ignored = `${longImport}export const status: BookingStatus = 'pending';\nexport const ignored = new Booking();\n`;

/** The TypeScript example with the project's own prettier installed and every file formatted by it, committed. */
function formattedExample(config: string): string {
  const dir = makeGitRepo(example);
  dirs.push(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(repoRoot, 'node_modules', 'prettier'), join(dir, 'node_modules', 'prettier'), 'dir');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  writeFileSync(join(dir, '.prettierrc.json'), config);
  writeFileSync(join(dir, '.prettierignore'), 'src/generated\n');
  expect(prettier(['--write', 'src'], dir).status).toBe(0);
  mkdirSync(join(dir, 'src', 'generated'));
  writeFileSync(join(dir, 'src', 'generated', 'ignored.ts'), ignored);
  writeFileSync(join(dir, 'src', 'services', 'messy.ts'), messy);
  git(['add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'prettier'], dir);
  expect(prettier(['--list-different', 'src'], dir).stdout.trim()).toBe('src/services/messy.ts');
  return dir;
}

describe('rewritten TypeScript files keep the project’s prettier layout', () => {
  it.each([
    ['printWidth 60, single quotes', '{ "printWidth": 60, "singleQuote": true }\n'],
    ['the defaults (double quotes, printWidth 80)', '{}\n'],
    ['tabs, no semicolons, printWidth 50', '{ "useTabs": true, "semi": false, "printWidth": 50 }\n'],
  ])('%s: every file prettier-clean before is clean after apply, moved files and new shims included', (_name, config) => {
    const dir = formattedExample(config);
    const planned = remodel(['plan', '--map', map], dir);
    expect(planned.status).toBe(0);
    const applied = remodel(['apply', '--map', map], dir);
    expect(applied.status).toBe(0);
    expect(prettier(['--list-different', 'src'], dir).stdout.trim()).toBe('src/services/messy.ts');

    // the patch is what apply wrote, and a second plan has nothing left to do
    const after = snapshot(dir);
    git(['stash', '-u', '-q'], dir);
    git(['apply'], dir, planned.stdout);
    expect(snapshot(dir)).toEqual(after);
    expect(remodel(['plan', '--map', map], dir).stdout).not.toContain('diff --git');
  });

  it('a file prettier would change already, or one .prettierignore names, keeps the rewrite’s own lines', () => {
    const dir = formattedExample('{ "printWidth": 60, "singleQuote": true }\n');
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'src', 'services', 'messy.ts'), 'utf8')).toBe(messy.replace('legacy/entities', 'db/entities'));
    expect(readFileSync(join(dir, 'src', 'generated', 'ignored.ts'), 'utf8')).toBe(ignored.replace('legacy/entities', 'db/entities'));
  });

  it('a shorter specifier joins the import prettier had wrapped', () => {
    // 79 characters before, 75 after
    const dir = formattedExample('{ "printWidth": 77, "singleQuote": true }\n');
    const service = join(dir, 'src', 'services', 'booking.service.ts');
    expect(readFileSync(service, 'utf8')).toContain("import {\n  Booking,\n  type BookingStatus,\n} from '@/legacy/entities/booking.entity';\n");
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(readFileSync(service, 'utf8')).toMatch(/^import \{ Booking, type BookingStatus \} from '@\/db\/entities\/booking\.entity';\n/);
  });

  it('a project without prettier installed keeps the rewrite’s own lines', () => {
    const dir = formattedExample('{ "printWidth": 60, "singleQuote": true }\n');
    rmSync(join(dir, 'node_modules'), { recursive: true });
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'src', 'services', 'booking.service.ts'), 'utf8')).toContain("import {\n  Booking,\n  type BookingStatus,\n} from '@/db/entities/booking.entity';\n");
  });
});
