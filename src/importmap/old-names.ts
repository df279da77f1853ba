import type { ImportMap, RewriteRule } from './types';

/** The names an entry takes out of its old module (moved or renamed), each with the key of the map that names it. */
export function namesTakenFrom(rule: RewriteRule): TakenName[] {
  const taken: TakenName[] = [...(rule.names ?? [])].map((name) => ({ name, key: 'names' }));
  for (const name of rule.rename.keys()) if (!rule.names?.has(name)) taken.push({ name, key: 'rename' });
  return taken;
}

export interface TakenName {
  name: string;
  key: 'names' | 'rename';
}

/**
 * What the plan says of a name an entry takes out of its old module that the module does not define: most likely a
 * typo in the map, though a name already deleted from the old module still has importers to rewrite.
 */
export function missingOldNameWarning(map: ImportMap, rule: RewriteRule, taken: TakenName, verb: 'defines' | 'exports'): string {
  return map.error(['rewrite', rule.index, taken.key], `'${rule.from}' ${verb} no name '${taken.name}': a typo? (its importers, if any, are rewritten all the same)`).message;
}
