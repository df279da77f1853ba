import { textOrUndefined } from '../../core/read-text';
import * as path from 'node:path';
import type { RawRewriteEntry } from '../../importmap/schema';
import type { ImportMap } from '../../importmap/types';
import { applyEdits, lineAt } from '../../core/edits';
import { ownLocationReview } from '../own-location';
import { readsBinding } from './identifier-roles';
import type { FileMove } from '../../core/types';
import type { Edit } from '../../core/types';
import type { MovePlan } from '../types';
import type { Workspace } from '../../core/types';
import type { TypeScriptPreparedMap } from './prepared-map';
import type { UsageKind } from './resolve';
import { findModuleFile, sourceExtension, stripSourceExtension } from './module-files';
import { ACTUAL_CALLS, MOCK_CALLS } from './rewrite/forms/module-call';
import { calleeName } from './rewrite/text';
import { blockFileName, isComponentFile, scriptBlocks } from './components';
import { parseSource } from './syntax';
import { writeSpecifier } from './specifier';
import { ts } from './ts';
import { ownsTypeScriptPath } from './owns';
import { relativePosix } from '../../core/paths';
import { MovedPaths } from '../../workspace/moved-paths';
import { planPathReferences } from './path-references';


/**
 * The module id of a relocated file: its repository path without extension (`src/models/booking`); an index file
 * keeps `/index`, so that `./models` and `./models/index` both resolve to it. A destination whose extension differs
 * from its source keeps its extension (`src/models/booking.mts`), which `findModuleFile` reads as an exact file.
 */
function relocatedIds(move: FileMove): { from: string; to: string } {
  // case: import data from './data.json' (resolveJsonModule): the id is the file
  if (move.from.endsWith('.json')) return { from: move.from, to: move.to };
  const same = sourceExtension(move.from) === sourceExtension(move.to);
  return { from: stripSourceExtension(move.from), to: same ? stripSourceExtension(move.to) : move.to };
}

/**
 * Importers of a relocated file follow it: one derived rewrite entry per moved TS/JS file, unless the map already
 * moves that module as a whole (a rewrite entry, by id or by the file it names, or a package entry over it), in which
 * case its importers go where the map says. Names a name-level entry moves out of it go there; the others follow the
 * file. A shim on a relocated module serves each name from its new place.
 *
 * @example
 * typescriptMoveRules(map, [{ from: 'src/models/booking.ts', to: 'src/models/DEPRECATED/booking.ts', entry: 0, folder: false }], ws)
 * // [{ from: 'src/models/booking', to: 'src/models/DEPRECATED/booking' }]
 */
export function typescriptMoveRules(map: ImportMap, moves: readonly FileMove[], workspace: Workspace): RawRewriteEntry[] {
  const fileOf = (id: string): string | undefined => findModuleFile(id, (f) => workspace.has(f));
  const mapped = new Set<string>();
  for (const rule of map.rules) {
    if (rule.package || rule.names) continue;
    const file = fileOf(rule.from);
    if (file) mapped.add(file);
  }
  const entries: RawRewriteEntry[] = [];
  for (const move of moves) {
    // (a component's importers are not followed: the compiler resolves no `.vue`/`.svelte` specifier; planMoves says so)
    if (!(ownsTypeScriptPath(move.from) || move.from.endsWith('.json')) || isComponentFile(move.from) || mapped.has(move.from)) continue;
    const ids = relocatedIds(move);
    const folderId = path.posix.basename(ids.from) === 'index' ? path.posix.dirname(ids.from) : undefined;
    if (map.moveOfModule(ids.from) || (folderId && map.moveOfModule(folderId))) continue;
    entries.push(ids);
  }
  return entries;
}

/** A module specifier in a file, with how it is loaded. */
interface SpecifierSite {
  literal: ts.StringLiteralLike;
  usage: UsageKind;
}

/**
 * Every string that names a module in a file: import/export declarations, `import x = require()`, relative
 * `declare module`, `import()`, `require()`, `require.resolve()`, jest/vitest mock strings, `import('x').T` types,
 * also inside JSDoc (`@type {import('x').T}`, `@import { T } from 'x'`: what checkJs reads).
 */
export function findSpecifiers(sourceFile: ts.SourceFile): SpecifierSite[] {
  const sites: SpecifierSite[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      // case: import ... from 'x' / export ... from 'x'
      sites.push({ literal: node.moduleSpecifier, usage: 'import' });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteralLike(node.moduleReference.expression)) {
      // case: import x = require('x')
      sites.push({ literal: node.moduleReference.expression, usage: 'require' });
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name) && node.name.text.startsWith('.')) {
      // case: declare module './x' (augmentation of a relative module)
      sites.push({ literal: node.name, usage: 'import' });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import' : calleeName(node.expression);
      const argument = node.arguments[0];
      if (callee && argument && ts.isStringLiteralLike(argument)) {
        // case: import('x'), require('x'), require.resolve('x'), jest.mock('x'), vi.mock('x'), jest.requireActual('x')
        const usage: UsageKind | undefined = callee === 'import' ? 'import' : callee === 'require' || callee === 'require.resolve' ? 'require' : (MOCK_CALLS.get(callee) ?? ACTUAL_CALLS.get(callee));
        if (usage) sites.push({ literal: argument, usage });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      // case: import('x').T in a type
      sites.push({ literal: node.argument.literal, usage: 'import' });
    } else if (ts.isJSDocImportTag(node) && ts.isStringLiteralLike(node.moduleSpecifier)) {
      // case: /** @import { T } from 'x' */
      sites.push({ literal: node.moduleSpecifier, usage: 'import' });
    }
    // JSDoc hangs beside the tree, not in it
    for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) visit(doc);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}

