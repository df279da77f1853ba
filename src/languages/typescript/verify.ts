import * as path from 'node:path';
import { relativePosix } from '../../core/paths';
import { newSince } from '../new-problems';
import type { PlannedTrees, VerifyProblem } from '../types';
import type { TypeScriptPreparedMap } from './prepared-map';
import { ts } from './ts';

const CHECKED = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

/** One error of a program, with the key it is matched by across the plan: file (after path), code and text. */
interface Diagnosed extends VerifyProblem {
  key: string;
}

/**
 * The compiler's diagnostics of every project the plan touches, before and after it, in memory: what is new after is
 * what the plan would break. A project is the tsconfig that governs a changed file (the file joins its roots when the
 * config does not list it); a changed file no config governs is checked under the compiler's defaults.
 */
export async function verifyTypeScript(prepared: TypeScriptPreparedMap, trees: PlannedTrees): Promise<VerifyProblem[]> {
  const changed = trees.changed.filter((file) => CHECKED.test(file));
  if (!changed.length) return [];
  const afterOf = new Map<string, string>([...trees.movedFrom].map(([to, from]) => [from, to]));
  const projects = new Map<string, { before: Set<string>; after: Set<string> }>();
  const projectOf = (file: string): { before: Set<string>; after: Set<string> } => {
    const configFile = prepared.resolver.configFor(path.join(trees.cwd, file)).configFile ?? '';
    let project = projects.get(configFile);
    if (!project) {
      const roots = configFile ? rootsOf(configFile, trees.cwd) : [];
      project = { before: new Set(roots.filter((root) => trees.before.read(root) !== undefined)), after: new Set(roots.map((root) => afterOf.get(root) ?? root).filter((root) => trees.after.read(root) !== undefined)) };
      projects.set(configFile, project);
    }
    return project;
  };
  for (const file of changed) {
    const from = trees.movedFrom.get(file);
    if (trees.after.read(file) !== undefined) projectOf(file).after.add(file);
    if (trees.before.read(from ?? file) !== undefined) projectOf(from ?? file).before.add(from ?? file);
  }
  const checked = filesToCheck(trees);
  const problems: VerifyProblem[] = [];
  for (const [configFile, roots] of projects) {
    const options = configFile ? ts.getParsedCommandLineOfConfigFile(configFile, {}, parseHost)?.options ?? {} : { allowJs: true };
    const checkOptions: ts.CompilerOptions = { ...options, noEmit: true, incremental: false, composite: false, declaration: false, tsBuildInfoFile: undefined };
    const beforeProgram = ts.createProgram([...roots.before].map((file) => path.join(trees.cwd, file)), checkOptions, viewHost(checkOptions, trees.cwd, trees.before));
    const afterProgram = ts.createProgram([...roots.after].map((file) => path.join(trees.cwd, file)), checkOptions, viewHost(checkOptions, trees.cwd, trees.after), beforeProgram);
    const before = errorsOf(beforeProgram, trees.cwd, new Set([...checked].map((file) => trees.movedFrom.get(file) ?? file)), (file) => afterOf.get(file) ?? file);
    for (const { file, line, message } of newSince(errorsOf(afterProgram, trees.cwd, checked, (file) => file), before, (error) => error.key)) problems.push({ file, line, message });
  }
  return problems;
}

/**
 * The files whose errors the plan can change: those it writes, and those whose text names one of them (a written,
 * moved or deleted file's name, or its folder's for an index): their importers. The checker binds the whole program
 * but checks only these (10k-file tree: a few hundred files instead of every one).
 */
function filesToCheck(trees: PlannedTrees): Set<string> {
  const names = new Set<string>();
  for (const file of [...trees.changed, ...trees.movedFrom.values()]) {
    const stem = path.posix.basename(file).replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
    names.add(stem === 'index' ? path.posix.basename(path.posix.dirname(file)) : stem);
  }
  const checked = new Set(trees.changed.filter((file) => CHECKED.test(file) && trees.after.read(file) !== undefined));
  for (const file of trees.after.files) {
    if (checked.has(file) || !CHECKED.test(file)) continue;
    const text = trees.after.read(file);
    if (text !== undefined && [...names].some((name) => text.includes(name))) checked.add(file);
  }
  return checked;
}

const parseHost: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };

/** The repository files a configuration lists (relative), as `tsc -p` would. */
function rootsOf(configFile: string, cwd: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, parseHost);
  return (parsed?.fileNames ?? []).map((file) => relativePosix(cwd, file)).filter((file) => !file.startsWith('../'));
}

/** A compiler host that reads the repository's files from a view of the tree and everything else (libs, node_modules) from disk. */
function viewHost(options: ts.CompilerOptions, cwd: string, view: PlannedTrees['before']): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const inRepo = (file: string): string | undefined => {
    const relative = relativePosix(cwd, file);
    return relative.startsWith('../') || relative.split('/').includes('node_modules') ? undefined : relative;
  };
  const folders = new Set(view.files.flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => path.join(cwd, ...parts.slice(0, i + 1)))));
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  return {
    ...host,
    fileExists: (file) => {
      const relative = inRepo(file);
      return relative === undefined ? fileExists(file) : view.read(relative) !== undefined;
    },
    readFile: (file) => {
      const relative = inRepo(file);
      return relative === undefined ? readFile(file) : view.read(relative);
    },
    directoryExists: (folder) => folders.has(folder) || (directoryExists?.(folder) ?? false),
    getSourceFile: (file, language, onError) => {
      const relative = inRepo(file);
      if (relative === undefined) return getSourceFile(file, language, onError);
      const text = view.read(relative);
      return text === undefined ? undefined : ts.createSourceFile(file, text, language, true);
    },
  };
}

function errorsOf(program: ts.Program, cwd: string, files: ReadonlySet<string>, keyPathOf: (file: string) => string): Diagnosed[] {
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const sourceFile of program.getSourceFiles()) {
    if (!files.has(relativePosix(cwd, sourceFile.fileName))) continue;
    diagnostics.push(...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile));
  }
  return diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error).map((diagnostic) => {
    const file = diagnostic.file ? relativePosix(cwd, diagnostic.file.fileName) : '';
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 1;
    return { key: `${keyPathOf(file)}\0${diagnostic.code}\0${message}`, file, line, message: `TS${diagnostic.code}: ${message}` };
  });
}
