import * as path from 'node:path';
import { toPosix } from '../../core/paths';
import type { TypeScriptPreparedMap } from './prepared-map';
import type { UsageKind } from './resolve';

/** An old module a specifier names: the map's id, and the file it resolved to (none for a bare specifier). */
export interface OldModule {
  id: string;
  file: string | undefined;
}

/**
 * The old module of the map that `specifier` names from `importer` (absolute): bare specifiers by text, paths by the
 * file they resolve to. The one test both the prefilter and the rewrite use.
 */
export function findOldModule(prepared: TypeScriptPreparedMap, specifier: string, importer: string, usage: UsageKind): OldModule | undefined {
  const { map } = prepared;
  if (!isRelativeOrAbsolute(specifier)) {
    const whole = map.moveOfModule(specifier);
    if (whole && isBareModule(prepared, whole.rule.from)) return { id: specifier, file: undefined };
    if (prepared.bareIds.has(specifier) && map.hasNameMoves(specifier)) return { id: specifier, file: undefined };
  }
  const file = prepared.resolver.resolve(specifier, importer, usage);
  if (!file) return undefined;
  const id = prepared.oldFiles.get(file);
  if (id) return { id, file };
  if (prepared.hasPathPackages) {
    const rel = toPosix(path.relative(prepared.cwd, file)).replace(/\.(d\.[mc]?ts|[mc]?tsx?|[mc]?jsx?)$/, '');
    for (const candidate of [rel, rel.endsWith('/index') ? rel.slice(0, -'/index'.length) : undefined]) {
      if (candidate && map.moveOfModule(candidate)) return { id: candidate, file };
    }
  }
  return undefined;
}

/** A module id of the map that is a bare package specifier (or lies under one), matched as text. */
export function isBareModule(prepared: TypeScriptPreparedMap, id: string): boolean {
  if (prepared.bareIds.has(id)) return true;
  for (const bare of prepared.bareIds) if (id.startsWith(`${bare}/`)) return true;
  return false;
}

export function isRelativeOrAbsolute(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier);
}
