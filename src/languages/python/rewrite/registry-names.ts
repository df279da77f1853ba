import { escapeRegExp } from '../../../core/regexp';
import type { ImportMap } from '../../../importmap/types';
import { plainStringContent, type Node } from '../syntax';
import type { PythonFileRewrite } from './file-rewrite';
import { annotationNames } from './strings-in-code';

/** A class the map renames, as SQLAlchemy's class registry knows it: by its bare name. */
export interface RegistryRename {
  /** the module that defines the old class */
  module: string;
  /** the class's name where it ends up (chains followed) */
  to: string;
  label: string;
}

const renamesByMap = new WeakMap<ImportMap, Map<string, RegistryRename | 'ambiguous'>>();

/** Every renamed name by its old name; `'ambiguous'` when two entries rename one name two ways. */
export function registryRenames(map: ImportMap): Map<string, RegistryRename | 'ambiguous'> {
  let found = renamesByMap.get(map);
  if (!found) {
    found = new Map();
    for (const rule of map.rules) {
      for (const old of rule.rename.keys()) {
        const target = map.moveOfName(rule.from, old);
        if (!target || target.name === old) continue;
        const known = found.get(old);
        if (known !== undefined && (known === 'ambiguous' || known.to !== target.name)) found.set(old, 'ambiguous');
        else found.set(old, { module: rule.from, to: target.name, label: target.rule.label });
      }
    }
    renamesByMap.set(map, found);
  }
  return found;
}

/** The calls whose string arguments SQLAlchemy evaluates against the class registry. */
const registryCall = /(?:^|\.)(?:relationship|relation|dynamic_loader|backref)$/;
const registryCallText = /\b(?:relationship|relation|dynamic_loader|backref)\s*\(/;
/** The keyword arguments it evaluates (a class name, or an expression over classes: `"Booking.id"`, `"and_(…)"`). */
const evaluatedKeywords = new Set(['argument', 'order_by', 'primaryjoin', 'secondaryjoin', 'foreign_keys', 'remote_side', 'secondary']);

const quotedNames = new WeakMap<ImportMap, RegExp | undefined>();

/**
 * Whether a file can hold a registry string naming a renamed class (the prefilter: no parse): a registry call, and a
 * quoted text where a renamed name starts a reference (`"Booking"`, `"Booking.id"`, `"and_(User.id == Booking.id)"`;
 * not `"BookingModel"` nor `"models.booking.Booking"`).
 */
export function mayNameRegisteredClass(text: string, map: ImportMap): boolean {
  let pattern = quotedNames.get(map);
  if (!quotedNames.has(map)) {
    const names = [...registryRenames(map).keys()];
    pattern = names.length ? new RegExp(`["'](?:[^"'\\n]*[^\\w."'\\n])?(?:${names.map(escapeRegExp).join('|')})\\b`) : undefined;
    quotedNames.set(map, pattern);
  }
  return pattern !== undefined && registryCallText.test(text) && pattern.test(text);
}

/**
 * `relationship("Booking", order_by="Booking.id")`: SQLAlchemy finds these classes by name in its registry, wherever
 * they are defined, with no import in the file. A class the map renames keeps no entry under its old name once its
 * canonical class replaces it, so each such name follows the rename — unless another class of that name is defined
 * in the repository (the string may mean that one: listed for review) or two entries rename it two ways.
 */
export function rewriteRegistryNames(rw: PythonFileRewrite, root: Node): void {
  const renames = registryRenames(rw.map);
  if (!renames.size || !registryCallText.test(rw.file.text)) return;
  for (const call of root.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function')?.text;
    if (!call || !callee || !registryCall.test(callee)) continue;
    const takesClass = !callee.endsWith('backref');
    for (const [position, argument] of (call.childForFieldName('arguments')?.namedChildren ?? []).entries()) {
      if (!argument) continue;
      const keyword = argument.type === 'keyword_argument' ? argument.childForFieldName('name')?.text : undefined;
      const value = keyword === undefined ? argument : argument.childForFieldName('value');
      if (!value || (keyword === undefined ? !(takesClass && position === 0) : !evaluatedKeywords.has(keyword))) continue;
      const content = plainStringContent(value);
      if (content) renameInRegistryString(rw, callee, value, content, renames);
    }
  }
}

function renameInRegistryString(rw: PythonFileRewrite, callee: string, string: Node, content: { node: Node; text: string }, renames: Map<string, RegistryRename | 'ambiguous'>): void {
  for (const { offset, name } of annotationNames(content.text)) {
    const rename = renames.get(name);
    if (!rename) continue;
    if (rename === 'ambiguous') {
      rw.out.review(string, `'${name}' in ${callee}() names a class by its registry name, and the map renames two classes of that name differently: rewrite by hand`);
      return;
    }
    // the old module's own file (and its stub) aside
    const elsewhere = rw.ctx.classDefinitions(name).filter((file) => rw.ctx.modules.getModule(file) !== rename.module);
    if (elsewhere.length) {
      rw.out.review(string, `'${name}' in ${callee}() names a class by its registry name: ${rename.module}.${name} becomes ${rename.to}, but ${elsewhere[0]} defines a ${name} too; rewrite by hand if it means the moved one`);
      return;
    }
    const start = content.node.startIndex + offset;
    rw.out.edit(start, start + name.length, rename.to);
    rw.out.count(rename.label, 'strings');
  }
}
