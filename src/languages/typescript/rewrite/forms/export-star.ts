import type { ModuleTarget } from '../../../../importmap/types';
import { relativePosix } from '../../../../core/paths';
import type { ExportedNames } from '../../prepared-map';
import { parseSource } from '../../syntax';
import { type OldModule } from '../../old-module';
import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { insertAfter } from '../splices';
import { bracesSpaced, escapeFor, specifierText } from '../text';

export function rewriteExportStar(rw: FileRewrite, statement: ts.ExportDeclaration, literal: ts.StringLiteralLike, old: OldModule, whole: ModuleTarget | undefined): void {
  const quote = rw.quoteOf(literal);
  const semicolon = rw.semicolonOf(statement);
  const type = statement.isTypeOnly ? ' type' : '';
  const spaced = bracesSpaced(statement, rw.sourceFile);
  const exported = old.file ? rw.prepared.exportsOf(old.file) : undefined;
  if (whole) {
    const specifier = rw.specifierFor(literal, old, whole.module, 'import');
    if (specifier === undefined) return;
    const collision = starCollision(rw, statement, old, whole);
    if (collision) {
      // case: the canonical module's star would pass a name the barrel exports elsewhere (TS2308, and an importer's
      // name silently switching): only what the old module exported, under its old public names
      const before = old.file ? moduleSurface(rw, old.file) : undefined;
      if (!before || before.open) {
        rw.review(statement, `'export * from' of '${old.id}': its canonical module also exports ${collision.join(', ')}, which this file exports from elsewhere, and what '${old.id}' exported cannot be listed: re-export its names by hand`);
        return;
      }
      const list = [...before.names]
        .filter((name) => name !== 'default')
        .map((name) => {
          const inner = rw.map.moveOfName(old.id, name)?.name ?? name;
          return specifierText(inner, rw.followedPublicName(name) ?? name, !statement.isTypeOnly && rw.exportsOnlyAType(whole.module, inner), quote);
        })
        .join(', ');
      rw.edit(statement.getStart(rw.sourceFile), statement.end, `export${type} ${spaced ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`);
      rw.count(whole.rule, 'imports');
      rw.note(statement, `'export * from' of '${old.id}' lists its names: '${whole.module}' also exports ${collision.join(', ')}, which this file exports from elsewhere`);
      return;
    }
    rw.replaceLiteral(literal, specifier);
    rw.count(whole.rule, 'imports');
    // renamed names (by the entry, or further down a chain: a barrel that follows) keep their old public names next
    // to the new ones, unless this barrel follows the rename too (`barrels: follow`); names a name-level entry sends
    // elsewhere than the whole module are re-exported from there (the new star does not pass them)
    const candidates = new Set([...whole.rule.rename.keys(), ...(exported?.names ?? []), ...rw.map.movedNames(old.id)]);
    const keep = [...candidates].filter((name) => {
      const target = rw.map.moveOfName(old.id, name);
      return name !== 'default' && target !== undefined && (target.name !== name || target.module !== whole.module) && (!exported || exported.open || exported.names.has(name)) && rw.followedPublicName(name) === undefined;
    });
    if (keep.length) {
      const byModule = new Map<string, string[]>();
      for (const name of keep) {
        const module = rw.map.moveOfName(old.id, name)!.module;
        byModule.set(module, [...(byModule.get(module) ?? []), name]);
      }
      const lines: string[] = [];
      for (const [module, names] of byModule) {
        const written = module === whole.module ? specifier : rw.specifierFor(literal, old, module, 'import');
        if (written === undefined) continue;
        const list = names.map((name) => {
          const inner = rw.map.moveOfName(old.id, name)!.name;
          return specifierText(inner, name, !statement.isTypeOnly && rw.exportsOnlyAType(module, inner), quote);
        }).join(', ');
        lines.push(`export${type} ${spaced ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(written, quote)}${quote}${semicolon}`);
      }
      insertAfter(rw, statement, lines);
      const renamed = keep.filter((name) => rw.map.moveOfName(old.id, name)!.name !== name);
      const elsewhere = keep.filter((name) => !renamed.includes(name));
      if (renamed.length) rw.note(statement, `'export * from' of '${old.id}', whose names ${renamed.join(', ')} are renamed: they stay exported under their old names too`);
      if (elsewhere.length) rw.note(statement, `'export * from' of '${old.id}', whose names ${elsewhere.join(', ')} move elsewhere than ${whole.module}: they are re-exported explicitly from their new modules`);
    }
    return;
  }
  if (!rw.map.hasNameMoves(old.id)) return;
  // case: export * from a module whose names move in part: the moved names are re-exported explicitly
  const already = rw.ownExports();
  const moved = rw.map
    .movedNames(old.id)
    .filter((name) => name !== 'default' && !already.has(name) && (!exported || exported.open || exported.names.has(name)));
  if (!moved.length) return;
  const byModule = new Map<string, string[]>();
  const publicNames = new Map<string, string>();
  for (const name of moved) {
    const target = rw.map.moveOfName(old.id, name)!;
    const followed = rw.followedPublicName(name);
    // barrels: follow: a star over a barrel that renames in place passes the new name; one the module already exports is there
    if (followed !== undefined && (target.module === old.id || rw.exportsName(followed))) continue;
    publicNames.set(name, followed ?? name);
    byModule.set(target.module, [...(byModule.get(target.module) ?? []), name]);
  }
  if (!byModule.size) return;
  const lines: string[] = [];
  for (const [module, names] of byModule) {
    const specifier = rw.specifierFor(literal, old, module, 'import');
    if (specifier === undefined) return;
    const list = names.map((name) => {
      const inner = rw.map.moveOfName(old.id, name)!.name;
      return specifierText(inner, publicNames.get(name)!, !statement.isTypeOnly && rw.exportsOnlyAType(module, inner), quote);
    }).join(', ');
    lines.push(`export${type} ${spaced ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`);
    for (const name of names) rw.count(rw.map.moveOfName(old.id, name)!.rule, 'imports');
  }
  insertAfter(rw, statement, lines);
  const listed = [...byModule.values()].flat();
  rw.note(statement, `'export * from' of '${old.id}', whose names ${listed.join(', ')} move: they are re-exported explicitly from their new modules`);
}

