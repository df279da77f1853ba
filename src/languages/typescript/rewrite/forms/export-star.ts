import type { ModuleTarget } from '../../../../importmap/types';
import { exportedNamesOf } from '../../prepare';
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
    rw.replaceLiteral(literal, specifier);
    rw.count(whole.rule, 'imports');
    // renamed names (by the entry, or further down a chain: a barrel that follows) keep their old public names next
    // to the new ones, unless this barrel follows the rename too (`barrels: follow`)
    const candidates = new Set([...whole.rule.rename.keys(), ...(exported?.names ?? [])]);
    const keep = [...candidates].filter((name) => {
      const target = rw.map.moveOfName(old.id, name);
      return name !== 'default' && target !== undefined && target.name !== name && (!exported || exported.open || exported.names.has(name)) && rw.followedPublicName(name) === undefined;
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
        const list = names.map((name) => specifierText(rw.map.moveOfName(old.id, name)!.name, name, false, quote)).join(', ');
        lines.push(`export${type} ${spaced ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(written, quote)}${quote}${semicolon}`);
      }
      insertAfter(rw, statement, lines);
      rw.note(statement, `'export * from' of '${old.id}', whose names ${keep.join(', ')} are renamed: they stay exported under their old names too`);
    }
    return;
  }
  if (!rw.map.hasNameMoves(old.id)) return;
  // case: export * from a module whose names move in part: the moved names are re-exported explicitly
  const already = exportedNamesOf(rw.sourceFile).names;
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
    const list = names.map((name) => specifierText(rw.map.moveOfName(old.id, name)!.name, publicNames.get(name)!, false, quote)).join(', ');
    lines.push(`export${type} ${spaced ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`);
    for (const name of names) rw.count(rw.map.moveOfName(old.id, name)!.rule, 'imports');
  }
  insertAfter(rw, statement, lines);
  const listed = [...byModule.values()].flat();
  rw.note(statement, `'export * from' of '${old.id}', whose names ${listed.join(', ')} move: they are re-exported explicitly from their new modules`);
}
