import { spawnSync } from 'node:child_process';
import { cpSync, chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot, snapshot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

const example = join(repoRoot, 'examples', 'python-backend');
const seedMap = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
const repos: string[] = [];
const fresh = (): string => {
  const dir = makeGitRepo(example);
  repos.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of repos) rmSync(dir, { recursive: true, force: true });
});

describe('remodel plan / apply on a real git repository', () => {
  it('prints a patch that git apply turns into exactly what apply writes, and a second plan is empty', () => {
    const planned = fresh();
    const applied = fresh();
    chmodSync(join(applied, 'workers', 'reminders.py'), 0o755);
    chmodSync(join(planned, 'workers', 'reminders.py'), 0o755);

    const plan = remodel(['plan', '--map', seedMap], planned);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/^diff --git a\/api\//);
    expect(plan.stderr).toMatch(/files? to change/);
    git(['apply', '--whitespace=nowarn', '-'], planned, plan.stdout);

    const apply = remodel(['apply', '--map', seedMap], applied);
    expect(apply.status).toBe(0);
    expect(apply.stdout).toBe('');
    expect(snapshot(planned)).toEqual(snapshot(applied));
    expect(statSync(join(applied, 'workers', 'reminders.py')).mode & 0o777).toBe(0o755);

    const again = remodel(['plan', '--map', seedMap, '--exit-code'], applied);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
  });

  it('keeps CRLF and BOM files byte-exact through git apply', () => {
    const dir = fresh();
    const before = readFileSync(join(dir, 'workers', 'newsletter.py'));
    expect(before.includes('\r\n')).toBe(true);
    git(['apply', '-'], dir, remodel(['plan', '--map', seedMap], dir).stdout);
    const after = readFileSync(join(dir, 'workers', 'newsletter.py'), 'utf8');
    expect(after.split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
    expect(readFileSync(join(dir, 'services', 'review_service.py')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('plan --exit-code exits 1 when there are changes; check exits 1 while old imports remain and 0 after apply', () => {
    const dir = fresh();
    expect(remodel(['plan', '--map', seedMap, '--exit-code'], dir).status).toBe(1);
    const check = remodel(['check', '--map', seedMap], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^services\/booking_service\.py:\d+: still imports an old module \(models\.booking -> db\.models\.core; models\.customer -> db\.models\.core\)$/m);
    remodel(['apply', '--map', seedMap], dir);
    const after = remodel(['check', '--map', seedMap], dir);
    expect(after.status).toBe(0);
    expect(after.stdout).toBe('');
    // what is left is needs-review only (computed importlib names), reported on stderr with file:line
    expect(after.stderr).toMatch(/needs review: workers\/registry\.py:\d+: /);
  });

  it('check fails on a use of an old module that remodel left for review (a JSDoc @import it cannot split), and says where', () => {
    const dir = makeGitRepo(join(repoRoot, '__testfixtures__', 'rewrite-imports', 'ts-jsdoc-import-tags', 'output'));
    try {
      const check = remodel(['check', '--map', 'map.yaml'], dir);
      expect(check.status).toBe(1);
      expect(check.stdout.split('\n').filter(Boolean)).toEqual([
        "src/greet.js:3: still uses an old module (needs review): JSDoc '@import' of 'src/legacy/roles' whose names go to different modules (or stay): split it by hand",
        "src/names.js:1: still uses an old module (needs review): JSDoc '@import * as users' of 'src/legacy/users', whose names move or are renamed: rewrite the types that use it by hand",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--version prints the package version and exits 0', () => {
    const result = remodel(['--version'], repoRoot);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('completion prints a shell completion script that completes the commands', () => {
    const script = remodel(['completion'], repoRoot);
    expect(script.status).toBe(0);
    expect(script.stdout).toContain('remodel completion >> ~/.bashrc');
    const words = remodel(['--get-yargs-completions', 'remodel', ''], repoRoot);
    expect(words.stdout.split('\n')).toEqual(expect.arrayContaining(['plan', 'apply', 'check', 'lint-config']));
  });

  it('check --format github and --format sarif report the same findings as the text, with file and line', () => {
    const dir = fresh();
    const text = remodel(['check', '--map', seedMap], dir);
    const offenders = text.stdout.split('\n').filter(Boolean);
    expect(offenders.length).toBeGreaterThan(10);
    const github = remodel(['check', '--map', seedMap, '--format', 'github'], dir);
    expect(github.status).toBe(1);
    const annotations = github.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(annotations).toHaveLength(offenders.length);
    expect(annotations[0]).toMatch(/^::error file=[^,]+,line=\d+,title=remodel%3A [^:]+::\S/);
    const sarif = JSON.parse(remodel(['check', '--map', seedMap, '--format', 'sarif'], dir).stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    expect(sarif.version).toBe('2.1.0');
    const errors = sarif.runs[0]!.results.filter((result) => result.level === 'error');
    expect(errors).toHaveLength(offenders.length);
    const first = offenders[0]!.match(/^(.+?):(\d+): /)!;
    expect(errors.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine}`)).toContain(`${first[1]}:${first[2]}`);
  });

  it('plan --format markdown is a pull-request description: counts per entry, every changed file, needs-review as a checklist', () => {
    const dir = fresh();
    const markdown = remodel(['plan', '--map', seedMap, '--format', 'markdown'], dir);
    expect(markdown.status).toBe(0);
    const report = JSON.parse(remodel(['plan', '--map', seedMap, '--json'], dir).stdout) as { files: Array<{ path: string }>; needsReview: Array<{ file: string; line: number }> };
    expect(markdown.stdout).toContain('## remodel: consolidation plan');
    expect(markdown.stdout).toContain('| models.booking -> db.models.core | 5 | 4 | 9 | 4 |');
    expect(markdown.stdout).toContain('### Shims (3)\n\n- `core/auth/station_models.py`: changed (insert-shims)');
    expect(markdown.stdout).toContain('- `models/DEPRECATED/booking.py`: moved from `models/booking.py` (move-files)');
    for (const file of report.files) expect(markdown.stdout).toContain(`- \`${file.path}\`: `);
    const checklist = markdown.stdout.split('\n').filter((line) => line.startsWith('- [ ] '));
    expect(checklist.map((line) => line.match(/^- \[ \] `([^`]+)`/)![1])).toEqual(report.needsReview.map((item) => `${item.file}:${item.line}`));
    expect(markdown.stdout).not.toContain('diff --git');
  });

  it('--json reports entries, needs-review and timings', () => {
    const report = JSON.parse(remodel(['plan', '--map', seedMap, '--json'], fresh()).stdout);
    expect(report.entries['models.booking -> db.models.core'].files).toBeGreaterThan(0);
    expect(report.needsReview).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'workers/registry.py', reason: expect.stringMatching(/computed module name/) })]));
    expect(report.files).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'models/DEPRECATED/booking.py', movedFrom: 'models/booking.py', status: 'moved', transforms: ['move-files'] }),
      expect.objectContaining({ path: 'models/booking.py', status: 'created', transforms: ['insert-shims'] }),
      expect.objectContaining({ path: 'models/DEPRECATED/__init__.py', status: 'created' }),
      expect.objectContaining({ path: 'api/deps.py', status: 'modified', transforms: ['rewrite-imports'] }),
    ]));
    expect(report.timings).toHaveProperty('rewrite');
  });

  it('--stat prints a line per file', () => {
    const out = remodel(['plan', '--map', seedMap, '--stat'], fresh()).stdout;
    expect(out).toMatch(/services\/booking_service\.py +\| +\d+ \++-+/);
  });

  it('plans the same with a worker pool (--jobs 2), in shards (--shard i/n, concatenated) and in one thread', () => {
    const dir = fresh();
    const single = remodel(['plan', '--map', seedMap, '--jobs', '1'], dir).stdout;
    expect(remodel(['plan', '--map', seedMap, '--jobs', '2'], dir).stdout).toBe(single);
    const files = (patch: string): string[] => patch.split(/(?=^diff --git )/m).filter(Boolean).sort();
    // the pool really ran: its workers were started from the built worker module (the CLI's bundle must find it), and
    // plan from the bundle the main thread loaded (its compiled code cached), not from the ~300 modules tsc wrote
    const outside = temporaryFolder('remodel-workers-');
    const log = join(outside, 'workers.log');
    const hook = join(outside, 'count-workers.js');
    writeFileSync(hook, `const threads = require('node:worker_threads');\nconst Original = threads.Worker;\nthreads.Worker = class extends Original {\n  constructor(file, options) {\n    require('node:fs').appendFileSync(${JSON.stringify(log)}, [file, options.workerData.module, options.workerData.exportName].join(' ') + '\\n');\n    super(file, options);\n  }\n};\n`);
    const pooled = spawnSync(process.execPath, ['--require', hook, join(repoRoot, 'dist', 'bin', 'remodel.js'), 'plan', '--map', seedMap, '--jobs', '2'], { cwd: dir, encoding: 'utf8' });
    expect(pooled.stdout).toBe(single);
    expect([...new Set(readFileSync(log, 'utf8').trim().split('\n'))]).toEqual([[join(repoRoot, 'dist', 'src', 'workspace', 'worker.js'), join(repoRoot, 'dist', 'src', 'cli-bundle.js'), 'planPoolTask'].join(' ')]);
    const shards = [1, 2, 3].flatMap((i) => files(remodel(['plan', '--map', seedMap, '--shard', `${i}/3`], dir).stdout));
    expect(shards.sort()).toEqual(files(single));
    expect(remodel(['plan', '--map', seedMap, '--shard', '4/3'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/--shard takes i\/n/) });
  });

  it('uses every map under import-maps/ when --map is not given', () => {
    const dir = fresh();
    cpSync(seedMap, join(dir, 'import-maps', 'seed.yaml'));
    const plan = remodel(['plan'], dir);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/^diff --git/);
  });
});

describe('bad input: one line, exit 2, nothing written', () => {
  const badMap = (text: string): { dir: string; map: string } => {
    const dir = fresh();
    const map = join(dir, 'bad.yaml');
    writeFileSync(map, text);
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'x', '--allow-empty'], dir);
    return { dir, map };
  };

  it.each([
    ['invalid YAML', 'version: 1\nlanguage: python\nrewrite:\n  - from: [a\n', /^remodel: bad\.yaml:\d+: invalid YAML/],
    ['an unknown key', 'version: 1\nlanguage: python\nrewrite:\n  - from: models.booking\n    to: db.models.core\n    rename_to: x\n', /^remodel: bad\.yaml:6: rewrite\[0\]\.rename_to: unknown key/],
    ['a wrong type', 'version: 1\nlanguage: python\nrewrite: {}\n', /^remodel: bad\.yaml:3: rewrite: /],
    ['a cycle', 'version: 1\nlanguage: python\nrewrite:\n  - from: models.booking\n    to: db.models.core\n  - from: db.models.core\n    to: models.booking\n', /^remodel: bad\.yaml:\d+: rewrite\[\d\]\.to: cycle/],
    ['conflicting targets', 'version: 1\nlanguage: python\nrewrite:\n  - from: models.booking\n    to: db.models.core\n  - from: models.booking\n    to: db.models.lead\n', /^remodel: bad\.yaml:6: rewrite\[1\]\.from: module 'models.booking' is already sent/],
    ['a missing to module', 'version: 1\nlanguage: python\nrewrite:\n  - from: models.booking\n    to: db.models.nowhere\n', /^remodel: bad\.yaml:5: rewrite\[0\]\.to: module 'db\.models\.nowhere' \(target of 'models\.booking'\) does not exist/],
    ['a to module that lacks a mapped name', 'version: 1\nlanguage: python\nrewrite:\n  - from: models.social\n    to: db.models.lead\n    names: [SocialAccount]\n', /^remodel: bad\.yaml:6: rewrite\[0\]\.names: module 'db\.models\.lead' has no name 'SocialAccount' \(mapped from 'models\.social'\)/],
    ['a shim for a module the map does not move', 'version: 1\nlanguage: python\nrewrite:\n  - from: models.booking\n    to: db.models.core\nshims:\n  - module: models.review\n', /^remodel: bad\.yaml:7: shims\[0\]\.module: 'models\.review' is not moved by any rewrite entry/],
    ['a shim that would drop what the canonical module lacks', 'version: 1\nlanguage: python\nrewrite:\n  - from: models.social\n    to: db.models.lead\nshims:\n  - module: models.social\n', /^remodel: bad\.yaml:7: shims\[0\]\.module: models\.social defines .*normalize_handle.*, which db\.models\.lead lacks: a shim would drop/],
  ])('%s', (_name, text, message) => {
    const { dir, map } = badMap(text);
    const before = snapshot(dir);
    const result = remodel(['apply', '--map', map], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('rejects an unknown option or transform with a usage line', () => {
    const dir = fresh();
    expect(remodel(['plan', '--map', seedMap, '--only', 'rewrite,teleport'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^remodel: --only: unknown transform 'teleport'/) });
    expect(remodel(['plan', '--nope'], dir).status).toBe(2);
  });

  it('reports a file that does not parse and leaves it byte-for-byte untouched, the rest of the run goes on', () => {
    const dir = fresh();
    const broken = 'from models.booking import Booking\ndef oops(:\n    pass\n';
    writeFileSync(join(dir, 'services', 'broken.py'), broken);
    const result = remodel(['apply', '--map', seedMap], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/services\/broken\.py:2:\d+: does not parse/);
    expect(readFileSync(join(dir, 'services', 'broken.py'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'services', 'booking_service.py'), 'utf8')).toMatch(/import db\.models\.core/);
  });

  it('refuses to apply over a file that changed since planning', () => {
    const dir = fresh();
    // a map whose plan is computed, then a file edited behind its back, through the API
    const { plan, apply } = require('../../src') as typeof import('../../src');
    return plan({ cwd: dir, maps: [seedMap] }).then((computed) => {
      writeFileSync(join(dir, 'api', 'deps.py'), '# edited\n');
      const before = snapshot(dir);
      expect(() => apply(computed)).toThrow(/api\/deps\.py: changed since the plan was computed/);
      expect(snapshot(dir)).toEqual(before);
    });
  });

  it('never reads or writes outside the repository root', () => {
    const outside = temporaryFolder('remodel-outside-');
    const dir = fresh();
    writeFileSync(join(outside, 'x.py'), 'from models.booking import Booking\n');
    const { symlinkSync } = require('node:fs') as typeof import('node:fs');
    symlinkSync(outside, join(dir, 'linked'));
    const result = remodel(['apply', '--map', seedMap], dir);
    expect(result.status).toBe(0);
    expect(readFileSync(join(outside, 'x.py'), 'utf8')).toBe('from models.booking import Booking\n');
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('remodel audit', () => {
  it('reports the example duplicates as JSON and drafts a map that plans the same consolidation', () => {
    const dir = fresh();
    const result = remodel(['audit', '.', '--format', 'json', '--prefer', 'db/models/**', '--emit-map', 'import-maps/draft.yaml'], dir);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    const bookings = report.duplicates.find((d: { table: string }) => d.table === 'bookings');
    expect(bookings.models.map((m: { file: string }) => m.file).sort()).toEqual(['db/models/core.py', 'models/booking.py']);
    const drafted = remodel(['plan', '--map', 'import-maps/draft.yaml', '--only', 'rewrite'], dir);
    const seeded = remodel(['plan', '--map', seedMap, '--only', 'rewrite'], dir);
    expect(drafted.status).toBe(0);
    expect(drafted.stdout).toBe(seeded.stdout);
  });
});

describe('move-files', () => {
  it('records the move with git so that git log --follow keeps the history', () => {
    const dir = fresh();
    expect(remodel(['apply', '--map', seedMap], dir).status).toBe(0);
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'consolidate'], dir);
    const log = git(['log', '--follow', '--format=%s', '--', 'models/DEPRECATED/booking.py'], dir).trim().split('\n');
    expect(log).toEqual(['consolidate', 'before']);
  });

  it.each([
    ['a destination outside the root', 'relocate:\n  - from: models/booking.py\n    to: ../elsewhere/booking.py\n', /relocate\[0\]\.to: \.\.\/elsewhere\/booking\.py: leaves the repository root/],
    ['an absolute destination', 'relocate:\n  - from: models/booking.py\n    to: /tmp/booking.py\n', /relocate\[0\]\.to: \/tmp\/booking\.py: absolute paths are not allowed/],
    ['a destination that exists', 'relocate:\n  - from: models/booking.py\n    to: models/customer.py\n', /relocate\[0\]\.to: 'models\/customer\.py' already exists/],
    ['a source that does not exist', 'relocate:\n  - from: models/nothing.py\n    to: models/DEPRECATED/nothing.py\n', /relocate\[0\]\.from: 'models\/nothing\.py' does not exist/],
    ['two moves onto one path', 'relocate:\n  - from: models/booking.py\n    to: attic/x.py\n  - from: models/customer.py\n    to: attic/x.py\n', /relocate\[1\]\.to: 'attic\/x\.py' is also the destination of relocate\[0\]/],
  ])('refuses %s: one line, exit 2, nothing written', (_name, relocate, message) => {
    const dir = fresh();
    writeFileSync(join(dir, 'bad.yaml'), `version: 1\nlanguage: python\n${relocate}`);
    const before = snapshot(dir);
    const result = remodel(['apply', '--map', 'bad.yaml'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a destination behind a symbolic link that leads outside', () => {
    const dir = fresh();
    const outside = temporaryFolder('remodel-outside-');
    require('node:fs').symlinkSync(outside, join(dir, 'out'));
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nlanguage: python\nrelocate:\n  - from: models/booking.py\n    to: out/booking.py\n');
    const result = remodel(['apply', '--map', 'bad.yaml'], dir);
    expect(result).toMatchObject({ status: 2, stderr: expect.stringMatching(/relocate\[0\]\.to: out\/booking\.py: leads outside the repository root through a symbolic link/) });
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('TypeScript end to end: examples/ts-app', () => {
  const tsMap = join(repoRoot, 'import-maps', 'ts-app.yaml');
  const tsRepo = (): string => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    repos.push(dir);
    return dir;
  };

  it('plan | git apply gives exactly what apply writes (moves and shims included), and a second plan is empty', () => {
    const planned = tsRepo();
    const applied = tsRepo();
    const plan = remodel(['plan', '--map', tsMap], planned);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/^diff --git/);
    git(['apply', '-'], planned, plan.stdout);
    expect(remodel(['apply', '--map', tsMap], applied).status).toBe(0);
    expect(snapshot(planned)).toEqual(snapshot(applied));
    const again = remodel(['plan', '--map', tsMap, '--exit-code'], applied);
    expect(again).toMatchObject({ status: 0, stdout: '' });
  });
});

describe('a careful user: maps that disagree, bad paths, pipes, thread counts (issue 16)', () => {
  const writeMap = (dir: string, name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('refuses two maps that send one module to different places, naming both; one map named twice is one map', () => {
    const dir = fresh();
    const other = writeMap(dir, 'other.yaml', 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - from: models.booking\n    to: db.models.identity\n');
    const both = remodel(['plan', '--map', seedMap, '--map', other], dir);
    expect(both.status).toBe(2);
    expect(both.stdout).toBe('');
    expect(both.stderr).toBe(`remodel: other.yaml:6: rewrite[0].to: sends 'models.booking' to 'db.models.identity', but ${seedMap} sends it to 'db.models.core'\n`);
    const once = remodel(['plan', '--map', seedMap], dir);
    const twice = remodel(['plan', '--map', seedMap, '--map', seedMap], dir);
    expect(twice.status).toBe(0);
    expect(twice.stdout).toBe(once.stdout);
  });

  it('refuses two maps that relocate one file', () => {
    const dir = fresh();
    const other = writeMap(dir, 'other.yaml', 'version: 1\nlanguage: python\nroot: .\nrelocate:\n  - from: models/booking.py\n    to: attic/booking.py\n');
    const result = remodel(['plan', '--map', seedMap, '--map', other], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`remodel: other.yaml:5: relocate[0].from: 'models/booking.py' is relocated by ${seedMap} too\n`);
  });

  it('says in one line, exit 2, when --cwd or the audited folder is missing or a file, or --out cannot be written; nothing is written', () => {
    const dir = fresh();
    const before = snapshot(dir);
    const cases: Array<[string[], RegExp]> = [
      [['plan', '--map', seedMap, '--cwd', join(dir, 'nowhere')], /^remodel: .*nowhere: no such folder \(--cwd, or the folder to audit\)\n$/],
      [['plan', '--map', seedMap, '--cwd', join(dir, 'api', '__init__.py')], /^remodel: .*__init__\.py: not a folder \(--cwd, or the folder to audit\)\n$/],
      [['audit', join(dir, 'nowhere')], /^remodel: .*nowhere: no such folder/],
      [['apply', '--map', seedMap, '--out', join(dir, 'no', 'such', 'x.patch')], /^remodel: --out .*x\.patch: the folder .* does not exist\n$/],
      [['apply', '--map', seedMap, '--out', dir], /^remodel: --out .*: is a folder; name a file\n$/],
      [['plan', '--map', seedMap, '--jobs', 'abc'], /^remodel: --jobs must be a whole number of at least 1, not 'abc'\n$/],
    ];
    for (const [args, message] of cases) {
      const result = remodel(args, dir);
      expect({ args, status: result.status }).toEqual({ args, status: 2 });
      expect(result.stderr).toMatch(message);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('stops quietly when the reader of its output goes away (plan | head)', () => {
    const dir = fresh();
    const result = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${join(repoRoot, 'dist', 'bin', 'remodel.js')}" plan --map "${seedMap}" | head -n 1`], { cwd: dir, encoding: 'utf8' });
    expect(result.stdout).toMatch(/^diff --git /);
    expect(result.stderr).not.toMatch(/EPIPE|node:events/);
  });

  it('--jobs 1000 uses the cores there are, and plans the same', () => {
    const dir = fresh();
    const many = remodel(['plan', '--map', seedMap, '--jobs', '1000'], dir);
    expect(many.status).toBe(0);
    expect(many.stdout).toBe(remodel(['plan', '--map', seedMap, '--jobs', '1'], dir).stdout);
  });
});

describe('patches and listings as git writes them', () => {
  it('ends a --- / +++ name holding a space with a tab, so that GNU patch applies it as git apply does; --stat quotes odd names', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'my services'));
    writeFileSync(join(dir, 'my services', 'booking copy.py'), 'from models.booking import Booking\n\nB = Booking\n');
    writeFileSync(join(dir, 'services', 'tab\there.py'), 'from models.booking import Booking\n');
    const patch = remodel(['plan', '--map', seedMap], dir).stdout;
    expect(patch).toContain('--- a/my services/booking copy.py\t\n+++ b/my services/booking copy.py\t\n');
    const byGnuPatch = fresh();
    mkdirSync(join(byGnuPatch, 'my services'));
    writeFileSync(join(byGnuPatch, 'my services', 'booking copy.py'), 'from models.booking import Booking\n\nB = Booking\n');
    writeFileSync(join(byGnuPatch, 'services', 'tab\there.py'), 'from models.booking import Booking\n');
    const applied = spawnSync('patch', ['-p1', '--batch', '--silent'], { cwd: byGnuPatch, input: patch.split('diff --git').filter((part) => part.includes('booking copy.py')).map((part) => `diff --git${part}`).join(''), encoding: 'utf8' });
    expect(applied.status).toBe(0);
    expect(readFileSync(join(byGnuPatch, 'my services', 'booking copy.py'), 'utf8')).toBe('from db.models.core import Booking\n\nB = Booking\n');
    const stat = remodel(['plan', '--map', seedMap, '--stat'], dir).stdout;
    expect(stat).toMatch(/^ "services\/tab\\there\.py" +\| +\d+ /m);
  });
});

describe('maps and drafts where a user keeps them', () => {
  it('finds maps in sub-folders of import-maps/', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'import-maps', 'bookings'), { recursive: true });
    cpSync(seedMap, join(dir, 'import-maps', 'bookings', 'seed.yaml'));
    const result = remodel(['plan'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(remodel(['plan', '--map', seedMap], dir).stdout);
  });

  it('audit --emit-map never replaces an existing file without --force', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'draft.yaml'), '# mine\n');
    const refused = remodel(['audit', '.', '--emit-map', 'draft.yaml'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('remodel: --emit-map draft.yaml: already exists; pass --force to replace it\n');
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8')).toBe('# mine\n');
    expect(remodel(['audit', '.', '--emit-map', 'draft.yaml', '--force'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8')).toMatch(/^# /);
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8')).not.toBe('# mine\n');
  });
});

describe('a map entry that can do nothing says so', () => {
  it('warns about an old module that exists nowhere and changed nothing (a typo), naming the entry', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'typo.yaml'), 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - from: models.bookng\n    to: db.models.core\n');
    const result = remodel(['plan', '--map', 'typo.yaml'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("remodel: warning: typo.yaml:5: rewrite[0].from: 'models.bookng' names no module in the repository and nothing was rewritten for it: a typo?\n");
    expect(remodel(['plan', '--map', seedMap], dir).stderr).not.toContain('a typo?');
  });
});
