import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SingleBar } from 'cli-progress';
import yargs, { type Argv } from 'yargs';
import { InterruptedError, PartialApplyError, RemodelError, UsageError } from '../core/errors';
import { renderPlanHtml, verifyPlan, applyInterruptible, applySavedPatch, finishInterruptedApply, hasInterruptedApply, audit, renderPlanMarkdown, checkFindings, checkFormats, drift, inventory, lintConfig, lintFormats, renderCheck, renderInventoryJson, renderInventoryMarkdown, renderDriftJson, renderDriftMarkdown, draftImportMap, plan, renderAuditJson, renderAuditMarkdown, renderFilePatchBytes, renderJsonReport, renderPatchBytes, renderStat, renderSummary, type Plan, type TransformName } from '../index';
import { parseShard } from '../plan/shard';
import { quoteGitPath } from '../render/patch';
import { planOptions } from './options';

const transformAliases: Record<string, TransformName> = {
  rewrite: 'rewrite-imports',
  'rewrite-imports': 'rewrite-imports',
  shims: 'insert-shims',
  'insert-shims': 'insert-shims',
  relocate: 'move-files',
  'move-files': 'move-files',
  tables: 'rename-tables',
  'rename-tables': 'rename-tables',
  prune: 'prune',
};

interface PlanArgs {
  map?: string[];
  cwd: string;
  only?: string;
  json: boolean;
  stat: boolean;
  format: 'patch' | 'markdown' | 'html';
  out?: string;
  jobs?: string | number;
  shard?: string;
  color?: boolean;
  'max-file-size': number;
  'fail-on-error': boolean;
  verify?: string;
  force?: boolean;
}

/** Exit codes (README, DESIGN §3): one table for every command. */
const exitCodes = { findings: 1, badInput: 2, verifyFailed: 3, unreadFiles: 4, partialApply: 5, internalError: 70, SIGINT: 130, SIGTERM: 143 } as const;

interface Io {
  /** a patch is bytes: each file's part in that file's encoding */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  /** aborted (reason: the signal's name) when the user interrupts: apply stops at a file boundary */
  interrupts?: AbortSignal;
  /** the environment the conventions are read from (NO_COLOR, FORCE_COLOR, TERM) */
  env?: Readonly<Record<string, string | undefined>>;
}

/** remodel's own version, from its package.json (found up from this file: in dist/ or, under ts-jest, in src/). */
function ownVersion(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'remodel' && manifest.version) return manifest.version;
    } catch {
      // no package.json here: one folder up
    }
  }
  return 'unknown';
}

function maxFileSizeOf(megabytes: number): number {
  if (!(megabytes > 0)) throw new UsageError(`--max-file-size must be a positive number of MB, not ${megabytes}`);
  return Math.round(megabytes * 1024 * 1024);
}

function parseOnly(only: string | undefined): TransformName[] | undefined {
  if (!only) return undefined;
  return only.split(',').map((word) => {
    const name = transformAliases[word.trim()];
    if (!name) throw new UsageError(`--only: unknown transform '${word.trim()}' (try: --only rewrite,shims,relocate,tables, or --only prune)`);
    return name;
  });
}

/** Colour as the ecosystem agrees: FORCE_COLOR on, NO_COLOR off, TERM=dumb off, else when stderr is a terminal. */
function colorByConvention(io: Io): boolean {
  const env = io.env ?? {};
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return io.stderrIsTTY;
}

/** `--out` must be writable before anything is planned or written: its folder exists, and it is no folder itself. */
function checkOut(out: string | undefined): void {
  if (!out) return;
  const target = resolve(out);
  if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`--out ${out}: is a folder; name a file`);
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) throw new UsageError(`--out ${out}: the folder ${dirname(out) || '.'} does not exist`);
}

