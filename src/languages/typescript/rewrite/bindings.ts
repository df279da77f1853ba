import type { RewriteRule } from '../../../importmap/types';
import type { OldModule } from '../old-module';
import { ts } from '../ts';

/** One name an import statement binds. */
export interface Binding {
  kind: 'default' | 'named';
  /** the exported name it imports (`default` for a default import) */
  imported: string;
  local: string;
  /** `import type` or an inline `type` modifier */
  typeOnly: boolean;
  node: ts.ImportSpecifier | ts.Identifier;
}

/** A binding that must come from another module, to be merged into an import of it or given a new statement. */
export interface PendingImport {
  module: string;
  imported: string;
  local: string;
  typeOnly: boolean;
  /** a default import that stays a default import (`import D from`) */
  asDefault: boolean;
  anchor: ts.Statement;
  anchorLiteral: ts.StringLiteralLike;
  oldModule: OldModule;
  statementTypeOnly: boolean;
  rule: RewriteRule;
}

/** An import declaration that imports from a module after the rewrite (already did, or now does). */
export interface TargetImport {
  declaration: ts.ImportDeclaration;
  /** `local -> { imported, typeOnly, node }` of its named and default bindings */
  bindings: Map<string, { imported: string; typeOnly: boolean; node: ts.ImportSpecifier | ts.Identifier }>;
  /** false once remodel removes specifiers from it: it cannot take insertions then */
  mergeable: boolean;
  /** an `import type` statement remodel turned into a value import (its other specifiers got inline `type`) */
  madeValue: boolean;
}

export function targetImport(declaration: ts.ImportDeclaration, mergeable: boolean): TargetImport {
  const bindings: TargetImport['bindings'] = new Map();
  const clause = declaration.importClause;
  const statementTypeOnly = clause?.phaseModifier === ts.SyntaxKind.TypeKeyword;
  if (clause?.name) bindings.set(clause.name.text, { imported: 'default', typeOnly: statementTypeOnly, node: clause.name });
  const named = clause?.namedBindings;
  if (named && ts.isNamedImports(named)) {
    for (const element of named.elements) {
      bindings.set(element.name.text, { imported: (element.propertyName ?? element.name).text, typeOnly: statementTypeOnly || element.isTypeOnly, node: element });
    }
  }
  return { declaration, bindings, mergeable, madeValue: false };
}
