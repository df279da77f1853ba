import type { ModuleTarget } from '../../../../importmap/types';
import { type OldModule } from '../../old-module';
import type { UsageKind } from '../../resolve';
import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { bindingOf, needValue } from '../deferred-imports';
import { textOrUndefined } from '../../../../core/read-text';
import { relativePosix } from '../../../../core/paths';
import { parseSource } from '../../syntax';
import type { MemberUse } from '../../scopes';

/** Barrel file -> the files it re-exports (`export * from`, `export { … } from`), read once per run. */
const reexportsCache = new WeakMap<object, Map<string, Set<string>>>();

/**
 * Whether a namespace import would be widened: the new module is another file that re-exports the old one (a package
 * index over its sub-path), so the namespace object, and what spying on it patches, changes.
 */
export function widensTo(rw: FileRewrite, literal: ts.StringLiteralLike, old: OldModule, module: string, usage: UsageKind): boolean {
  const { resolver } = rw.prepared;
  const oldFile = old.file ?? resolver.resolve(literal.text, rw.absolute, usage);
  const target = rw.isBare(module) ? resolver.resolve(module, rw.absolute, usage) : rw.fileOfModule(module);
  if (!oldFile || !target || target === oldFile) return false;
  let byBarrel = reexportsCache.get(rw.prepared);
  if (!byBarrel) reexportsCache.set(rw.prepared, (byBarrel = new Map()));
  let reexported = byBarrel.get(target);
  if (!reexported) {
    reexported = new Set<string>();
    // a file of the repository as the plan has it so far, or an installed package's from disk
    const text = textOrUndefined(rw.prepared.workspace, relativePosix(rw.prepared.cwd, target)) ?? ts.sys.readFile(target);
    for (const statement of text === undefined ? [] : parseSource(target, text, { parents: false }).statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const file = resolver.resolve(statement.moduleSpecifier.text, target, 'import');
      if (file) reexported.add(file);
    }
    byBarrel.set(target, reexported);
  }
  return reexported.has(oldFile);
}

/** Why a namespace of the old module is left as it is when its target re-exports it (see `widensTo`). */
export function widenedNamespace(what: string, old: OldModule, module: string): string {
  return `${what} of '${old.id}' would become the whole of '${module}', which re-exports it: another namespace object (a jest.spyOn or mock on it would patch another module); left as it is`;
}

export function rewriteNamespace(rw: FileRewrite, statement: ts.ImportDeclaration | ts.ImportEqualsDeclaration, literal: ts.StringLiteralLike, old: OldModule, name: ts.Identifier, typeOnly: boolean, usage: UsageKind): void {
  const whole = rw.map.moveOfModule(old.id);
  const ns = name.text;
  const renames = whole ? whole.rule.rename.size > 0 || rw.map.rules.some((rule) => rule.derived && rule.rename.size) : rw.map.hasNameMoves(old.id);
  if (rw.component && renames) {
    // the template (not read) may use `ns.Old` too
    rw.review(statement, `namespace '${ns}' of '${old.id}' in a component, whose names move or are renamed: rewrite the script and the template by hand`);
    return;
  }
  if (whole) {
    followWholeModule(rw, statement, literal, old, whole, name, typeOnly, usage, renames);
    return;
  }
  if (!rw.map.hasNameMoves(old.id)) return;
  const uses = rw.scope.memberUses(ns);
  // case: ns.Old of a barrel that renames Old in place (barrels: follow) -> ns.New
  const renamedHere = uses.members.filter((use) => rw.map.moveOfName(old.id, use.member)?.module === old.id);
  for (const use of renamedHere) {
    const target = rw.map.moveOfName(old.id, use.member)!;
    const memberNode = ts.isPropertyAccessExpression(use.node) ? use.node.name : use.node.right;
    rw.edit(memberNode.getStart(rw.sourceFile), memberNode.end, target.name);
    rw.count(target.rule, 'references');
  }
  if (renamedHere.length && uses.other.length) rw.review(statement, `namespace '${ns}' of '${old.id}' is used as a whole, and names ${[...new Set(renamedHere.map((use) => use.member))].join(', ')} are renamed: check dynamic member access`);
  const moving = uses.members.filter((use) => {
    const target = rw.map.moveOfName(old.id, use.member);
    return target && target.module !== old.id;
  });
  if (!moving.length) return;
  if (uses.other.length) {
    rw.review(statement, `namespace '${ns}' of '${old.id}' is used as a whole, and its names ${rw.map.movedNames(old.id).join(', ')} move elsewhere: rewrite by hand`);
    return;
  }
  for (const target of new Set(moving.map((use) => rw.map.moveOfName(old.id, use.member)!.module))) {
    if (!rw.isBare(target) && !rw.fileOfModule(target)) {
      rw.review(statement, `'${target}' (where names of '${old.id}' move) names no file; left as it is`);
      return;
    }
  }
  importMovedMembers(rw, statement, literal, old, ns, moving, typeOnly);
  if (moving.length === uses.members.length && ts.isImportDeclaration(statement)) rw.deleted.add(statement);
}

