import { type ImportItem, type ImportStatement, type PythonImport } from '../imports';
import { type Scope } from '../scopes';
import { claim, freeName, isNameTaken, scopeKey } from './names';
import { deleteStatement, removeItems } from './edits';
import { PythonFileRewrite } from './file-rewrite';
import { lastPart } from '../modules';
import { onlyChainsThatStay } from './chains';

export async function rewriteImport(rw: PythonFileRewrite, statement: ImportStatement): Promise<void> {
  const removed: ImportItem[] = [];
  for (const item of statement.items) {
    const moves = rw.map.moveOfModule(item.name);
    // `import a.b as m` whose every chain stays on `a.b` stays too (an unaliased one is taken back afterwards)
    const whole = moves && item.alias && (await onlyChainsThatStay(rw, rw.scopes.scopeOf(statement.node), item.bound, item.name)) ? undefined : moves;
    const target = whole?.module ?? item.name;
    if (whole) {
      rw.out.count(whole.rule.label, 'imports');
      // `import a.b` -> `import c.d` binds `c`: when that name means something else here, bind the module aliased
      const root = target.split('.')[0]!;
      const alias = !item.alias && root !== item.bound && isNameTaken(rw, root) ? freeName(rw, lastPart(target)) : undefined;
      if (alias) {
        rw.rootAliases.set(target, alias);
        rw.out.note(item.node, `'${root}' already names something else here: imported as 'import ${target} as ${alias}'`);
      }
      if (claim(rw, statement, `import|${target}|${item.alias ?? alias ?? ''}`)) {
        const edit = rw.out.edit(item.nameNode.startIndex, item.nameNode.endIndex, alias ? `${target} as ${alias}` : target);
        const earlier = rw.retargets.get(item.name);
        if (edit && !item.alias && !alias) rw.retargets.set(item.name, { edit, label: whole.rule.label, target, statements: (earlier?.statements ?? 0) + 1 });
      } else {
        rw.sharedTargets.add(target);
        removed.push(item);
      }
    }
    if (!rw.reachesOldModule(item.alias ? item.name : item.bound)) continue;
    const scope = rw.scopes.scopeOf(statement.node);
    if (item.alias) recordModuleBinding(rw, scope, item, target, item.name, statement);
    else {
      const key = scopeKey(rw, scope, item.bound);
      if (!rw.bindings.has(key)) rw.bindings.set(key, { scope, module: item.bound, oldModule: item.bound, rootOnly: true, statement });
    }
  }
  if (removed.length === statement.items.length) deleteStatement(rw, statement.node);
  else removeItems(rw, statement.items, removed);
}


export function recordModuleBinding(rw: PythonFileRewrite, scope: Scope, item: ImportItem, module: string, oldModule: string, statement: PythonImport): void {
  rw.bindings.set(scopeKey(rw, scope, item.bound), { scope, module, oldModule, rootOnly: false, statement });
}
