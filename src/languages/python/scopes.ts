import type { Node } from './syntax';

export type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

/** A Python scope with the names bound in it anywhere (Python decides scope at compile time, not by order). */
export interface Scope {
  kind: ScopeKind;
  node: Node;
  parent: Scope | undefined;
  bindings: Set<string>;
  /** how many `def`, `class` and import statements bind each name here (a second one rebinds it) */
  declarations: Map<string, number>;
  globals: Set<string>;
  nonlocals: Set<string>;
  /**
   * Class scopes only: where the first statement of the class body that binds each name ends. A class body reads
   * names at run time, so before that point a name still means the enclosing binding (`X = X` in a class body).
   */
  boundFrom: Map<string, number>;
}

/** An identifier that reads or rebinds a name (never an attribute name, keyword-argument name or parameter). */
export interface NameUse {
  node: Node;
  scope: Scope;
  /** the use is an assignment target (it binds the name in its scope) */
  binds?: boolean;
}

export interface ScopeAnalysis {
  module: Scope;
  /** every scope of the file */
  all: Scope[];
  /** every name use in the file, in source order */
  uses: NameUse[];
  /**
   * the scope whose binding a use of `name` in `scope` refers to (the module scope when none binds it); `at`, the
   * offset of a read, tells a class body's reads before its own binding from those after
   */
  resolve(name: string, scope: Scope, at?: number): Scope;
  /** the innermost scope that contains a node (for strings, imports, ...) */
  scopeOf(node: Node): Scope;
  /** whether some use reads or rebinds `name` (its names read once, on the first question) */
  usesName(name: string): boolean;
}

