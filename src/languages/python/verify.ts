import { spawnSync } from 'node:child_process';
import { UsageError } from '../../core/errors';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { newSince } from '../new-problems';
import type { PlannedTrees, TreeView, VerifyProblem } from '../types';
import { findModuleExports, type ModuleExports } from './exports';
import { findImports } from './imports';
import type { InstalledModules } from './installed';
import { PythonModuleIndex } from './modules';
import { parsePython } from './syntax';

const isPython = (file: string): boolean => file.endsWith('.py') || file.endsWith('.pyi');

interface Found {
  line: number;
  message: string;
}

/**
 * Every import in a file the plan writes resolves, statically, to a module of the repository that defines the names
 * it takes (or to a submodule of that name), as Python would find it from the map's roots. Imports of modules that
 * are not the repository's are not judged; what was unresolved before the plan is not reported again.
 */
export async function verifyPythonImports(roots: readonly string[], trees: PlannedTrees): Promise<VerifyProblem[]> {
  const changed = trees.changed.filter((file) => isPython(file) && trees.after.read(file) !== undefined);
  if (!changed.length) return [];
  const before = new ImportJudge(trees.before, roots);
  const after = new ImportJudge(trees.after, roots);
  const problems: VerifyProblem[] = [];
  for (const file of changed) {
    const from = trees.movedFrom.get(file) ?? file;
    const known = trees.before.read(from) === undefined ? [] : await before.unresolved(from);
    problems.push(...newSince(await after.unresolved(file), known, (found) => found.message).map((found) => ({ file, ...found })));
  }
  return problems;
}

/** The imports of one tree, judged against the modules of that tree. */
class ImportJudge {
  private readonly modules: PythonModuleIndex;
  private readonly exported = new Map<string, Promise<ModuleExports>>();

  constructor(private readonly view: TreeView, roots: readonly string[]) {
    this.modules = new PythonModuleIndex(view, roots);
  }

  async unresolved(file: string): Promise<Found[]> {
    const tree = await parsePython(this.view.read(file)!);
    const found: Found[] = [];
    try {
      for (const statement of findImports(tree.rootNode)) {
        const line = statement.node.startPosition.row + 1;
        if (statement.kind === 'import') {
          for (const item of statement.items) if (this.ours(item.name) && !this.modules.exists(item.name)) found.push({ line, message: `No module named '${item.name}'` });
          continue;
        }
        const module = this.modules.absolutize(file, statement.level, statement.module);
        if (module === undefined) {
          if (statement.level) found.push({ line, message: 'attempted relative import beyond top-level package' });
          continue;
        }
        if (!this.ours(module)) continue;
        if (!this.modules.exists(module)) {
          found.push({ line, message: `No module named '${module}'` });
          continue;
        }
        const names = await this.exportsOf(module);
        for (const item of statement.items) {
          if (names === 'any' || names.has(item.name) || this.modules.exists(`${module}.${item.name}`)) continue;
          found.push({ line, message: `cannot import name '${item.name}' from '${module}'` });
        }
      }
    } finally {
      tree.delete();
    }
    return found;
  }

  /** A module whose top-level package lies in the repository: what the plan can break. */
  private ours(module: string): boolean {
    return this.modules.exists(module.split('.')[0]!);
  }

  private exportsOf(module: string): Promise<ModuleExports> {
    let names = this.exported.get(module);
    if (!names) {
      const file = this.modules.getFile(module);
      const text = file === undefined ? undefined : this.view.read(file);
      names = text === undefined ? Promise.resolve(new Set<string>()) : findModuleExports(text);
      this.exported.set(module, names);
    }
    return names;
  }
}

/**
 * `--verify=import`: the modules the plan writes, imported by the project's interpreter in a copy of the tree as the
 * plan leaves it, and (for comparison) in the repository as it stands. A module that imported before and fails after
 * is reported with the exception Python raised.
 */
export function verifyPythonByImport(roots: readonly string[], trees: PlannedTrees, installed: InstalledModules): VerifyProblem[] {
  const changed = trees.changed.filter((file) => file.endsWith('.py') && trees.after.read(file) !== undefined);
  if (!changed.length) return [];
  const index = new PythonModuleIndex(trees.after, roots);
  const modules = new Map(changed.flatMap((file) => {
    const module = index.getModule(file);
    return module === undefined ? [] : [[module, file] as const];
  }));
  const copy = mkdtempSync(join(tmpdir(), 'remodel-verify-'));
  try {
    for (const file of trees.after.files) {
      const text = trees.after.read(file);
      if (text === undefined) continue;
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      writeFileSync(join(copy, file), text);
    }
    const python = installed.interpreter();
    const failedBefore = importFailures(python, trees.cwd, roots, [...modules.keys()]);
    const failedAfter = importFailures(python, copy, roots, [...modules.keys()]);
    return Object.entries(failedAfter).filter(([module]) => !(module in failedBefore)).map(([module, error]) => ({ file: modules.get(module)!, line: 1, message: `import ${module}: ${error.split(`${copy}/`).join('')}` }));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const IMPORT_SCRIPT = `
import importlib, json, sys, traceback
failed = {}
for name in json.loads(sys.stdin.read()):
    try:
        importlib.import_module(name)
    except BaseException as error:
        failed[name] = f"{type(error).__name__}: {error}"
print(json.dumps(failed))
`;

function importFailures(python: string, cwd: string, roots: readonly string[], modules: readonly string[]): Record<string, string> {
  const result = spawnSync(python, ['-B', '-c', IMPORT_SCRIPT], {
    cwd,
    input: JSON.stringify(modules),
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: [...roots.map((root) => join(cwd, root)), process.env.PYTHONPATH].filter(Boolean).join(':') },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) throw new UsageError(`--verify=import: ${python} could not run (${result.error?.message ?? result.stderr.trim().split('\n').pop()})`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, string>;
}
