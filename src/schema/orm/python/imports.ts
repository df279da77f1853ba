import type { ScannedImport } from '../types';
import { type Node } from '../../../languages/python/syntax';
import { kids } from './nodes';

// ---------------------------------------------------------------------------------------------
// imports

export function collectImports(root: Node): ScannedImport[] {
  const out: ScannedImport[] = [];
  for (const node of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!node) continue;
    const line = node.startPosition.row + 1;
    const moduleLevel = node.parent?.type === 'module';
    if (node.type === 'import_statement') {
      // case: import a.b.c / import a.b as c
      for (const name of node.childrenForFieldName('name')) {
        if (!name) continue;
        const dotted = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        if (dotted) out.push({ line, specifier: dotted, level: 0, names: undefined, reexport: false });
      }
      continue;
    }
    const moduleNode = node.childForFieldName('module_name');
    if (!moduleNode) continue;
    let level = 0;
    let specifier = moduleNode.text;
    if (moduleNode.type === 'relative_import') {
      // case: from . import x / from ..pkg import y
      const prefix = kids(moduleNode).find((c) => c.type === 'import_prefix');
      level = prefix ? prefix.text.length : 0;
      specifier = kids(moduleNode).find((c) => c.type === 'dotted_name')?.text ?? '';
    }
    if (kids(node).some((c) => c.type === 'wildcard_import')) {
      // case: from a import *
      out.push({ line, specifier, level, names: '*', reexport: moduleLevel });
      continue;
    }
    // case: from a.b import X, Y as Z
    const names: string[] = [];
    const locals: string[] = [];
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const original = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : original;
      if (original) {
        names.push(original);
        locals.push(local ?? original);
      }
    }
    out.push({ line, specifier, level, names, ...(locals.some((l, i) => l !== names[i]) ? { locals } : {}), reexport: moduleLevel });
  }
  return out;
}
