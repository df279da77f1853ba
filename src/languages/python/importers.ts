import { escapeRegExp } from '../../core/regexp';
import type { ImportMap } from '../../importmap/types';
import type { Workspace } from '../../core/types';
import type { PythonModuleIndex } from './modules';
import { textOrUndefined } from '../../core/read-text';
import { findImports, fromImportsInText } from './imports';
import { parsePython } from './syntax';


/**
 * `module\0name` for every name that some file imports *from* a module, or reaches on it by its dotted path
 * (`mock.patch("app.service.Booking")`, `app.service.Booking`, `mock.patch.object(app.service, "Booking")`: a test
 * patching the name where it is used), found by a text scan (no parse) of the files that mention a renamed name: a
 * module that imports a renamed name and is itself used for it is an interface, so it keeps the old name (imported
 * aliased) instead of breaking its users.
 */
export function namesImportedFromModules(map: ImportMap, modules: PythonModuleIndex, workspace: Workspace): Set<string> {
  // every file is read when a name is renamed: the adapter's `preparationReadsEveryFile` says so
  const renamed = [...new Set(map.rules.flatMap((rule) => [...rule.rename.keys()]))];
  const found = new Set<string>();
  if (!renamed.length) return found;
  const names = renamed.map(escapeRegExp).join('|');
  const dotted = new RegExp(`(?<![\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\.(${names})\\b`, 'g');
  const byString = new RegExp(`\\(\\s*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*,\\s*["'](${names})["']`, 'g');
  for (const file of workspace.files) {
    if (!file.endsWith('.py')) continue;
    let text: string;
    try {
      text = workspace.read(file);
    } catch {
      continue; // not text: the scan reports it if it matters
    }
    if (!renamed.some((name) => text.includes(name))) continue;
    for (const { dots, module: spelled, names: imported } of fromImportsInText(text)) {
      const module = modules.absolutize(file, dots, spelled || undefined);
      if (!module) continue;
      for (const name of imported) if (renamed.includes(name)) found.add(`${module}\0${name}`);
    }
    for (const pattern of [dotted, byString]) {
      for (const [, module, name] of text.matchAll(pattern)) if (modules.exists(module!) && !map.moveOfModule(module!)) found.add(`${module}\0${name}`);
    }
  }
  return found;
}

/**
 * The files that import `module` (or a submodule of it) or name it in a string (`import_module`, `mock.patch`,
 * settings): what still needs a module before it may be deleted.
 */
export async function importersOfModule(modules: PythonModuleIndex, workspace: Workspace, module: string): Promise<string[]> {
  const last = module.slice(module.lastIndexOf('.') + 1);
  const inside = (found: string): boolean => found === module || found.startsWith(`${module}.`);
  const named = new RegExp(`["']${escapeRegExp(module)}(["'.:])`);
  const out: string[] = [];
  for (const file of workspace.files) {
    if (!file.endsWith('.py') || !workspace.exists(file) || inside(modules.getModule(file) ?? '')) continue;
    const text = textOrUndefined(workspace, file);
    if (text === undefined || !text.includes(last)) continue;
    if (named.test(text)) {
      out.push(file);
      continue;
    }
    const tree = await parsePython(text);
    try {
      const hit = findImports(tree.rootNode).some((statement) => {
        if (statement.kind === 'import') return statement.items.some((item) => inside(item.name));
        const from = modules.absolutize(file, statement.level, statement.module);
        return from !== undefined && (inside(from) || statement.items.some((item) => inside(`${from}.${item.name}`)));
      });
      if (hit) out.push(file);
    } finally {
      tree.delete();
    }
  }
  return out;
}
