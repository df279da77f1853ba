import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { specifierText } from '../text';

/**
 * A JSDoc `@import` tag (TypeScript 5.5, what checkJs reads): retargeted like an import declaration. A renamed name
 * keeps its local name through an alias (`{ User as OldUser }`): the types that use it sit in comments, where
 * references are not renamed. Names that go to different modules, or stay, are left for review.
 */
export function visitJsDocImport(rw: FileRewrite, tag: ts.JSDocImportTag): void {
  const literal = tag.moduleSpecifier;
  if (!ts.isStringLiteralLike(literal)) return;
  const old = rw.oldModuleOf(literal, 'import');
  const clause = tag.importClause;
  if (!old || !clause) return;
  const whole = rw.map.moveOfModule(old.id);
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    // case: @import * as ns from 'x'
    if (whole && whole.rule.rename.size === 0) rw.retarget(literal, old, whole, 'import', 'imports');
    else if (whole || rw.map.hasNameMoves(old.id)) rw.review(tag, `JSDoc '@import * as ${named.name.text}' of '${old.id}', whose names move or are renamed: rewrite the types that use it by hand`);
    return;
  }
  // case: @import D, { A, B as C } from 'x'
  const elements = named && ts.isNamedImports(named) ? [...named.elements] : [];
  const imported = [...(clause.name ? ['default'] : []), ...elements.map((e) => (e.propertyName ?? e.name).text)];
  const targets = imported.map((name) => rw.map.moveOfName(old.id, name));
  if (targets.every((target) => !target)) return;
  const modules = new Set(targets.map((target) => target?.module));
  const module = [...modules][0];
  if (modules.size > 1 || module === undefined) {
    rw.review(tag, `JSDoc '@import' of '${old.id}' whose names go to different modules (or stay): split it by hand`);
    return;
  }
  if (clause.name && targets[0]!.name !== 'default') {
    rw.review(tag, `JSDoc '@import ${clause.name.text}' of '${old.id}', whose default export becomes '${targets[0]!.name}': rewrite it by hand`);
    return;
  }
  const specifier = rw.specifierFor(literal, old, module, 'import');
  if (specifier === undefined) return;
  rw.replaceLiteral(literal, specifier);
  rw.count(targets[0]!.rule, 'imports');
  elements.forEach((element, i) => {
    const target = targets[i + (clause.name ? 1 : 0)]!;
    if (target.name === (element.propertyName ?? element.name).text) return;
    rw.edit(element.getStart(rw.sourceFile), element.end, specifierText(target.name, element.name.text, false, rw.quoteOf(literal)));
  });
}
