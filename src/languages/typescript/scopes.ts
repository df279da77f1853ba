import { ts } from './ts';

/** What a name means where it is declared or used (TypeScript's three declaration spaces). */
export enum Meaning {
  None = 0,
  Value = 1,
  Type = 2,
  Namespace = 4,
  All = 7,
}

/** An identifier that refers to a binding, and how it is written. */
export interface Reference {
  node: ts.Identifier;
  /** `{ X }` object shorthand, `export { X }` local re-export, or a plain identifier */
  form: 'plain' | 'shorthand' | 'export-specifier';
  /** the meaning the reference asks for (a type position asks for Type|Namespace) */
  meaning: Meaning;
}

/** A read of a member of a file-level name (`ns.X`, `ns.X` in a type), as `memberUses` lists them. */
export interface MemberUse {
  node: ts.PropertyAccessExpression | ts.QualifiedName;
  member: string;
  inType: boolean;
}

interface Scope {
  parent: Scope | undefined;
  /** declared name -> meanings */
  names: Map<string, Meaning>;
  /** a function body (`var` lands here) or the file */
  isFunction: boolean;
}

/**
 * Lexical scopes of one file, built by walking the TypeScript AST (no Program, no checker):
 * block, function, class, catch, for, namespace, type-parameter and `infer` scopes, `var` hoisting,
 * and TypeScript's separate value/type/namespace meanings, so that a local `const Booking` does not
 * hide the imported type `Booking` in a type annotation and vice versa.
 *
 * @example
 * const scopes = analyseScopes(sourceFile);
 * scopes.referencesTo('Booking')   // identifiers bound to the file-level `Booking`, not to shadowing locals
 */
export class ScopeAnalysis {
  private readonly scopeOf = new Map<ts.Node, Scope>();
  private readonly moduleScope: Scope;
  private readonly references: Reference[] = [];
  private readonly declared = new Set<string>();

  constructor(readonly sourceFile: ts.SourceFile) {
    this.moduleScope = { parent: undefined, names: new Map(), isFunction: true };
    this.scopeOf.set(sourceFile, this.moduleScope);
    this.collect(sourceFile, this.moduleScope);
  }

  /** The references that resolve to the file-level binding `name`. */
  referencesTo(name: string): Reference[] {
    return this.references.filter((ref) => ref.node.text === name && this.resolvesToModuleScope(ref));
  }

  /** True when `name` is declared anywhere in the file or referenced (a global, say): renaming something to it could capture. */
  isNameTaken(name: string): boolean {
    return this.declared.has(name) || this.references.some((ref) => ref.node.text === name);
  }

  /** Uses of a file-level binding that are the left side of `ns.X` (value) or `ns.X` (type), and every other use. */
  memberUses(name: string): { members: MemberUse[]; other: Reference[] } {
    const members: MemberUse[] = [];
    const other: Reference[] = [];
    for (const ref of this.referencesTo(name)) {
      const parent = ref.node.parent;
      if (ref.form === 'plain' && ts.isPropertyAccessExpression(parent) && parent.expression === ref.node && ts.isIdentifier(parent.name)) {
        members.push({ node: parent, member: parent.name.text, inType: false });
      } else if (ref.form === 'plain' && ts.isQualifiedName(parent) && parent.left === ref.node) {
        members.push({ node: parent, member: parent.right.text, inType: true });
      } else {
        other.push(ref);
      }
    }
    return { members, other };
  }

  private resolvesToModuleScope(ref: Reference): boolean {
    for (let scope: Scope | undefined = this.innermostScope(ref.node); scope; scope = scope.parent) {
      const meanings = scope.names.get(ref.node.text);
      if (meanings !== undefined && (meanings & ref.meaning) !== 0) return scope === this.moduleScope;
    }
    return false;
  }

