import * as path from 'node:path';
import { lineEnding } from '../../../core/edits';
import { shimMarkerText } from '../../../core/shims';
import type { ShimPlan } from '../../types';
import type { Workspace } from '../../../core/types';
import { existsInPlan, rootProbe } from '../prepare';
import { type TypeScriptPreparedMap } from '../prepared-map';
import { createWorkspaceProgram } from '../program';
import { ownsTypeScriptPath } from '../owns';
import { findModuleFile, stripSourceExtension } from '../module-files';
import { parseSource, scriptKindOf } from '../syntax';
import { ts } from '../ts';
import { relativePosix } from '../../../core/paths';
import { codeStyleOf } from './code-style';
import { EntryFacts, RenderContext, ShimExport } from './types';
import { defaultExportName, isDirective, renderCommonJs, renderWhole } from './render';
import { writeSpecifier } from '../specifier';
import { meaningFlags, moduleExports, orderedExports, readShimTargets, targetOf } from './exports';
import { renderInPlace } from './in-place';
import { loadCycleProblem } from './load-cycles';

/**
 * The `shims:` entries of a TypeScript map. A module the map moves as a whole (or that `relocate` moved away)
 * becomes a file of deprecated re-exports, each in the form that keeps its kind and carries `@deprecated`
 * through any number of re-export hops:
 *
 * ```ts
 * import * as bookingEntity from '../../db/entities/booking.entity';
 * /** @deprecated Use `import { Booking } from '@/db/entities/booking.entity'`. *\/
 * export const Booking = bookingEntity.Booking;
 * /** @deprecated Use `import { Booking } from '@/db/entities/booking.entity'`. *\/
 * export type Booking = bookingEntity.Booking;
 * ```
 *
 * A module that keeps some names (name-level moves) has only the moved declarations replaced. Both carry the
 * `remodel: deprecation shim` comment, and are regenerated from what the shim itself exports on a re-run.
 *
 * @throws ImportMapError for a shim of a module the map does not move, or one that would drop exports
 */