/** `ns.Moved` -> `Moved`, imported by name from the module the map moves it to (or the binding the file has of it). */
function importMovedMembers(rw: FileRewrite, statement: ts.Statement, literal: ts.StringLiteralLike, old: OldModule, ns: string, moving: readonly MemberUse[], typeOnly: boolean): void {
  const locals = new Map<string, string>();
  for (const use of moving) {
    const target = rw.map.moveOfName(old.id, use.member)!;
    let local = locals.get(use.member);
    if (!local) {
      const allTypes = typeOnly || moving.filter((u) => u.member === use.member).every((u) => u.inType);
      const existing = bindingOf(rw, target.module, target.name, statement);
      const key = `${target.module}#${target.name}`;
      const claimedBy = rw.claimed.get(target.name);
      if (existing) {
        // case: the file imports the canonical object by name too (or will): ns.Old uses that binding
        local = existing.local;
        if (!allTypes) needValue(rw, existing);
        rw.countImport({ anchor: statement, rule: target.rule });
      }
      else if (claimedBy === key || (!claimedBy && !rw.scope.isNameTaken(target.name))) local = target.name;
      else {
        local = `${ns}_${target.name}`;
        rw.note(statement, `'${target.name}' is already a name in this file: '${ns}.${use.member}' becomes '${local}'`);
      }
      rw.claimed.set(local, key);
      locals.set(use.member, local);
      if (!existing) rw.pending.push({
        module: target.module,
        imported: target.name,
        local,
        typeOnly: allTypes,
        asDefault: false,
        anchor: statement,
        anchorLiteral: literal,
        oldModule: old,
        statementTypeOnly: false,
        rule: target.rule,
      });
    }
    rw.edit(use.node.getStart(rw.sourceFile), use.node.end, local);
    rw.count(target.rule, 'references');
  }
}

/**
 * A module object bound to a file-level name (`import * as ns`, `import ns = require()`, `const ns = require()`) of a
 * module moved whole: it follows, and each `ns.Old` of a renamed name becomes `ns.New`; each `ns.Moved` of a name a
 * name-level entry sends elsewhere becomes `Moved`, imported from there (the namespace goes when nothing else reads it).
 */
export function followWholeModule(rw: FileRewrite, statement: ts.Statement, literal: ts.StringLiteralLike, old: OldModule, whole: ModuleTarget, name: ts.Identifier, typeOnly: boolean, usage: UsageKind, renames: boolean, what = `namespace '${name.text}'`): void {
  const ns = name.text;
  const uses = rw.scope.memberUses(ns);
  // `ns.helper` of a name the canonical module lacks: the namespace stays on the old module
  const lacking = uses.members.flatMap((use) => {
    const target = rw.map.moveOfName(old.id, use.member);
    return target && rw.canonicalLacks(target) ? [{ use, target }] : [];
  });
  if (lacking.length) {
    for (const { use, target } of lacking) rw.review(use.node, `${whole.module} has no name '${target.name}': ${what} of '${old.id}' is left on the old module for '${ns}.${use.member}'`);
    return;
  }
  // `ns.Moved` of a name a name-level entry sends to another module than the rest
  const elsewhere = uses.members.filter((use) => {
    const target = rw.map.moveOfName(old.id, use.member);
    return target !== undefined && target.module !== whole.module;
  });
  if (elsewhere.length) {
    const names = [...new Set(elsewhere.map((use) => use.member))].join(', ');
    if (uses.other.length) return void rw.review(statement, `${what} of '${old.id}' is used as a whole, and its names ${names} move elsewhere than ${whole.module}: rewrite by hand`);
    if (!ts.isImportDeclaration(statement) && !ts.isImportEqualsDeclaration(statement)) return void rw.review(statement, `${what} of '${old.id}': its names ${names} move elsewhere than ${whole.module}: rewrite by hand`);
  }
  // a type-only namespace has no object that a spy or mock could patch: it follows, as named imports do
  if (!typeOnly && widensTo(rw, literal, old, whole.module, usage)) {
    rw.review(statement, widenedNamespace(what, old, whole.module));
    return;
  }
  if (elsewhere.length) importMovedMembers(rw, statement, literal, old, ns, elsewhere, typeOnly);
  // every read went elsewhere: the namespace import goes
  if (elsewhere.length && elsewhere.length === uses.members.length && ts.isImportDeclaration(statement)) return void rw.deleted.add(statement);
  rw.retarget(literal, old, whole, usage, 'imports');
  // (a chain can rename too: a module moved onto a barrel that follows a rename, `barrels: follow`)
  if (!renames) return;
  // case: ns.Old where the module moves as a whole and Old is renamed
  const renamed = new Set(whole.rule.rename.keys());
  for (const use of uses.members) {
    if (elsewhere.includes(use)) continue;
    const target = rw.map.moveOfName(old.id, use.member);
    if (target && target.name !== use.member) {
      const memberNode = ts.isPropertyAccessExpression(use.node) ? use.node.name : use.node.right;
      rw.edit(memberNode.getStart(rw.sourceFile), memberNode.end, target.name);
      rw.count(target.rule, 'references');
      renamed.add(use.member);
    }
  }
  if (uses.other.length && renamed.size) rw.review(statement, `${what} of '${old.id}' is used as a whole, and names ${[...renamed].join(', ')} are renamed: check dynamic member access`);
}