  private innermostScope(node: ts.Node): Scope {
    for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
      const scope = this.scopeOf.get(current);
      if (scope) return scope;
    }
    return this.moduleScope;
  }

  private declare(scope: Scope, name: string, meaning: Meaning): void {
    scope.names.set(name, (scope.names.get(name) ?? Meaning.None) | meaning);
    this.declared.add(name);
  }

  private declareBindingName(scope: Scope, name: ts.BindingName, meaning: Meaning): void {
    if (ts.isIdentifier(name)) {
      this.declare(scope, name.text, meaning);
      return;
    }
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) this.declareBindingName(scope, element.name, meaning);
    }
  }

  private newScope(node: ts.Node, parent: Scope, isFunction: boolean): Scope {
    const scope: Scope = { parent, names: new Map(), isFunction };
    this.scopeOf.set(node, scope);
    return scope;
  }

  private functionScope(scope: Scope): Scope {
    let current = scope;
    while (!current.isFunction && current.parent) current = current.parent;
    return current;
  }

  private collect(node: ts.Node, scope: Scope): void {
    let inner = scope;
    // declarations that land in the enclosing scope
    if (ts.isVariableDeclaration(node)) {
      const list = node.parent;
      const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
      const target = ts.isCatchClause(list) || blockScoped ? scope : this.functionScope(scope);
      this.declareBindingName(target, node.name, Meaning.Value);
    } else if (ts.isFunctionDeclaration(node) && node.name) {
      this.declare(scope, node.name.text, Meaning.Value);
    } else if (ts.isClassDeclaration(node) && node.name) {
      this.declare(scope, node.name.text, Meaning.Value | Meaning.Type);
    } else if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      this.declare(scope, node.name.text, Meaning.Type);
    } else if (ts.isEnumDeclaration(node)) {
      this.declare(scope, node.name.text, Meaning.Value | Meaning.Type | Meaning.Namespace);
    } else if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name)) {
      this.declare(scope, node.name.text, Meaning.Value | Meaning.Namespace);
    } else if (ts.isImportClause(node) && node.name) {
      this.declare(scope, node.name.text, Meaning.All);
    } else if (ts.isNamespaceImport(node) || ts.isImportSpecifier(node) || ts.isImportEqualsDeclaration(node)) {
      this.declare(scope, node.name.text, Meaning.All);
    }

    // nodes that open a scope
    if (ts.isFunctionLike(node)) {
      inner = this.newScope(node, scope, true);
      if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) this.declare(inner, node.name.text, Meaning.Value);
      for (const parameter of node.parameters) this.declareBindingName(inner, parameter.name, Meaning.Value);
      for (const parameter of node.typeParameters ?? []) this.declare(inner, parameter.name.text, Meaning.Type);
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
        // the body block shares the function scope
        if (node.body && ts.isBlock(node.body)) this.scopeOf.set(node.body, inner);
      }
    } else if (ts.isClassLike(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      inner = this.newScope(node, scope, false);
      if (ts.isClassExpression(node) && node.name) this.declare(inner, node.name.text, Meaning.Value | Meaning.Type);
      for (const parameter of node.typeParameters ?? []) this.declare(inner, parameter.name.text, Meaning.Type);
    } else if (ts.isBlock(node) && !this.scopeOf.has(node)) {
      inner = this.newScope(node, scope, false);
    } else if (ts.isCaseBlock(node) || ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) {
      inner = this.newScope(node, scope, false);
    } else if (ts.isCatchClause(node)) {
      inner = this.newScope(node, scope, false);
      if (node.variableDeclaration) this.declareBindingName(inner, node.variableDeclaration.name, Meaning.Value);
    } else if (ts.isModuleBlock(node)) {
      inner = this.newScope(node, scope, true);
    } else if (ts.isEnumDeclaration(node)) {
      inner = this.newScope(node, scope, false);
      for (const member of node.members) if (ts.isIdentifier(member.name)) this.declare(inner, member.name.text, Meaning.Value);
    } else if (ts.isMappedTypeNode(node)) {
      inner = this.newScope(node, scope, false);
      this.declare(inner, node.typeParameter.name.text, Meaning.Type);
    } else if (ts.isConditionalTypeNode(node)) {
      inner = this.newScope(node, scope, false);
      collectInferTypes(node.extendsType, (name) => this.declare(inner, name, Meaning.Type));
    }

    if (ts.isIdentifier(node)) {
      const reference = classifyIdentifier(node);
      if (reference) this.references.push(reference);
      return;
    }
    ts.forEachChild(node, (child) => this.collect(child, inner));
  }
}