export function planTypeScriptShims(prepared: TypeScriptPreparedMap, workspace: Workspace): ShimPlan {
  const plan: ShimPlan = { files: [], needsReview: [], notes: [] };
  const { map, cwd } = prepared;
  const facts: EntryFacts[] = [];
  for (const [index, written] of map.shims.entries()) {
    const fail = (key: string, detail: string): never => {
      throw map.error(['shims', index, key], detail);
    };
    // a folder named for its index module (`src/models`) whose file only a relocation moves (the rule names the file)
    const indexId = `${written.module.replace(/\/+$/, '')}/index`;
    const byIndex = !map.moveOfModule(written.module) && !map.hasNameMoves(written.module) && !!map.moveOfModule(indexId)?.rule.derived;
    const entry = byIndex ? { ...written, module: indexId } : written;
    const module = entry.module;
    if (!map.moveOfModule(module) && !map.hasNameMoves(module)) fail('module', `'${module}' is not moved by any rewrite entry, so there is nothing to shim`);
    const file = findModuleFile(module, (f) => workspace.has(f)) ?? findModuleFile(module, (f) => existsInPlan(workspace, f));
    const folder = module.replace(/^\.\//, '').replace(/\/+$/, '');
    if (file === undefined && map.moveOfModule(module)?.rule.package) {
      // case: a package entry's folder: every module in it becomes a shim of its own
      const submodules = workspace.files.filter((f) => f.startsWith(`${folder}/`) && ownsTypeScriptPath(f) && !/\.d\.[mc]?ts$/.test(f));
      for (const submodule of submodules) {
        facts.push({ index, entry: { ...entry, module: stripSourceExtension(submodule) }, file: submodule, current: workspace.movedTo(submodule) ?? submodule, fail });
      }
      if (submodules.length) continue;
    }
    if (file === undefined && prepared.bareIds.has(module)) {
      // a workspace package named by its specifier: the shim goes at the file it resolves to, which the map must name
      const resolved = prepared.resolver.resolve(module, rootProbe(prepared.config, cwd), 'import');
      const inRepo = resolved && !relativePosix(cwd, resolved).split('/').includes('node_modules') ? stripSourceExtension(relativePosix(cwd, resolved)) : undefined;
      fail('module', inRepo ? `'${module}' is a package specifier and a shim is a file: name the module by its file, ${inRepo}, in rewrite and shims` : `'${module}' is a package specifier that names no file of this repository: its shim belongs to the package's own repository`);
    }
    if (file === undefined) fail('module', `'${module}' resolves to no file (looked for ${module}.ts/.tsx/.js/... and ${module}/index.*)`);
    if (/\.d\.[mc]?ts$/.test(file!)) fail('module', `'${file}' is a declaration file: remodel writes shims for modules with code`);
    facts.push({ index, entry, file: file!, current: workspace.movedTo(file!) ?? file!, fail });
  }
  if (!facts.length) return plan;

  const abs = (file: string): string => path.join(cwd, file);
  const roots = new Set<string>(facts.map((f) => abs(f.current)));
  for (const file of prepared.moduleFiles.values()) if (existsInPlan(workspace, relativePosix(cwd, file))) roots.add(file);
  // targets of package entries are known per submodule
  for (const { entry } of facts) {
    const whole = map.moveOfModule(entry.module)?.module;
    const file = whole === undefined ? undefined : findModuleFile(whole, (f) => existsInPlan(workspace, f));
    if (file) roots.add(abs(file));
  }
  // one program answers for every shim; each file's imports resolve under its own tsconfig
  const program = createWorkspaceProgram(cwd, prepared.resolver.optionsFor(abs(facts[0]!.current)), workspace, [...roots], prepared.resolver);
  const checker = program.getTypeChecker();
  const exportsCache = new Map<string, Map<string, ts.Symbol> | undefined>();
  const exportsOf = (file: string): Map<string, ts.Symbol> | undefined => {
    if (!exportsCache.has(file)) exportsCache.set(file, moduleExports(program, checker, file));
    return exportsCache.get(file);
  };

  for (const fact of facts) {
    const { entry, file, current, fail } = fact;
    const text = workspace.read(current);
    const relocated = current !== file;
    const scriptKind = scriptKindOf(file);
    const isJs = scriptKind === ts.ScriptKind.JS || scriptKind === ts.ScriptKind.JSX;
    const sourceFile = parseSource(file, text);
    const oldExports = exportsOf(abs(current));
    const directives: string[] = [];
    for (const statement of sourceFile.statements) {
      if (!isDirective(statement)) break;
      directives.push((statement as ts.ExpressionStatement).expression.getText(sourceFile));
    }
    const context: RenderContext = { prepared, entry, shimPath: file, isJs, eol: lineEnding(text), sourceText: text, style: codeStyleOf(text), directives };
    if (!oldExports) {
      const commonJs = isJs ? commonJsTarget(prepared, workspace, entry.module, file, context) : undefined;
      if (typeof commonJs === 'object') {
        const shim = renderCommonJs(context, commonJs);
        if (shim !== text || relocated) plan.files.push({ path: file, text: shim });
      } else plan.needsReview.push({ file, line: 1, reason: `${entry.module} is not an ES module (no import or export)${commonJs ? `: ${commonJs}` : ''}: write its shim by hand` });
      continue;
    }
    if (oldExports.has('export=')) {
      plan.needsReview.push({ file, line: 1, reason: `${entry.module} uses 'export =': write its shim by hand` });
      continue;
    }
    // a shim written by an earlier run knows where each of its names comes from
    const known = text.includes(shimMarkerText) ? readShimTargets(sourceFile, (specifier) => prepared.resolver.resolve(specifier, abs(current), 'import')) : new Map<string, { file: string; name: string }>();
    const served: ShimExport[] = [];
    const stays: string[] = [];
    const missing: string[] = [];
    const mismatched: string[] = [];
    const circular = new Map<string, string[]>();
    const oldFiles = new Set([abs(file), abs(current)]);
    for (const [old, symbol] of orderedExports(oldExports, abs(current))) {
      const target = targetOf(prepared, workspace, entry.module, old, relocated ? { file: abs(current), id: stripSourceExtension(current), name: old } : undefined, known.get(old));
      if (!target) {
        stays.push(old);
        continue;
      }
      const canonical = exportsOf(target.file)?.get(target.name);
      if (!canonical) {
        missing.push(old === target.name ? old : `${old} (as ${target.name})`);
        continue;
      }
      // (a module only relocated is served from where it moved: that is no cycle)
      if (target.file !== abs(current) && definedIn(checker, canonical).some((declared) => oldFiles.has(declared))) {
        circular.set(target.id, [...(circular.get(target.id) ?? []), target.name]);
        continue;
      }
      const oldFlags = meaningFlags(checker, symbol);
      const newFlags = meaningFlags(checker, canonical);
      const wantValue = oldFlags ? (oldFlags & ts.SymbolFlags.Value) !== 0 : (newFlags & ts.SymbolFlags.Value) !== 0;
      const wantType = oldFlags ? (oldFlags & ts.SymbolFlags.Type) !== 0 : (newFlags & ts.SymbolFlags.Type) !== 0;
      if ((wantValue && !(newFlags & ts.SymbolFlags.Value)) || (wantType && !isJs && !(newFlags & ts.SymbolFlags.Type))) {
        mismatched.push(`${old} (a ${wantValue ? 'value' : 'type'} here, ${newFlags & ts.SymbolFlags.Value ? 'a value' : 'only a type'} in ${target.id})`);
        continue;
      }
      const declaration = canonical.declarations?.[0];
      const declaredAs = target.name === 'default' && declaration ? defaultExportName(declaration) : undefined;
      served.push({ old, target: declaredAs ? { ...target, declaredAs } : target, value: wantValue, type: wantType && !isJs });
    }
    if (missing.length || mismatched.length) {
      const to = map.moveOfModule(entry.module)?.module ?? 'their canonical modules';
      const parts: string[] = [];
      if (missing.length) parts.push(`${entry.module} exports ${missing.join(', ')}, which ${to} lacks: a shim would drop ${missing.length === 1 ? 'it' : 'them'} (move ${missing.length === 1 ? 'it' : 'them'} first, or use a name-level entry)`);
      if (mismatched.length) parts.push(`${mismatched.join(', ')}: a shim would change what ${mismatched.length === 1 ? 'it is' : 'they are'}`);
      fail('module', parts.join('; '));
    }
    for (const [id, names] of circular) {
      fail('module', `${id} gets ${names.join(', ')} from ${entry.module} itself: a shim would delete what it imports and import itself (move ${names.length === 1 ? 'its definition' : 'their definitions'} into ${id} first)`);
    }
    if (!served.length && !stays.length) {
      // e.g. an `export *` whose module nothing resolves: a shim would export nothing
      plan.needsReview.push({ file, line: 1, reason: `the checker finds no exports in ${entry.module} (an 'export *' it cannot resolve?): write its shim by hand` });
      continue;
    }
    if (stays.length) {
      const sourceOf = (target: string): ts.SourceFile | undefined => {
        const rel = relativePosix(cwd, target);
        return existsInPlan(workspace, rel) ? parseSource(target, workspace.read(rel)) : undefined;
      };
      const problem = loadCycleProblem({ module: entry.module, file: abs(file), sourceFile, sourceOf, resolve: (specifier, importer) => prepared.resolver.resolve(specifier, importer, 'import') }, served);
      if (problem) fail('module', problem);
    }
    const shim = stays.length
      ? renderInPlace(context, sourceFile, served, plan)
      : renderWhole(context, served);
    // a module names move out of, relocated: the moved file keeps its own names and serves the moved ones, deprecated,
    // as it would in place (no second definition of a moved class is left where it went)
    const leaving = relocated && map.hasNameMoves(entry.module) ? served.filter((s) => s.target.file !== abs(current)) : [];
    if (leaving.length) {
      const kept = renderInPlace({ ...context, shimPath: current }, sourceFile, leaving, plan);
      if (kept !== text) plan.files.push({ path: current, text: kept });
    }
    if (stays.length && entry.runtimeWarning) {
      plan.notes.push({ file, line: 1, message: `${entry.module} keeps names of its own, so its importers are not all deprecated: no runtime warning (the moved names still carry @deprecated)` });
    }
    if (shim !== text || relocated) plan.files.push({ path: file, text: shim });
  }
  return plan;
}

/**
 * Where a CommonJS module (no `import` or `export`, its exports on `module.exports`) can be served from by requiring
 * it: the one module a whole-module entry without renames moves it to, itself CommonJS JavaScript (an ES module's
 * `require` gives a namespace object, not what `module.exports` held). Else why not, or undefined for a file that is
 * no module at all (a script).
 */
function commonJsTarget(prepared: TypeScriptPreparedMap, workspace: Workspace, module: string, shimPath: string, context: RenderContext): { id: string; specifier: string } | string | undefined {
  if (!/\b(?:module\.exports|exports\.\w+)\s*=/.test(context.sourceText)) return undefined;
  const whole = prepared.map.moveOfModule(module);
  if (!whole) return `its names move one by one (a CommonJS module is served whole)`;
  if (whole.rule.rename.size) return `the entry renames names of its exports object`;
  const targetFile = findModuleFile(whole.module, (f) => existsInPlan(workspace, f));
  const kind = targetFile === undefined ? undefined : scriptKindOf(targetFile);
  if (targetFile === undefined || (kind !== ts.ScriptKind.JS && kind !== ts.ScriptKind.JSX)) return `${whole.module} is not a JavaScript file to require`;
  if (ts.isExternalModule(parseSource(targetFile, workspace.read(targetFile)))) return `${whole.module} is an ES module (requiring it gives its namespace, not the old exports)`;
  const absolute = path.join(prepared.cwd, targetFile);
  const specifier = writeSpecifier({ importer: path.join(prepared.cwd, shimPath), original: `./${path.basename(stripSourceExtension(targetFile))}`, originalFile: absolute, target: absolute, usage: 'require' }, prepared.resolver);
  return specifier === undefined ? `no specifier leads from it to ${whole.module}` : { id: whole.module, specifier };
}

/** The files that declare what an export is, past any re-export or import alias. */
function definedIn(checker: ts.TypeChecker, symbol: ts.Symbol): string[] {
  const origin = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (origin.declarations ?? []).map((declaration) => path.normalize(declaration.getSourceFile().fileName));
}
