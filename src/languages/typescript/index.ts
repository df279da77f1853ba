import type { ImportMap } from '../../importmap/types';
import type { LanguageAdapter } from '../types';
import type { Workspace } from '../../core/types';
import * as path from 'node:path';
import { relativePosix, toPosix } from '../../core/paths';
import { stripSourceExtension } from './module-files';
import { declaredAnywhere, packageNameOf } from './dependencies';
import { prepareTypeScriptMap, rootProbe } from './prepare';
import { type TypeScriptPreparedMap } from './prepared-map';
import { ownsTypeScriptPath } from './owns';
import { blockFileName, isComponentFile, scriptBlocks } from './components';
import { shimMarkerText } from '../../core/shims';

// What parses or resolves loads the compiler (9 MB of JavaScript): required when first called, so that a plan whose
// files all pass the prefilter without a parse never loads it.
const rewrite = () => require('./rewrite/index') as typeof import('./rewrite/index');
const shims = () => require('./shims') as typeof import('./shims');
const moves = () => require('./moves') as typeof import('./moves');
const barrels = () => require('./barrels') as typeof import('./barrels');
const importers = () => require('./importers') as typeof import('./importers');
const verification = () => require('./verify') as typeof import('./verify');
const syntax = () => require('./syntax') as typeof import('./syntax');
const specifiers = () => require('./specifier') as typeof import('./specifier');

export type { TypeScriptPreparedMap } from './prepared-map';

/**
 * The TypeScript/JavaScript adapter: `.ts .tsx .mts .cts .js .jsx .mjs .cjs` (and `.d.ts`), resolved with the
 * compiler's own module resolution under each file's own tsconfig/jsconfig (the map's root's as the fallback).
 *
 * @example
 * const prepared = await typescriptAdapter.prepare(map, workspace);
 * const result = await typescriptAdapter.planRewrite({ path: 'src/app.ts', text }, prepared);
 * if (result.kind === 'changed') applyEdits(text, result.edits);
 * const shims = await typescriptAdapter.planShims!(prepared, workspace);   // files: [{ path, text }]
 */
export const typescriptAdapter: LanguageAdapter<TypeScriptPreparedMap> = {
  id: 'typescript',
  owns: ownsTypeScriptPath,
  prepare: async (map, workspace) => prepareWithBarrels(map, workspace),
  checkTargets: async (prepared) => prepared.checkTargets(),
  useHelperThread: (prepared) => prepared.skeletons.allow(),
  planRewrite: async (file, prepared) => rewrite().planTypeScriptRewrite(file, prepared, { skeleton: prepared.skeletons.take(file.path, file.text) }),
  syntaxError: async (path, text) => generatedSyntaxError(path, text),
  warnings: (prepared) => [
    ...prepared.retired.map((id) => {
      const rule = prepared.map.rules.find((candidate) => candidate.from === id)!;
      return `${prepared.map.file}:${prepared.map.lineOf(['rewrite', rule.index, 'from']) ?? 1}: rewrite[${rule.index}].from: '${id}' is not in the repository (deleted already?): its importers are rewritten from the map, names unchecked against it`;
    }),
    ...[...prepared.uncheckedTargets].sort((a, b) => a - b).map((index) => {
      const rule = prepared.map.rules.find((candidate) => candidate.index === index)!;
      return `${prepared.map.file}:${prepared.map.lineOf(['rewrite', index, 'to']) ?? 1}: rewrite[${index}].to: '${rule.to}' has no type declarations or source remodel can read from here (not installed?): its names are unchecked`;
    }),
    ...prepared.oldNamesMissing,
  ],
  spellingsOf: (prepared, id, folder) => spellingsOf(prepared, id, folder),
  moduleFile: (prepared, id) => {
    const file = prepared.moduleFiles.get(id);
    return file === undefined ? undefined : relativePosix(prepared.cwd, file);
  },
  resolvedFileOf: (prepared, id) => {
    const file = prepared.bareIds.has(id) ? prepared.resolver.resolve(id, rootProbe(prepared.config, prepared.cwd), 'import') : prepared.moduleFiles.get(id);
    return file === undefined ? undefined : relativePosix(prepared.cwd, file);
  },
  moduleExists: (prepared, id) => (prepared.bareIds.has(id) ? bareSpecifierExists(prepared, id) : prepared.moduleFiles.has(id)),
  // a shim that keeps names of its own has its deprecated exports where the declarations stood: pruned by hand
  pruneShim: (text) =>
    text.includes(`// ${shimMarkerText} for `) ? { kind: 'delete' } : { kind: 'keep', why: 'a TypeScript shim that keeps names of its own is pruned by hand: drop its deprecated re-exports and their import block' },
  importersOf: async (prepared, workspace, file) => importers().importersOfFile(prepared, workspace, file),
  verify: (prepared, trees) => verification().verifyTypeScript(prepared, trees),
  planShims: async (prepared, workspace) => {
    // a shim re-exports from the targets: an installed package's declarations are found with the names' check
    prepared.checkTargets();
    return shims().planTypeScriptShims(prepared, workspace);
  },
  moveRules: (map, fileMoves, workspace) => moves().typescriptMoveRules(map, fileMoves, workspace),
  planMoves: async (prepared, fileMoves, workspace) => moves().planTypeScriptMoves(prepared, fileMoves, workspace),
};