const comprehensions = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** Name resolution for one parsed file, LEGB with class scopes invisible to nested functions. */
export function analyzeScopes(root: Node): ScopeAnalysis {
  const all: Scope[] = [];
  const newScope = (kind: ScopeKind, node: Node, parent: Scope | undefined): Scope => {
    const scope: Scope = { kind, node, parent, bindings: new Set(), declarations: new Map(), globals: new Set(), nonlocals: new Set(), boundFrom: new Map() };
    all.push(scope);
    return scope;
  };
  const noteBinding = (scope: Scope, name: string, node: Node): void => {
    if (scope.kind !== 'class') return;
    let statement = node;
    while (statement.parent && !(statement.parent.type === 'block' && statement.parent.parent?.id === scope.node.id)) statement = statement.parent;
    const known = scope.boundFrom.get(name);
    if (known === undefined || statement.endIndex < known) scope.boundFrom.set(name, statement.endIndex);
  };
  const declare = (scope: Scope, name: string, node: Node): void => {
    scope.bindings.add(name);
    scope.declarations.set(name, (scope.declarations.get(name) ?? 0) + 1);
    noteBinding(scope, name, node);
  };
  const module = newScope('module', root, undefined);
  const uses: NameUse[] = [];
  const scopeByNode = new Map<number, Scope>([[root.id, module]]);

  const bindTargets = (target: Node | null, scope: Scope): void => {
    if (!target) return;
    if (target.type === 'identifier') {
      scope.bindings.add(target.text);
      noteBinding(scope, target.text, target);
      uses.push({ node: target, scope, binds: true });
      return;
    }
    if (target.type === 'attribute' || target.type === 'subscript') {
      visit(target, scope);
      return;
    }
    for (const child of target.namedChildren) if (child) bindTargets(child, scope);
  };

  const bindParameters = (params: Node | null, outer: Scope, inner: Scope): void => {
    if (!params) return;
    for (const param of params.namedChildren) {
      if (!param) continue;
      if (param.type === 'identifier') inner.bindings.add(param.text);
      else if (param.type === 'list_splat_pattern' || param.type === 'dictionary_splat_pattern') {
        const id = param.namedChildren.find((c) => c?.type === 'identifier');
        if (id) inner.bindings.add(id.text);
      } else if (param.type === 'typed_parameter') {
        const id = param.namedChildren.find((c) => c?.type === 'identifier' || c?.type === 'list_splat_pattern' || c?.type === 'dictionary_splat_pattern');
        if (id) inner.bindings.add(id.type === 'identifier' ? id.text : (id.namedChildren[0]?.text ?? ''));
        visit(param.childForFieldName('type'), outer);
      } else if (param.type === 'default_parameter' || param.type === 'typed_default_parameter') {
        const name = param.childForFieldName('name');
        if (name) inner.bindings.add(name.text);
        visit(param.childForFieldName('type'), outer);
        visit(param.childForFieldName('value'), outer);
      } else if (param.type === 'tuple_pattern') {
        for (const id of param.descendantsOfType('identifier')) if (id) inner.bindings.add(id.text);
      }
    }
  };

  const enclosingNonComprehension = (scope: Scope): Scope => {
    let s = scope;
    while (s.kind === 'comprehension' && s.parent) s = s.parent;
    return s;
  };

  function visit(node: Node | null, scope: Scope): void {
    if (!node) return;
    switch (node.type) {
      case 'function_definition': {
        const name = node.childForFieldName('name');
        if (name) declare(scope, name.text, name);
        // PEP 695 bounds (`def f[T: User]`) are evaluated outside the function, like its annotations
        visit(node.childForFieldName('type_parameters'), scope);
        visit(node.childForFieldName('return_type'), scope);
        const inner = newScope('function', node, scope);
        scopeByNode.set(node.id, inner);
        bindParameters(node.childForFieldName('parameters'), scope, inner);
        visit(node.childForFieldName('body'), inner);
        return;
      }
      case 'lambda': {
        const inner = newScope('function', node, scope);
        scopeByNode.set(node.id, inner);
        bindParameters(node.childForFieldName('parameters'), scope, inner);
        visit(node.childForFieldName('body'), inner);
        return;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) declare(scope, name.text, name);
        visit(node.childForFieldName('superclasses'), scope);
        visit(node.childForFieldName('type_parameters'), scope);
        const inner = newScope('class', node, scope);
        scopeByNode.set(node.id, inner);
        visit(node.childForFieldName('body'), inner);
        return;
      }
      case 'assignment':
      case 'augmented_assignment':
        bindTargets(node.childForFieldName('left'), scope);
        visit(node.childForFieldName('type'), scope);
        visit(node.childForFieldName('right'), scope);
        return;
      case 'for_statement': {
        const left = node.childForFieldName('left');
        bindTargets(left, scope);
        for (const child of node.namedChildren) if (child && child.id !== left?.id) visit(child, scope);
        return;
      }
      case 'for_in_clause':
        bindTargets(node.childForFieldName('left'), scope);
        visit(node.childForFieldName('right'), scope);
        return;
      case 'named_expression': {
        const name = node.childForFieldName('name');
        if (name) bindTargets(name, enclosingNonComprehension(scope));
        visit(node.childForFieldName('value'), scope);
        return;
      }
      case 'as_pattern': {
        for (const child of node.namedChildren) {
          if (child?.type === 'as_pattern_target') bindTargets(child, scope);
          else visit(child, scope);
        }
        return;
      }
      case 'global_statement':
        // `global X` names the module's X: a rename of X reaches it too
        for (const id of node.namedChildren) {
          if (id?.type !== 'identifier') continue;
          scope.globals.add(id.text);
          uses.push({ node: id, scope: module });
        }
        return;
      case 'nonlocal_statement':
        for (const id of node.namedChildren) if (id?.type === 'identifier') scope.nonlocals.add(id.text);
        return;
      case 'import_statement':
        for (const name of node.childrenForFieldName('name')) {
          if (!name) continue;
          const alias = name.type === 'aliased_import' ? name.childForFieldName('alias') : null;
          const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
          declare(scope, alias ? alias.text : (dotted?.namedChildren[0]?.text ?? ''), name);
        }
        return;
      case 'import_from_statement':
        for (const name of node.childrenForFieldName('name')) {
          if (!name) continue;
          const alias = name.type === 'aliased_import' ? name.childForFieldName('alias') : null;
          const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
          declare(scope, alias ? alias.text : (dotted?.text ?? ''), name);
        }
        return;
      case 'future_import_statement':
        return;
      case 'identifier':
        uses.push({ node, scope });
        return;
      case 'attribute':
        visit(node.childForFieldName('object'), scope);
        return;
      case 'keyword_argument':
        visit(node.childForFieldName('value'), scope);
        return;
      // match patterns (PEP 634; imports never get here): `case a.B(x=v, *rest)` reads `a` (`.B` is its attribute,
      // `x` an attribute name), and binds the lone names `v` and `rest` it captures (`_` binds nothing)
      case 'dotted_name': {
        const first = node.namedChildren[0];
        if (!first) return;
        const captures = node.namedChildCount === 1 && node.parent?.type !== 'class_pattern';
        if (!captures) uses.push({ node: first, scope });
        else if (first.text !== '_') bindTargets(first, scope);
        return;
      }
      case 'keyword_pattern':
        for (const child of node.namedChildren.slice(1)) visit(child, scope);
        return;
      case 'splat_pattern':
        for (const child of node.namedChildren) if (child?.type === 'identifier' && child.text !== '_') bindTargets(child, scope);
        return;
      default:
        if (comprehensions.has(node.type)) {
          const inner = newScope('comprehension', node, scope);
          scopeByNode.set(node.id, inner);
          for (const child of node.namedChildren) visit(child, inner);
          return;
        }
        for (const child of node.namedChildren) visit(child, scope);
    }
  }

  visit(root, module);

  const resolve = (name: string, scope: Scope, at?: number): Scope => {
    if (scope.globals.has(name)) return module;
    let current: Scope | undefined = scope;
    let first = true;
    while (current) {
      const visible = first ? !(current.kind === 'class' && at !== undefined && at < (current.boundFrom.get(name) ?? -1)) : current.kind !== 'class';
      if (visible && current.bindings.has(name) && !(first && current.nonlocals.has(name))) return current;
      if (current.globals.has(name)) return module;
      first = false;
      current = current.parent;
    }
    return module;
  };

  const scopeOf = (node: Node): Scope => {
    const owner = scopeNodeOf(node);
    return (owner && scopeByNode.get(owner.id)) ?? module;
  };

  // each name read costs a call into the parser: once per use, not once per use and question
  let usedNames: Set<string> | undefined;
  const usesName = (name: string): boolean => (usedNames ??= new Set(uses.map((use) => use.node.text))).has(name);

  return { module, all, uses, resolve, scopeOf, usesName };
}

/**
 * The node whose scope holds `node`: the innermost function, lambda, class or comprehension around it, or null for the
 * module. Found from the tree alone, so that comparing two statements' scopes needs no scope analysis.
 */
export function scopeNodeOf(node: Node): Node | null {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    // a function's name, decorators, defaults and annotations belong to the enclosing scope
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') {
      if (within(node, n.childForFieldName('body'))) return n;
    } else if (comprehensions.has(n.type)) {
      return n;
    }
  }
  return null;
}

function within(node: Node, container: Node | null): boolean {
  return !!container && node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}