/** `--jobs` as the user wrote it: a whole number of at least 1. */
function jobsOf(jobs: string | number | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  const n = Number(jobs);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not '${jobs}'`);
  return n;
}

/** The progress bar on a terminal (its module loaded only then: every start pays for what it loads). */
function progressBar(): SingleBar {
  const { Presets, SingleBar: Bar } = require('cli-progress') as typeof import('cli-progress');
  return new Bar({ format: 'remodel {bar} {value}/{total} files', stream: process.stderr, clearOnComplete: true, hideCursor: true }, Presets.shades_classic);
}

async function computePlan(args: PlanArgs, io: Io): Promise<Plan> {
  checkOut(args.out);
  if (hasInterruptedApply(args.cwd)) io.stderr('remodel: warning: an apply was interrupted here (.remodel-apply.json): this plan is of a half-written tree; run remodel apply to finish it\n');
  const bar = io.stderrIsTTY && io.env?.TERM !== 'dumb' ? progressBar() : undefined;
  let started = false;
  try {
    return await plan({
      cwd: args.cwd,
      maps: args.map,
      only: parseOnly(args.only),
      jobs: jobsOf(args.jobs),
      shard: args.shard ? parseShard(args.shard) : undefined,
      maxFileSize: maxFileSizeOf(args['max-file-size']),
      onWarning: (message) => io.stderr(`remodel: warning: ${message}\n`),
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
  } finally {
    if (started) bar?.stop();
  }
}

function report(args: PlanArgs, computed: Plan, io: Io, patchToStdout: boolean): void {
  const color = args.color ?? colorByConvention(io);
  const html = args.format === 'html' ? renderPlanHtml(computed) : undefined;
  if (args.out) writeFileSync(args.out, html ?? renderPatchBytes(computed.changes));
  if (args.json) io.stdout(renderJsonReport(computed));
  else if (args.stat) io.stdout(renderStat(computed, false));
  else if (args.format === 'markdown') io.stdout(renderPlanMarkdown(computed));
  else if (html !== undefined) {
    if (patchToStdout && !args.out) io.stdout(html);
  }
  // streamed file by file: a large plan is never one string in memory
  else if (patchToStdout && !args.out) for (const change of computed.changes) io.stdout(renderFilePatchBytes(change));
  io.stderr(renderSummary(computed, color));
}

/** `--verify`: true when not asked for or when the plan breaks nothing; each problem on stderr as file:line. */
async function verified(args: PlanArgs, computed: Plan, io: Io): Promise<boolean> {
  if (args.verify === undefined) return true;
  if (args.verify !== '' && args.verify !== 'static' && args.verify !== 'import') throw new UsageError(`--verify takes 'static' (the default) or 'import', not '${args.verify}'`);
  const problems = await verifyPlan(computed, { maps: args.map, mode: args.verify === 'import' ? 'import' : 'static' });
  for (const problem of problems) io.stderr(`remodel: verify: ${problem.file}:${problem.line}: ${problem.message}\n`);
  io.stderr(problems.length ? `remodel: --verify failed: ${problems.length} new problem(s) the plan would bring\n` : 'remodel: --verify: no new problems\n');
  return problems.length === 0;
}

/** Runs the CLI with the given arguments; resolves to the exit code. The only code that touches process I/O. */
export async function run(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const parser: Argv = yargs([...argv])
    .scriptName('remodel')
    .usage('$0 <command> [options]')
    .command(
      'plan',
      'print the git-style patch of every edit the import maps imply (nothing is written)',
      (y) => y.options({ ...planOptions, 'exit-code': { type: 'boolean', default: false, description: 'exit 1 when the plan has changes' } }).example('$0 plan --cwd apps/backend --map import-maps/seed.yaml', 'dry run'),
      async (args) => {
        const computed = await computePlan(args as unknown as PlanArgs, io);
        report(args as unknown as PlanArgs, computed, io, true);
        if (args['exit-code'] && computed.changes.length) exitCode = exitCodes.findings;
        if (args['fail-on-error'] && computed.failures.length) exitCode = exitCodes.unreadFiles;
        if (!(await verified(args as unknown as PlanArgs, computed, io))) exitCode = exitCodes.verifyFailed;
      },
    )
    .command(
      'apply',
      'write the plan (atomically; refuses files changed since planning)',
      (y) =>
        y
          .options({ ...planOptions, force: { type: 'boolean', default: false, description: 'write the plan although --verify fails' }, patch: { type: 'string', description: 'apply a patch saved by `plan --out` instead of planning again, if every file it touches is unchanged' } })
          .conflicts('patch', ['map', 'only', 'out', 'shard'])
          .example('$0 plan --out remodel.patch && $0 apply --patch remodel.patch', 'review a plan, then apply exactly it'),
      async (args) => {
        const finished = finishInterruptedApply(resolve(args.cwd));
        if (finished) io.stderr(`remodel: finished the apply that was interrupted: wrote ${finished.written.length} more file(s), created ${finished.created.length}, moved ${finished.moved.length}\n`);
        if (args.patch) {
          const result = applySavedPatch(args.cwd, args.patch);
          io.stderr(`remodel: applied ${args.patch}: wrote ${result.written.length} file(s), created ${result.created.length}, moved ${result.moved.length}, deleted ${result.deleted.length}\n`);
          return;
        }
        const computed = await computePlan(args as unknown as PlanArgs, io);
        if (!(await verified(args as unknown as PlanArgs, computed, io)) && !args.force) {
          io.stderr('remodel: nothing written: the plan fails --verify (apply --force writes it anyway)\n');
          exitCode = exitCodes.verifyFailed;
          return;
        }
        writesInProgress = true;
        const result = await applyInterruptible(computed, io.interrupts ?? new AbortController().signal).finally(() => (writesInProgress = false));
        report(args as unknown as PlanArgs, computed, io, false);
        io.stderr(`remodel: wrote ${result.written.length} file(s), created ${result.created.length}, moved ${result.moved.length}\n`);
        if (result.carried?.length) io.stderr(`remodel: carried along with their folders (not in the patch): ${result.carried.join(', ')}\n`);
        if (args['fail-on-error'] && computed.failures.length) exitCode = exitCodes.unreadFiles;
      },
    )
    .command(
      'check',
      'CI guard: exit 1 while any code still imports an old module (or holds a use of one remodel left for review)',
      (y) =>
        y.options({
          map: planOptions.map,
          cwd: planOptions.cwd,
          'max-file-size': planOptions['max-file-size'],
          'allow-unparsed': { type: 'boolean', default: false, description: 'pass although some files that name an old module could not be read or parsed' },
          format: { choices: checkFormats, default: 'text' as const, description: 'text (file:line: message), github (workflow annotations) or sarif (code scanning)' },
        }),
      async (args) => {
        const computed = await plan({ cwd: args.cwd, maps: args.map, only: ['rewrite-imports'], maxFileSize: maxFileSizeOf(args['max-file-size']) });
        // the shims' lifecycle is said on stderr: who still uses each; one past its date fails the guard
        const findings = checkFindings(computed, new Date().toISOString().slice(0, 10), (line) => io.stderr(`remodel: ${line}\n`));
        io.stdout(renderCheck(findings, args.format, ownVersion(), (line) => io.stderr(`remodel: ${line}\n`)));
        // a file that names an old module but could not be read or parsed is not known to be clean either
        if (findings.some((finding) => finding.fails && finding.rule !== 'unchecked')) exitCode = exitCodes.findings;
        else if (computed.failures.length && !args['allow-unparsed']) exitCode = exitCodes.unreadFiles;
      },
    )
    .command(
      'audit [dir]',
      'find duplicate models (one table mapped twice), collisions, dangling references and orphans; draft the import map',
      (y) =>
        y
          .positional('dir', { type: 'string', default: '.', description: 'the directory to audit (module ids in the draft map are relative to it)' })
          .options({
            format: { choices: ['md', 'json'] as const, default: 'md' as const, description: 'report format on stdout' },
            'emit-map': { type: 'string', description: 'write a draft import map (YAML) to this file (an existing one only with --force)' },
            force: { type: 'boolean', default: false, description: 'let --emit-map replace an existing file' },
            prefer: { type: 'string', array: true, description: 'globs of the files whose models win a duplicate group (e.g. "db/models/**")' },
            inventory: { type: 'boolean', default: false, description: 'describe every model instead (table, fields, relations and their direction, hooks, soft-delete and tenant columns)' },
          })
          .example('$0 audit apps/backend --prefer "db/models/**" --emit-map import-maps/draft.yaml', 'audit and draft a map'),
      async (args) => {
        if (args.inventory) {
          if (!existsSync(args.dir) || !statSync(args.dir).isDirectory()) throw new UsageError(`${args.dir}: not a folder`);
          const described = await inventory(args.dir);
          io.stdout(args.format === 'json' ? renderInventoryJson(described) : renderInventoryMarkdown(described));
          return;
        }
        const prefer = args.prefer ?? [];
        if (args['emit-map'] && existsSync(args['emit-map']) && !args.force) throw new UsageError(`--emit-map ${args['emit-map']}: already exists; pass --force to replace it`);
        const report = await audit({ dir: args.dir, prefer });
        io.stdout(args.format === 'json' ? renderAuditJson(report) : renderAuditMarkdown(report));
        if (args['emit-map']) {
          mkdirSync(dirname(resolve(args['emit-map'])), { recursive: true });
          writeFileSync(args['emit-map'], draftImportMap(report, prefer));
          io.stderr(`remodel: wrote a draft import map to ${args['emit-map']}\n`);
        }
      },
    )
    .command(
      'drift [dir]',
      'models vs migrations, from the code alone: what the migrations build and the models describe differently',
      (y) =>
        y
          .positional('dir', { type: 'string', default: '.', description: 'the project: its alembic.ini and models' })
          .options({
            format: { choices: ['md', 'json'] as const, default: 'md' as const, description: 'report format on stdout' },
            'exit-code': { type: 'boolean', default: false, description: 'exit 1 when there are findings (other than unresolved steps)' },
          })
          .example('$0 drift examples/python-backend --format json', 'drift as JSON'),
      async (args) => {
        if (!existsSync(args.dir) || !statSync(args.dir).isDirectory()) throw new UsageError(`${args.dir}: not a folder`);
        const report = await drift(args.dir);
        io.stdout(args.format === 'json' ? renderDriftJson(report) : renderDriftMarkdown(report));
        if (args['exit-code'] && report.findings.some((f) => f.kind !== 'unresolved')) exitCode = exitCodes.findings;
      },
    )
    .command(
      'lint-config',
      'the rule, in a linter the project runs, that forbids importing each old module of the maps (the canonical one named)',
      (y) =>
        y
          .options({
            format: { choices: lintFormats, demandOption: true, description: 'eslint (flat-config JSON, no-restricted-imports), biome (biome.json overrides, noRestrictedImports), dependency-cruiser (forbidden rules, CommonJS), pylint (rcfile, deprecated-modules), ruff (banned-api TOML) or import-linter (forbidden contracts)' },
            map: planOptions.map,
            cwd: planOptions.cwd,
          })
          .example('$0 lint-config --format eslint > remodel.eslint.json', 'spread it into eslint.config.js'),
      async (args) => {
        io.stdout(await lintConfig(args.format, resolve(args.cwd), args.map));
      },
    )
    .completion('completion', 'print the bash/zsh completion script (source <(remodel completion))')
    .demandCommand(1, 'name a command: plan, apply, check, audit, drift or lint-config')
    .strict()
    .help()
    .version(ownVersion())
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(`${message} (see: remodel --help)`);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof RemodelError) {
      io.stderr(`remodel: ${error.message}\n`);
      if (error instanceof InterruptedError) return error.signal === 'SIGTERM' ? exitCodes.SIGTERM : exitCodes.SIGINT;
      return error instanceof PartialApplyError ? exitCodes.partialApply : exitCodes.badInput;
    }
    // anything else is a remodel bug: one line that says so, then the stack for the report
    const detail = error instanceof Error ? error : new Error(String(error));
    io.stderr(`remodel: internal error (a bug, please report it): ${detail.message}\n${detail.stack ?? ''}\n`);
    return exitCodes.internalError;
  }
  return exitCode;
}

/** True while apply writes: an interrupt then stops it at the next file boundary; otherwise it ends the run at once. */
let writesInProgress = false;

function defaultIo(): Io {
  const interrupts = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      interrupts.abort(signal);
      if (writesInProgress) return;
      // nothing is being written: stop now, with the terminal as it was (a progress bar hides the cursor)
      if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\n');
      process.stderr.write(`remodel: interrupted by ${signal}; nothing was written\n`);
      process.exit(exitCodes[signal]);
    });
  }
  // a reader that stops early (`remodel plan | head`) closes the pipe: the rest of the output goes nowhere, quietly
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    stdout: (text) => void (closed || process.stdout.write(text)),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    interrupts: interrupts.signal,
    env: process.env,
  };
}
