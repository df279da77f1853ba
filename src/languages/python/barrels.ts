import type { RawRewriteEntry } from '../../importmap/schema';
import type { ImportMap } from '../../importmap/types';
import type { Workspace } from '../../core/types';
import { findImports } from './imports';
import type { PythonModuleIndex } from './modules';
import { parsePython } from './syntax';
import { dunderAllNames } from './syntax';

const isPackageInit = (path: string): boolean => path === '__init__.py' || path.endsWith('/__init__.py');

/**
 * `barrels: follow`: a barrel (a package `__init__.py`, or a module listing the name in `__all__`) that re-exports a
 * renamed name renames it too, so its own importers must follow: one derived rename entry per barrel and name,
 * found again through barrels of barrels until nothing new turns up.
 */
export async function barrelRules(map: ImportMap, modules: PythonModuleIndex, workspace: Workspace): Promise<RawRewriteEntry[]> {
  if (!map.rules.some((rule) => rule.barrels === 'follow' && rule.rename.size)) return [];
  const entries: RawRewriteEntry[] = [];
  const found = new Set<string>();
  let current = map;
  for (let round = 0; round < 8; round++) {
    const renamed = new Set(current.rules.filter((rule) => rule.barrels === 'follow').flatMap((rule) => [...rule.rename.keys()]));
    const fresh: RawRewriteEntry[] = [];
    for (const file of workspace.files) {
      const barrel = modules.getModule(file);
      if (barrel === undefined || !file.endsWith('.py')) continue;
      const text = workspace.read(file);
      if (![...renamed].some((name) => text.includes(name)) || (!isPackageInit(file) && !text.includes('__all__'))) continue;
      const tree = await parsePython(text);
      try {
        const exported = isPackageInit(file) ? undefined : dunderAllNames(tree.rootNode);
        for (const statement of findImports(tree.rootNode)) {
          if (statement.kind !== 'from' || statement.node.parent?.type !== 'module') continue;
          const source = modules.absolutize(file, statement.level, statement.module);
          if (source === undefined) continue;
          for (const item of statement.items) {
            if (item.alias || (exported && !exported.has(item.name))) continue;
            const target = current.moveOfName(source, item.name);
            if (!target || target.rule.barrels !== 'follow' || target.name === item.name) continue;
            const key = `${barrel}\0${item.name}`;
            if (found.has(key)) continue;
            found.add(key);
            fresh.push({ from: barrel, to: barrel, names: [item.name], rename: { [item.name]: target.name }, barrels: 'follow' });
          }
        }
      } finally {
        tree.delete();
      }
    }
    if (!fresh.length) break;
    entries.push(...fresh);
    current = map.extend(entries);
  }
  return entries;
}