/**
 * The specifiers that name a module from the files of one folder, as text: relative (extensionless, `.js`, by its folder
 * for an index), and every tsconfig `paths` alias of the folder's configuration; a bare id is itself.
 */
function spellingsOf(prepared: TypeScriptPreparedMap, id: string, folder: string): string[] {
  if (prepared.bareIds.has(id)) return [id];
  const file = prepared.moduleFiles.get(id);
  if (!file) return [];
  const from = path.join(prepared.cwd, folder);
  const relative = (target: string): string => {
    const spelled = toPosix(path.relative(from, target)) || '.';
    return spelled.startsWith('.') ? spelled : `./${spelled}`;
  };
  const base = stripSourceExtension(file);
  const options = prepared.resolver.optionsFor(path.join(from, '__remodel_probe__.ts'));
  const spellings = (target: string): string[] => [relative(target), ...specifiers().aliasSpecifiers(target, options, '')];
  const out = new Set(spellings(base).flatMap((spelled) => [spelled, `${spelled}.js`]));
  if (path.basename(base) === 'index') for (const spelled of spellings(path.dirname(base))) out.add(spelled);
  return [...out];
}

/** The first syntax error of a generated file (a component's: of its `<script>` blocks, at their lines). */
function generatedSyntaxError(file: string, text: string): ReturnType<ReturnType<typeof syntax>['firstSyntaxError']> {
  const { firstSyntaxError, parseSource } = syntax();
  if (!isComponentFile(file)) return firstSyntaxError(parseSource(file, text, { parents: false }));
  for (const block of scriptBlocks(text)) {
    const error = firstSyntaxError(parseSource(blockFileName(file, block), text.slice(block.start, block.end), { parents: false }));
    if (error) return { ...error, line: error.line + block.line - 1 };
  }
  return undefined;
}

/**
 * A bare specifier names something when the compiler resolves it from the map's root (node_modules, tsconfig
 * `paths`) or some package.json of the repository is that package or declares it (not installed yet is fine).
 */
function bareSpecifierExists(prepared: TypeScriptPreparedMap, id: string): boolean {
  if (declaredAnywhere(prepared.cwd, prepared.workspace.files, packageNameOf(id))) return true;
  // nothing installed under its name: the compiler would resolve it nowhere (and is not loaded to say so)
  if (prepared.bareIdPlace(id) === 'nowhere') return false;
  // `resolve` answers a file of the repository only; a package found in node_modules is not `unresolved` either
  return !prepared.resolver.unresolved(id, rootProbe(prepared.config, prepared.cwd), 'import');
}

/**
 * Prepares the map; with `barrels: follow` entries, prepares it again with the entries derived for the barrels that
 * follow a rename (their importers follow in turn), so that resolution, needles and old files cover them.
 */
function prepareWithBarrels(map: ImportMap, workspace: Workspace): TypeScriptPreparedMap {
  const prepared = prepareTypeScriptMap(map, workspace);
  if (!map.rules.some((rule) => rule.barrels === 'follow')) return prepared;
  // following barrels reads the targets' exports (an installed package's declarations among them)
  prepared.checkTargets();
  const followed = barrels().barrelRules(prepared);
  return followed.length ? prepareTypeScriptMap(map.extend(followed), workspace) : prepared;
}
