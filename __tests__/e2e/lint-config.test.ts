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

function biome(dir: string): string[] {
  const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'biome'), ['lint', '--reporter=json', 'src'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { diagnostics: Array<{ category: string; message: string; location: { path: string; start: { line: number } } }> };
  return report.diagnostics.map((d) => {
    if (d.category !== 'lint/style/noRestrictedImports') throw new Error(`${d.location.path}: ${d.category} ${d.message}`);
    return `${d.location.path}:${d.location.start.line}`;
  });
}

function dependencyCruiser(dir: string): string[] {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> } };
  return report.summary.violations.map((v) => `${v.from} -> ${v.to}`).sort();
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
    expect(before.find((m) => m.file === 'src/services/booking.service.ts' && m.line === 2)?.message).toContain('LegacyCustomer (now Customer) moved from src/legacy/entities/people to src/db/entities/customer.entity');
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(eslint(dir)).toEqual([]);
  });

  it('biome: noRestrictedImports overrides flag every static import of an old module before apply, none after', () => {
    const map = join(repoRoot, 'import-maps', 'ts-app.yaml');
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    const config = remodel(['lint-config', '--format', 'biome', '--map', map], dir);
    expect(config.status).toBe(0);
    const fragment = JSON.parse(config.stdout) as { overrides: object[] };
    writeFileSync(join(dir, 'biome.json'), JSON.stringify({ linter: { enabled: true, rules: { preset: 'none' } }, ...fragment }));
    // Biome passes `export * from './people'` (it restricts LegacyCustomer only), unlike ESLint, and sees the dynamic import()
    expect(biome(dir).sort()).toEqual(['src/api/handlers.ts:11', 'src/legacy/entities/index.ts:2', 'src/services/booking.service.test.ts:2', 'src/services/booking.service.ts:1', 'src/services/booking.service.ts:2']);
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(biome(dir)).toEqual([]);
  });

  it('dependency-cruiser: forbidden rules on the resolved old files flag every importer however it spells it, none after apply', () => {
    const map = join(repoRoot, 'import-maps', 'ts-app.yaml');
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    const config = remodel(['lint-config', '--format', 'dependency-cruiser', '--map', map], dir);
    expect(config.status).toBe(0);
    expect(config.stdout).toContain('// not expressible in dependency-cruiser (name-level): LegacyCustomer (now Customer) moved');
    writeFileSync(join(dir, 'remodel.depcruise.cjs'), config.stdout);
    writeFileSync(join(dir, '.dependency-cruiser.cjs'), `module.exports = { forbidden: require('./remodel.depcruise.cjs').forbidden, options: { tsConfig: { fileName: 'tsconfig.json' }, doNotFollow: { path: 'node_modules' } } };\n`);
    expect(dependencyCruiser(dir)).toEqual([
      'src/api/handlers.ts -> src/legacy/entities/booking.entity.ts',
      'src/legacy/entities/index.ts -> src/legacy/entities/booking.entity.ts',
      'src/services/booking.service.test.ts -> src/legacy/entities/booking.entity.ts',
      'src/services/booking.service.ts -> src/legacy/entities/booking.entity.ts',
    ]);
    expect(remodel(['apply', '--map', map], dir).status).toBe(0);
    expect(dependencyCruiser(dir)).toEqual([]);
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
    expect(banned['models.social.SocialAccount']!.msg).toBe('SocialAccount (now BusinessSocialAccount) moved from models.social to db.models.lead: import from there (remodel)');
    expect(banned['core.auth.station_models']!.msg).toBe('core.auth.station_models moved to db.models.identity, renamed: UserStationAssignment (now StationUser): import from there (remodel)');
    expect(Object.keys(banned).some((key) => key.startsWith('db.'))).toBe(false);
  });

  it('import-linter: one forbidden contract per old module, read by configparser as import-linter reads it; sources never contain the old module', () => {
    const map = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
    const result = remodel(['lint-config', '--format', 'import-linter', '--map', map, '--cwd', join(repoRoot, 'examples', 'python-backend')], repoRoot);
    expect(result.status).toBe(0);
    // import-linter itself is on PyPI only (not installable here): its reader, configparser, is the judge of the syntax
    const read = spawnSync('/usr/bin/python3', ['-c', 'import configparser, json, sys\np = configparser.ConfigParser()\np.read_string(sys.stdin.read())\nprint(json.dumps({s: dict(p[s]) for s in p.sections()}))'], { input: result.stdout, encoding: 'utf8' });
    expect(read.status).toBe(0);
    const sections = JSON.parse(read.stdout) as Record<string, Record<string, string>>;
    const list = (value: string | undefined): string[] => (value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    expect(list(sections.importlinter!.root_packages)).toEqual(expect.arrayContaining(['models', 'db', 'core']));
    const contracts = Object.entries(sections).filter(([name]) => name.startsWith('importlinter:contract:')).map(([, contract]) => contract);
    expect(contracts.map((contract) => list(contract.forbidden_modules)).flat()).toEqual(['models.booking', 'models.customer', 'core.auth.station_models', 'models.lead', 'models.newsletter', 'models.escalation', 'models.call_recording', 'models.role']);
    for (const contract of contracts) {
      const old = list(contract.forbidden_modules)[0]!;
      expect(contract.type).toBe('forbidden');
      expect(contract.name).toContain(`${old} moved to db.`);
      const sources = list(contract.source_modules);
      // neither the old module nor a package that contains it (import-linter checks a source's descendants too)
      expect(sources.filter((source) => old === source || old.startsWith(`${source}.`))).toEqual([]);
      expect(sources).toContain('db');
    }
    // core.auth.station_models: core's other children, and auth's, are sources; core itself is not
    const station = contracts.find((contract) => contract.forbidden_modules!.includes('core.auth.station_models'))!;
    expect(list(station.source_modules)).not.toContain('core');
    expect(result.stdout).toContain('# not expressible in import-linter (name-level): SocialAccount (now BusinessSocialAccount), SocialIdentity (now CustomerSocialIdentity) moved from models.social to db.models.lead');
  });
});
