import type { Note } from '../../../core/types';
import { fromImportMatches, fromImportText, importedNames, plainImportsInText } from '../imports';
import { inProse, proseRanges } from '../prose';
import type { PythonContext } from './types';

/**
 * A package's `__init__` that imported an old submodule of its own (`from .nodes import *`) and, rewritten, no longer
 * does: `import pkg` alone then stops setting the attribute `pkg.nodes`. The repository's own `pkg.nodes.X` chains are
 * rewritten; code outside it (or compiled, as PyYAML's `_yaml` is) that reads the attribute breaks: noted. `path` is
 * an `__init__.py` (the caller tells before it applies the edits).
 */
export function submodulesNoLongerImported(path: string, before: string, after: string, ctx: PythonContext): Note[] {
  const pkg = ctx.modules.getModule(path);
  if (pkg === undefined) return [];
  const submodules = [...new Set(ctx.map.rules.map((rule) => rule.from).filter((module) => module.startsWith(`${pkg}.`) && !module.slice(pkg.length + 1).includes('.')))];
  if (!submodules.length) return [];
  const was = importedModules(before, pkg);
  const now = importedModules(after, pkg);
  return submodules.flatMap((module) => {
    const line = was.get(module);
    if (line === undefined || now.has(module)) return [];
    const name = module.slice(pkg.length + 1);
    return [{ file: path, line, message: `${pkg} no longer imports ${module}: \`import ${pkg}\` alone stops setting ${module} as its attribute, which code outside this repository may read (keep \`from . import ${name}\` for it)` }];
  });
}

/** The modules a package's `__init__` imports (each with its first line), as its from-imports and imports read. */
function importedModules(text: string, pkg: string): Map<string, number> {
  const found = new Map<string, number>();
  const prose = proseRanges(text) ?? [];
  const add = (module: string, offset: number): void => {
    if (!found.has(module)) found.set(module, text.slice(0, offset).split('\n').length);
  };
  const withAncestors = (module: string, offset: number): void => {
    const parts = module.split('.');
    for (let i = 1; i <= parts.length; i++) add(parts.slice(0, i).join('.'), offset);
  };
  for (const match of fromImportMatches(text, fromImportText)) {
    if (inProse(prose, match.index)) continue;
    const [, dots, module, list] = match;
    const base = dots!.length ? pkg.split('.').slice(0, pkg.split('.').length - (dots!.length - 1)).join('.') : '';
    const from = [base, module].filter(Boolean).join('.');
    if (!from) continue;
    withAncestors(from, match.index);
    for (const name of importedNames(list!)) if (name !== '*') add(`${from}.${name}`, match.index);
  }
  for (const { module, index } of plainImportsInText(text)) if (!inProse(prose, index)) withAncestors(module, index);
  return found;
}