function collectInferTypes(node: ts.Node, add: (name: string) => void): void {
  if (ts.isInferTypeNode(node)) add(node.typeParameter.name.text);
  ts.forEachChild(node, (child) => collectInferTypes(child, add));
}

/** Whether an identifier is a reference (and with which meaning), or a name that refers to nothing in scope. */
export function classifyIdentifier(node: ts.Identifier): Reference | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  // names that are not references: properties, members, declarations, labels
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return undefined;
  if (ts.isQualifiedName(parent) && parent.right === node) return undefined;
  if (ts.isShorthandPropertyAssignment(parent) && parent.name === node) return { node, form: 'shorthand', meaning: Meaning.Value };
  if (ts.isExportSpecifier(parent)) {
    const declaration = parent.parent.parent;
    if (declaration.moduleSpecifier) return undefined;
    return (parent.propertyName ?? parent.name) === node ? { node, form: 'export-specifier', meaning: Meaning.All } : undefined;
  }
  if (ts.isBindingElement(parent) && parent.propertyName === node) return undefined;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isNamespaceExport(parent)) return undefined;
  if (ts.isImportTypeNode(parent)) return undefined;
  if (ts.isJsxAttribute(parent) || ts.isJsxNamespacedName(parent)) return undefined;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isMetaProperty(parent)) return undefined;
  if (ts.isTypePredicateNode(parent) && parent.parameterName === node) return undefined;
  if ((ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) && parent.tagName === node) {
    // lower-case tags are intrinsic elements (<div>), not bindings
    return /^[a-z]/.test(node.text) || node.text.includes('-') ? undefined : { node, form: 'plain', meaning: Meaning.Value };
  }
  if (isDeclarationName(node)) return undefined;
  return { node, form: 'plain', meaning: meaningOfUse(node) };
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent as ts.Node & { name?: ts.Node };
  if (parent.name !== node) return false;
  return (
    ts.isVariableDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isFunctionDeclaration(parent) ||
    ts.isFunctionExpression(parent) ||
    ts.isClassDeclaration(parent) ||
    ts.isClassExpression(parent) ||
    ts.isInterfaceDeclaration(parent) ||
    ts.isTypeAliasDeclaration(parent) ||
    ts.isEnumDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isModuleDeclaration(parent) ||
    ts.isTypeParameterDeclaration(parent) ||
    ts.isBindingElement(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isImportEqualsDeclaration(parent) ||
    ts.isNamespaceExportDeclaration(parent)
  );
}

/** Value, or Type|Namespace in a type position (`let b: Booking`, `implements Booking`, `m.Booking` in a type). */
function meaningOfUse(node: ts.Identifier): Meaning {
  // climb to the whole entity name (`a.b.c`) this identifier starts
  let top: ts.Node = node;
  while ((ts.isQualifiedName(top.parent) && top.parent.left === top) || (ts.isPropertyAccessExpression(top.parent) && top.parent.expression === top)) {
    top = top.parent;
  }
  const parent = top.parent;
  const leftOfDot = top !== node;
  if (ts.isTypeReferenceNode(parent) && parent.typeName === top) return leftOfDot ? Meaning.Namespace : Meaning.Type;
  if (ts.isExpressionWithTypeArguments(parent) && parent.expression === top) {
    const clause = parent.parent;
    const classExtends = ts.isHeritageClause(clause) && clause.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(clause.parent);
    if (!classExtends) return leftOfDot ? Meaning.Namespace : Meaning.Type;
    return Meaning.Value;
  }
  if (ts.isTypeQueryNode(parent)) return Meaning.Value;
  if (ts.isExportAssignment(parent)) return Meaning.All;
  return Meaning.Value;
}
