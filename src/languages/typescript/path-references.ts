import * as path from 'node:path';
import picomatch from 'picomatch';
import { applyEdits, lineAt } from '../../core/edits';
import type { Edit, NeedsReview, Workspace } from '../../core/types';
import { folderOf, MovedPaths, repoPathOf, spellLike } from '../../workspace/moved-paths';
import { ownsTypeScriptPath } from './owns';
import { ts } from './ts';

/** A string of a JSON file with where it sits: `['compilerOptions', 'paths', '@/*', 0]`. */
interface JsonString {
  keys: Array<string | number>;
  node: ts.StringLiteral;
  start: number;
}

/** The folder a file's paths are written from, before and after the moves (they differ when the file moves). */
interface Dirs {
  from: string;
  to: string;
}

const TSCONFIG = /(^|\/)(tsconfig[^/]*|jsconfig[^/]*)\.json$/;
const PACKAGE_JSON = /(^|\/)package\.json$/;
const JEST_CONFIG = /(^|\/)jest\.config\.(js|cjs|mjs|ts|cts|mts|json)$/;
const WILDCARD = /[*?{[$]/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];

/** What names moved paths besides imports: the edited texts and what cannot follow safely. */
export interface PathReferencePlan {
  edited: Array<{ path: string; text: string }>;
  needsReview: NeedsReview[];
}

/**
 * Every place outside import specifiers that names a moved file or folder follows it, as edits in the same plan:
 * tsconfig/jsconfig `files`, `include`, `exclude`, `references`, `paths`, `rootDir(s)`, `extends`; package.json
 * `main`/`module`/`types`/`typings`/`browser`/`source`/`bin`/`exports`/`files` and its `jest` section; jest.config.*
 * strings (`<rootDir>/…`); `/// <reference path>` in files that stay. A glob that matched a moved file and no longer
 * does, and a project whose `include` loses a moved file, are listed for review.
 *
 * `texts` gives the current text of a file by its new path (moved files are read at their destination).
 */
export function planPathReferences(moved: MovedPaths, workspace: Workspace, texts: (file: string) => string | undefined): PathReferencePlan {
  const plan: PathReferencePlan = { edited: [], needsReview: [] };
  if (moved.empty) return plan;
  for (const file of workspace.files) {
    const at = moved.fileTo(file) ?? file;
    const dirs = { from: folderOf(file), to: folderOf(at) };
    const isConfig = TSCONFIG.test(file) || PACKAGE_JSON.test(file) || JEST_CONFIG.test(file);
    if (!isConfig && (!ownsTypeScriptPath(file) || moved.fileTo(file))) continue;
    const text = texts(at);
    if (text === undefined) continue;
    const edits = TSCONFIG.test(file)
      ? tsconfigEdits(at, dirs, text, moved, plan)
      : PACKAGE_JSON.test(file)
        ? packageJsonEdits(at, dirs, text, moved, plan)
        : JEST_CONFIG.test(file)
          ? jestConfigEdits(at, dirs, text, moved)
          : referencePathEdits(at, text, moved);
    if (edits.length) plan.edited.push({ path: at, text: applyEdits(text, edits) });
  }
  return plan;
}

/** tsconfig/jsconfig: every path entry, then whether each moved source file it included before is still included. */
function tsconfigEdits(file: string, dirs: Dirs, text: string, moved: MovedPaths, plan: PathReferencePlan): Edit[] {
  const strings = jsonStrings(file, text);
  const isPathEntry = ({ keys }: JsonString): boolean =>
    (keys.length === 2 && (keys[0] === 'files' || keys[0] === 'include' || keys[0] === 'exclude')) ||
    (keys.length === 3 && keys[0] === 'references' && keys[2] === 'path') ||
    (keys.length === 4 && keys[0] === 'compilerOptions' && keys[1] === 'paths') ||
    (keys.length === 2 && keys[0] === 'compilerOptions' && keys[1] === 'rootDir') ||
    (keys.length === 3 && keys[0] === 'compilerOptions' && keys[1] === 'rootDirs') ||
    (keys.length === 1 && keys[0] === 'extends');
  const edits: Edit[] = [];
  const after = new Map<JsonString, string>();
  for (const entry of strings.filter(isPathEntry)) {
    if (entry.keys[0] === 'extends' && !/^\.\.?\//.test(entry.node.text)) continue;
    const review = (reason: string): void => void plan.needsReview.push({ file, line: lineAt(text, entry.start), reason });
    const written = followPath(dirs, entry.node.text, moved, review, entry.keys[0] === 'exclude');
    after.set(entry, written ?? entry.node.text);
    if (written !== undefined) edits.push(replaceString(text, entry, written));
  }
  // a moved source file the project compiled before and does not any more has dropped out of it
  const listed = (key: string): JsonString[] => strings.filter((s) => s.keys.length === 2 && s.keys[0] === key);
  const [files, include] = [listed('files'), listed('include')];
  if (!files.length && !include.length) return edits;
  const includes = (entries: JsonString[], patternOf: (entry: JsonString) => string | undefined, target: string): boolean =>
    entries.some((entry) => {
      const pattern = patternOf(entry);
      if (pattern === undefined) return false;
      if (entry.keys[0] === 'files') return pattern === target;
      return WILDCARD.test(pattern) ? picomatch.isMatch(target, pattern, { dot: false }) : target === pattern || target.startsWith(`${pattern}/`) || pattern === '';
    });
  for (const [from, to] of moved.entries()) {
    if (!ownsTypeScriptPath(from)) continue;
    const before = includes([...files, ...include], (entry) => repoPathOf(dirs.from, entry.node.text), from);
    if (before && !includes([...files, ...include], (entry) => repoPathOf(dirs.to, after.get(entry)!), to)) {
      const anchor = (include[0] ?? files[0])!;
      plan.needsReview.push({ file, line: lineAt(text, anchor.start), reason: `${from} moves to ${to}, which this project's files/include no longer cover: add it if it still belongs to this project` });
    }
  }
  return edits;
}

/** package.json: entry points, `bin`, `exports` (any depth), `files`, and the `jest` section. */
function packageJsonEdits(file: string, dirs: Dirs, text: string, moved: MovedPaths, plan: PathReferencePlan): Edit[] {
  const edits: Edit[] = [];
  for (const entry of jsonStrings(file, text)) {
    const [first] = entry.keys;
    const isPath = (['main', 'module', 'types', 'typings', 'browser', 'source', 'bin', 'exports', 'files', 'imports'] as unknown[]).includes(first) && (first !== 'imports' || entry.keys.length > 1);
    const isJest = first === 'jest' && entry.keys.length >= 2;
    if (!isPath && !isJest) continue;
    const review = (reason: string): void => void plan.needsReview.push({ file, line: lineAt(text, entry.start), reason });
    const written = isJest ? followJestPath(dirs, entry.node.text, moved, review) : followPath(dirs, entry.node.text, moved, review, first === 'files');
    if (written !== undefined) edits.push(replaceString(text, entry, written));
  }
  return edits;
}

/** jest.config.*: any string that names a moved path (`<rootDir>/…`, `./…`), JSON or JavaScript alike. */
function jestConfigEdits(file: string, dirs: Dirs, text: string, moved: MovedPaths): Edit[] {
  const edits: Edit[] = [];
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.json') ? ts.ScriptKind.JSON : ts.ScriptKind.TS);
  // strings of code are followed where they name a moved path, never judged otherwise
  const ignore = (): void => undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const written = followJestPath(dirs, node.text, moved, ignore);
      if (written !== undefined) edits.push(replaceString(text, { node, start: node.getStart(sourceFile) }, written));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return edits;
}

/** `/// <reference path="…" />` in a file that stays, naming a moved file. */
function referencePathEdits(file: string, text: string, moved: MovedPaths): Edit[] {
  if (!text.includes('<reference')) return [];
  const dir = folderOf(file);
  const edits: Edit[] = [];
  for (const reference of ts.preProcessFile(text, false, false).referencedFiles) {
    const target = repoPathOf(dir, reference.fileName);
    const now = target === undefined ? undefined : moved.fileTo(target);
    if (now !== undefined) edits.push({ start: reference.pos, end: reference.end, text: spellLike(reference.fileName.startsWith('.') ? reference.fileName : './', dir, now) });
  }
  return edits;
}

/** A jest path: `<rootDir>/` is the config's folder; regular-expression keys and module names are left alone. */
function followJestPath(dirs: Dirs, value: string, moved: MovedPaths, review: (reason: string) => void): string | undefined {
  const root = '<rootDir>/';
  if (value.startsWith(root)) {
    const written = followPath(dirs, value.slice(root.length), moved, review, false);
    return written === undefined ? undefined : `${root}${written.replace(/^\.\//, '')}`;
  }
  return /^\.\.?\//.test(value) ? followPath(dirs, value, moved, review, false) : undefined;
}

/**
 * The new spelling of a path written under `dir`, when what it names moves: a file, a wholly moved folder, a file
 * named without its extension, or the fixed part of a pattern (`src/legacy/*`, `<rootDir>/src/$1`). A glob whose
 * fixed part does not move as a whole but that matched a moved file is reported (`isGlobList`: include-like lists).
 */
function followPath(dirs: Dirs, value: string, moved: MovedPaths, review: (reason: string) => void, isGlobList: boolean): string | undefined {
  if (!value || /^[a-z]+:/i.test(value) || value.startsWith('#')) return undefined;
  const target = repoPathOf(dirs.from, value);
  if (target === undefined) return undefined;
  // a file that moves itself keeps naming what stays from its new folder
  const respell = (now: string | undefined): string | undefined => {
    const spelled = spellLike(value, dirs.to, now ?? target);
    return now === undefined && dirs.from === dirs.to ? undefined : spelled === value ? undefined : spelled;
  };
  const wildcard = target.search(WILDCARD);
  if (wildcard === -1) return respell(moved.to(target) ?? extensionlessTo(target, moved));
  const fixed = target.slice(0, target.lastIndexOf('/', wildcard) + 1).replace(/\/$/, '');
  const now = fixed ? moved.to(fixed) : undefined;
  if (now !== undefined) return respell(`${now}${target.slice(fixed.length)}`);
  if (dirs.from !== dirs.to) return respell(undefined);
  if (isGlobList) {
    const lost = [...moved.entries()].filter(([from, to]) => picomatch.isMatch(from, target) && !picomatch.isMatch(to, target)).map(([from]) => from);
    if (lost.length) review(`'${value}' matched ${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ` and ${lost.length - 3} more` : ''}, which move${lost.length === 1 ? 's' : ''} out of it: add the new place if it belongs here`);
  }
  return undefined;
}

/** A file named without its extension (`./src/setup` for `src/setup.ts`) that moves keeping its extension. */
function extensionlessTo(target: string, moved: MovedPaths): string | undefined {
  for (const extension of SOURCE_EXTENSIONS) {
    const now = moved.fileTo(`${target}${extension}`);
    if (now?.endsWith(extension)) return now.slice(0, -extension.length);
  }
  return undefined;
}

/** Every string value of a JSON (with comments) file, with its key path. */
function jsonStrings(file: string, text: string): JsonString[] {
  const source = ts.parseJsonText(file, text);
  const out: JsonString[] = [];
  const visit = (node: ts.Node, keys: Array<string | number>): void => {
    if (ts.isStringLiteral(node)) out.push({ keys, node, start: node.getStart(source) });
    else if (ts.isArrayLiteralExpression(node)) node.elements.forEach((element, index) => visit(element, [...keys, index]));
    else if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property) && (ts.isStringLiteral(property.name) || ts.isIdentifier(property.name))) visit(property.initializer, [...keys, property.name.text]);
      }
    }
  };
  const root = source.statements[0]?.expression;
  if (root) visit(root, []);
  return out;
}

function replaceString(text: string, { node, start }: { node: ts.Node; start: number }, value: string): Edit {
  const quote = text[start] ?? '"';
  return { start: start + 1, end: node.end - 1, text: value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) };
}
