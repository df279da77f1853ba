import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, remodel } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 18, item 2: a folder move carries the whole folder, as a folder rename does: what git does not track in it
 * (a package's own node_modules/, a local .env) goes along, so the moved code's bare imports still resolve. The
 * plan says so, since a patch cannot carry untracked files.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = temporaryFolder('remodel-moves-');
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(['init', '-q', '-b', 'main'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'before'], dir);
  return dir;
}

describe('a folder move carries what git does not track in the folder', () => {
  it('an ignored node_modules/ goes along (an untracked file is planned like any other); the plan warns that a patch cannot carry it', () => {
    const dir = repo({
      '.gitignore': 'node_modules\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "CommonJS", "moduleResolution": "Node10", "noEmit": true, "types": [] } }\n',
      'packages/legacy/src/index.ts': "import { helper } from 'local-helper';\nexport const legacy = helper;\n",
      'packages/legacy/node_modules/local-helper/index.js': 'exports.helper = 1;\n',
      'packages/legacy/node_modules/local-helper/index.d.ts': 'export declare const helper: number;\n',
      'src/app.ts': "import { legacy } from '../packages/legacy/src';\nexport const app = legacy;\n",
      'map.yaml': 'version: 1\nlanguage: typescript\nroot: .\nrelocate:\n  - { from: packages/legacy, to: packages/archive/legacy }\n',
    });
    writeFileSync(join(dir, 'packages', 'legacy', 'notes.local'), 'untracked\n');
    const planned = remodel(['plan', '--map', 'map.yaml'], dir);
    expect(planned.status).toBe(0);
    expect(planned.stderr).toContain('map.yaml:5: relocate[0]: packages/legacy also holds what the plan does not list (packages/legacy/node_modules/): apply carries it along to packages/archive/legacy');
    const applied = remodel(['apply', '--map', 'map.yaml'], dir);
    expect(applied.status).toBe(0);
    expect(applied.stderr).toContain('carried along with their folders (not in the patch): packages/legacy/node_modules\n');
    expect(existsSync(join(dir, 'packages', 'legacy'))).toBe(false);
    expect(readFileSync(join(dir, 'packages', 'archive', 'legacy', 'node_modules', 'local-helper', 'index.js'), 'utf8')).toBe('exports.helper = 1;\n');
    expect(readFileSync(join(dir, 'packages', 'archive', 'legacy', 'notes.local'), 'utf8')).toBe('untracked\n');
    expect(readFileSync(join(dir, 'src', 'app.ts'), 'utf8')).toContain("from '../packages/archive/legacy/src'");
    // the moved code's bare import still resolves, so the project still compiles
    const tsc = require('node:child_process').spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });
});
