import { parsePython, type Node } from './syntax';

/** The names a module binds at top level, or 'any' when it cannot be known (`__getattr__`, star imports). */
export type ModuleExports = ReadonlySet<string> | 'any';

const blockOwners = new Set(['if_statement', 'try_statement', 'with_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'block']);

/** Top-level bindings of a module's source, following `if`/`try`/`with` blocks as Python does. */
export async function findModuleExports(text: string): Promise<ModuleExports> {
  const { names, open } = await findModuleBindings(text);
  return open ? 'any' : names;
}

/** Every name a module's top level binds (definitions, assignments, imports), and whether it may bind more (a star import, `__getattr__`). */
export async function findModuleBindings(text: string): Promise<{ names: ReadonlySet<string>; open: boolean }> {
  const tree = await parsePython(text);
  const names = new Set<string>();
  let open = false;
  const bindTarget = (target: Node | null): void => {
    if (!target) return;
    if (target.type === 'identifier') names.add(target.text);
    else if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern') for (const child of target.namedChildren) bindTarget(child);
  };
  const visit = (node: Node): void => {
    for (const stmt of node.namedChildren) {
      if (!stmt) continue;
      const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      if (!def) continue;
      switch (def.type) {
        case 'function_definition':
        case 'class_definition': {
          const name = def.childForFieldName('name')?.text;
          if (name) names.add(name);
          if (name === '__getattr__') open = true;
          break;
        }
        case 'expression_statement':
          for (const expr of def.namedChildren) {
            if (expr?.type === 'assignment' || expr?.type === 'augmented_assignment') bindTarget(expr.childForFieldName('left'));
          }
          break;
        case 'import_statement':
          for (const item of def.childrenForFieldName('name')) {
            if (!item) continue;
            const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
            names.add(alias ? alias.text : (item.namedChildren[0]?.text ?? ''));
          }
          break;
        case 'import_from_statement':
          if (def.namedChildren.some((c) => c?.type === 'wildcard_import')) open = true;
          for (const item of def.childrenForFieldName('name')) {
            if (!item) continue;
            const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
            names.add(alias ? alias.text : item.text);
          }
          break;
        default:
          if (blockOwners.has(def.type)) visit(def);
      }
    }
  };
  visit(tree.rootNode);
  tree.delete();
  return { names, open };
}
