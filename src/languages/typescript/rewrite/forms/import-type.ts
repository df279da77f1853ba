import { ts } from '../../ts';
import { FileRewrite } from '../context';

export function visitImportType(rw: FileRewrite, node: ts.ImportTypeNode): void {
  const argument = node.argument;
  if (!ts.isLiteralTypeNode(argument) || !ts.isStringLiteral(argument.literal)) return;
  const literal = argument.literal;
  const old = rw.oldModuleOf(literal, 'import');
  if (!old) return;
  const whole = rw.map.moveOfModule(old.id);
  let first: ts.EntityName | undefined = node.qualifier;
  while (first && ts.isQualifiedName(first)) first = first.left;
  if (!first) {
    // case: typeof import('x'); a module whose names are renamed is left as it is (its type's members would change)
    if (whole?.rule.rename.size) rw.review(node, `typeof import('${literal.text}') of '${old.id}' is a module's type and its names ${[...whole.rule.rename.keys()].join(', ')} are renamed: rewrite by hand`);
    else if (whole) rw.retarget(literal, old, whole, 'import', 'imports');
    else if (rw.map.hasNameMoves(old.id)) rw.review(node, `typeof import('${literal.text}') of '${old.id}', whose names move elsewhere: rewrite by hand`);
    return;
  }
  // case: import('x').Name in a type
  const target = rw.map.moveOfName(old.id, first.text);
  if (!target) {
    if (whole) rw.retarget(literal, old, whole, 'import', 'imports');
    return;
  }
  const specifier = rw.specifierFor(literal, old, target.module, 'import');
  if (specifier === undefined) return;
  rw.replaceLiteral(literal, specifier);
  if (target.name !== first.text) rw.edit(first.getStart(rw.sourceFile), first.end, target.name);
  rw.count(target.rule, 'imports');
}
