import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from '@iarna/toml';
import { makeGitRepo, remodel, repoRoot } from '../support/cli';

/*
 * Issue 23, item 1: `remodel lint-config` writes the rule that forbids each old module in a linter the project
 * already runs. Judged by the real linters on the examples: before `apply` every static import of an old module is
 * flagged, after it none is; the canonical modules never are.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function eslint(dir: string): Array<{ file: string; line: number; message: string }> {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', 'src'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; message: string; fatal?: boolean }> }>;
  return report.flatMap((file) => file.messages.map((m) => {
    if (m.fatal || m.ruleId !== 'no-restricted-imports') throw new Error(`${file.filePath}: ${m.message}`);
    return { file: file.filePath.slice(dir.length + 1), line: m.line, message: m.message };
  }));
}

function pylint(dir: string): string[] {
  const result = spawnSync('pylint', ['--rcfile=remodel.pylintrc', '--disable=all', '--enable=deprecated-module', '--recursive=y', '--score=n', '--msg-template={path}:{line}: {msg}', '.'], { cwd: dir, encoding: 'utf8' });
  return result.stdout.split('\n').filter((line) => /^\S+\.py:\d+: /.test(line));
}

describe('lint-config', () => {
  it('eslint: no-restricted-imports flags every static import of an old module before apply, none after', () => {
    const map = join(repoRoot, 'import-maps', 'ts-app.yaml');
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    const config = remodel(['lint-config', '--format', 'eslint', '--map', map], dir);
    expect(config.status).toBe(0);
    writeFileSync(join(dir, 'remodel.eslint.json'), config.stdout);
    writeFileSync(
      join(dir, 'eslint.config.cjs'),
      `const parser = require(${JSON.stringify(require.resolve('@typescript-eslint/parser'))});\nmodule.exports = [{ files: ['**/*.ts'], languageOptions: { parser } }, ...require('./remodel.eslint.json')];\n`,
    );
    const before = eslint(dir);
    expect(before.map((m) => `${m.file}:${m.line}`).sort()).toEqual([
      'src/legacy/entities/index.ts:2',
      'src/services/booking.service.test.ts:2',
      'src/services/booking.service.ts:1',
      'src/services/booking.service.ts:2',
    ]);
    expect(before.find((m) => m.file === 'src/services/booking.service.ts' && m.line === 2)?.message).toContain('LegacyCustomer moved from src/legacy/entities/people to src/db/entities/customer.entity');
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(eslint(dir)).toEqual([]);
  });

  it('pylint: deprecated-module flags every import of an old module before apply, none after', () => {
    const map = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
    const dir = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
    dirs.push(dir);
    const config = remodel(['lint-config', '--format', 'pylint', '--map', map], dir);
    expect(config.status).toBe(0);
    writeFileSync(join(dir, 'remodel.pylintrc'), config.stdout);
    const before = pylint(dir);
    expect(before.length).toBeGreaterThan(10);
    expect(before.join('\n')).toContain("Deprecated module 'models.booking'");
    // the canonical modules are never flagged
    expect(before.join('\n')).not.toMatch(/Deprecated module 'db\./);
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(pylint(dir)).toEqual([]);
  });

  it('ruff: banned-api TOML that parses, modules and moved names with the canonical module in the message', () => {
    const map = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
    const result = remodel(['lint-config', '--format', 'ruff', '--map', map, '--cwd', join(repoRoot, 'examples', 'python-backend')], repoRoot);
    expect(result.status).toBe(0);
    const banned = (parseToml(result.stdout) as { lint: { 'flake8-tidy-imports': { 'banned-api': Record<string, { msg: string }> } } }).lint['flake8-tidy-imports']['banned-api'];
    expect(banned['models.booking']!.msg).toBe('models.booking moved to db.models.core: import from there (remodel)');
    expect(banned['models.social.SocialAccount']!.msg).toContain('to db.models.lead');
    expect(Object.keys(banned).some((key) => key.startsWith('db.'))).toBe(false);
  });
});