/** Surfaces already followed through their stars, per prepared map (a barrel's modules recur in every barrel). */
const surfaces = new WeakMap<object, Map<string, ExportedNames>>();

/** What a module passes on: its own exports and, through its `export *`s, theirs (open when some cannot be read). */
function moduleSurface(rw: FileRewrite, file: string, seen = new Set<string>()): ExportedNames {
  let known = surfaces.get(rw.prepared);
  if (!known) surfaces.set(rw.prepared, (known = new Map()));
  const cached = known.get(file);
  if (cached) return cached;
  // a surface cut short by a star cycle is not the whole answer: only a walk that began here is kept
  const walkStartsHere = seen.size === 0;
  const surface = followStars(rw, file, seen);
  if (walkStartsHere) known.set(file, surface);
  return surface;
}

function followStars(rw: FileRewrite, file: string, seen: Set<string>): ExportedNames {
  const own = rw.prepared.exportsOf(file);
  if (!own) return { names: new Set(), open: true, types: new Set() };
  if (!own.open || seen.has(file)) return own;
  seen.add(file);
  const names = new Set(own.names);
  let open = false;
  const text = readInPlan(rw, file);
  if (text === undefined) return { names, open: true, types: own.types };
  for (const statement of parseSource(file, text, { parents: false }).statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = rw.prepared.resolver.resolve(statement.moduleSpecifier.text, file, 'import');
    const inner = target ? moduleSurface(rw, target, seen) : { names: new Set<string>(), open: true, types: new Set<string>() };
    for (const name of inner.names) if (name !== 'default') names.add(name);
    open ||= inner.open;
  }
  return { names, open, types: own.types };
}

function readInPlan(rw: FileRewrite, file: string): string | undefined {
  try {
    return rw.prepared.workspace.read(relativePosix(rw.prepared.cwd, file));
  } catch {
    return undefined;
  }
}

/**
 * The names a retargeted `export * from old` would newly pass (the canonical module exports them, the old one did not)
 * that this file also exports another way (a declaration, an `export { }`, another star): undefined when none, or
 * when the surfaces cannot be known.
 */
function starCollision(rw: FileRewrite, statement: ts.ExportDeclaration, old: OldModule, whole: ModuleTarget): string[] | undefined {
  const newFile = rw.fileOfModule(whole.module);
  if (!newFile || !old.file) return undefined;
  const after = moduleSurface(rw, newFile);
  const before = moduleSurface(rw, old.file);
  const gained = [...after.names].filter((name) => name !== 'default' && !before.names.has(name) && rw.followedPublicName(name) === undefined);
  if (!gained.length) return undefined;
  // what the file exports another way, from another module (the canonical module's own names are the same objects)
  const elsewhere = new Set<string>();
  for (const other of rw.sourceFile.statements) {
    if (other === statement) continue;
    if (!ts.isExportDeclaration(other) || !other.moduleSpecifier || !ts.isStringLiteralLike(other.moduleSpecifier)) {
      for (const name of rw.ownExports([other])) elsewhere.add(name);
      continue;
    }
    const files = [rw.moduleKeyOf(other.moduleSpecifier.text)];
    // another export of an old module passes its canonical module's names afterwards
    const otherOld = rw.prepared.oldFiles.get(files[0] ?? '');
    const otherWhole = otherOld === undefined ? undefined : rw.map.moveOfModule(otherOld);
    if (otherWhole) files.push(rw.fileOfModule(otherWhole.module));
    if (files.includes(newFile)) continue;
    if (other.exportClause && ts.isNamedExports(other.exportClause)) for (const element of other.exportClause.elements) elsewhere.add(element.name.text);
    else if (other.exportClause) elsewhere.add(other.exportClause.name.text);
    else for (const file of files) if (file && !file.startsWith('bare:')) for (const name of moduleSurface(rw, file).names) elsewhere.add(name);
  }
  const clashing = gained.filter((name) => elsewhere.has(name));
  return clashing.length ? clashing : undefined;
}