/** Where code reads its own file's location: `__dirname`, `__filename` (CommonJS), `import.meta.url` / `dirname` / `filename`. */
function ownLocationReads(sourceFile: ts.SourceFile): Array<{ at: number; read: string }> {
  if (!/__dirname|__filename|import\.meta/.test(sourceFile.text)) return [];
  const reads: Array<{ at: number; read: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && (node.text === '__dirname' || node.text === '__filename') && readsBinding(node)) {
      reads.push({ at: node.getStart(sourceFile), read: node.text });
    } else if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword && ['url', 'dirname', 'filename'].includes(node.name.text)) {
      reads.push({ at: node.getStart(sourceFile), read: `import.meta.${node.name.text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return reads;
}

const isRelative = (specifier: string): boolean => specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');

/**
 * The moved files' new texts: every specifier that pointed at a file still points at it from the new place
 * (relative ones recomputed in their own style; any that named a file moved in the same plan now name its new
 * place, so files moved together keep their mutual imports). Aliases and package specifiers stay as written while
 * they resolve the same from the new place under its own tsconfig; otherwise they are respelled there.
 */
export function planTypeScriptMoves(prepared: TypeScriptPreparedMap, moves: readonly FileMove[], workspace: Workspace): MovePlan {
  const plan: MovePlan = { moved: [], created: [], edited: [], needsReview: [], notes: [] };
  const { cwd, resolver } = prepared;
  const destination = new Map(moves.map((move) => [path.join(cwd, move.from), path.join(cwd, move.to)]));
  for (const move of moves) {
    const text = workspace.read(move.from);
    if (!ownsTypeScriptPath(move.from)) {
      plan.moved.push({ from: move.from, to: move.to, text });
      continue;
    }
    const sourceFile = parseSource(move.from, text);
    if (isComponentFile(move.from)) {
      plan.needsReview.push({ file: move.to, line: 1, reason: `the files that import the component ${move.from} are not rewritten (the compiler resolves no .vue/.svelte specifier): point them at ${move.to} by hand` });
    }
    const oldAbsolute = path.join(cwd, move.from);
    const newAbsolute = path.join(cwd, move.to);
    const edits: Edit[] = [];
    // a component's specifiers sit in its <script> blocks, parsed apart and shifted back by their offsets
    const scripts = isComponentFile(move.from)
      ? scriptBlocks(text).map((block) => ({ sourceFile: parseSource(blockFileName(move.from, block), text.slice(block.start, block.end)), offset: block.start }))
      : [{ sourceFile, offset: 0 }];
    const sites = scripts.flatMap(({ sourceFile: script, offset }) => findSpecifiers(script).map((site) => ({ ...site, start: site.literal.getStart(script) + offset, end: site.literal.end + offset })));
    for (const { literal, usage, start, end } of sites) {
      const specifier = literal.text;
      const target = resolver.resolve(specifier, oldAbsolute, usage);
      if (!target) continue;
      const now = destination.get(target) ?? target;
      // an alias or baseUrl path stays as written while it still leads there from the new place (whose tsconfig may differ)
      if (!isRelative(specifier) && now === target && resolver.resolve(specifier, newAbsolute, usage) === target) continue;
      const written = writeSpecifier({ importer: newAbsolute, original: specifier, originalFile: target, target: now, usage, originalImporter: oldAbsolute }, resolver);
      if (written === undefined) {
        plan.needsReview.push({ file: move.to, line: lineAt(text, start), reason: `'${specifier}' cannot be spelled from the new place with the project's tsconfig; left as it is` });
        continue;
      }
      if (written === specifier) continue;
      const quote = text[start] ?? "'";
      edits.push({ start: start + 1, end: end - 1, text: written.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) });
    }
    for (const { sourceFile: script, offset } of scripts) {
      for (const { at, read } of ownLocationReads(script)) {
        const review = ownLocationReview(move, lineAt(text, at + offset), read);
        if (review) plan.needsReview.push(review);
      }
    }
    // case: /// <reference path="./x.d.ts" />
    for (const reference of isComponentFile(move.from) ? [] : sourceFile.referencedFiles) {
      const target = path.resolve(path.dirname(oldAbsolute), reference.fileName);
      const now = destination.get(target) ?? target;
      let written = relativePosix(path.dirname(newAbsolute), now);
      if (!written.startsWith('.')) written = `./${written}`;
      const original = reference.fileName;
      if (path.resolve(path.dirname(newAbsolute), original) !== now) edits.push({ start: reference.pos, end: reference.end, text: written });
    }
    plan.moved.push({ from: move.from, to: move.to, text: applyEdits(text, edits) });
  }
  const movedTexts = new Map(plan.moved.map((item) => [item.to, item]));
  const references = planPathReferences(new MovedPaths(moves, workspace.files), workspace, (file) => movedTexts.get(file)?.text ?? textOrUndefined(workspace, file));
  for (const { path: file, text } of references.edited) {
    const movedHere = movedTexts.get(file);
    if (movedHere) movedHere.text = text;
    else plan.edited.push({ path: file, text });
  }
  plan.needsReview.push(...references.needsReview);
  return plan;
}
