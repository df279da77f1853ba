import { type Node } from '../syntax';
import { PythonFileRewrite } from './file-rewrite';
import { argumentOf, isDunderAllEntry, plainStringContent } from '../syntax';
import { mayImportOldModulesDynamically, oldModuleEnds } from '../dynamic-imports';

/**
 * String annotations follow a rename of their binding, whole (`"UserStationAssignment"`) or inside a type expression
 * (`"Optional[UserStationAssignment]"`, not `x.UserStationAssignment` nor a quoted `Literal['...']` value), and so do
 * the other strings type checkers read as types (`cast("T", v)`, `TypeVar("T", bound="U")`); `__all__` entries too
 * (`barrels: follow`).
 */
export function rewriteStringAnnotations(rw: PythonFileRewrite): void {
  for (const [scope, renames] of rw.renames) {
    for (const string of scope.node.descendantsOfType('string')) {
      if (!string) continue;
      const content = plainStringContent(string);
      if (!content) continue;
      const inAnnotation = isReadAsType(string);
      if (!inAnnotation && !(scope === rw.scopes.module && isDunderAllEntry(string))) continue;
      const names = inAnnotation ? annotationNames(content.text) : [{ offset: 0, name: content.text }];
      for (const { offset, name } of names) {
        const rename = renames.get(name);
        if (!rename || rw.scopes.resolve(name, rw.scopes.scopeOf(string), string.startIndex) !== scope) continue;
        const start = content.node.startIndex + offset;
        // a chain through the name was rewritten whole (`rewriteAnnotationChains`)
        if (rw.out.edits.some((edit) => edit.start <= start && edit.end > start)) continue;
        rw.out.edit(start, start + name.length, rename.to);
        rw.out.count(rename.label, 'references');
      }
    }
  }
}


/**
 * `f"{Old=}"` prints the expression's own text: once `Old` is renamed, the text is written out literally and the
 * value formatted as `=` did (`Old={New!r}`), so the output stays the same.
 */
export function keepSelfDocumentingOutput(rw: PythonFileRewrite, root: Node): void {
  const text = rw.file.text;
  for (const interpolation of root.descendantsOfType('interpolation')) {
    const equals = interpolation?.children.find((child) => child?.type === '=');
    const expression = interpolation?.namedChildren[0];
    if (!interpolation || !equals || !expression) continue;
    if (!rw.out.edits.some((edit) => edit.start >= expression.startIndex && edit.end <= expression.endIndex)) continue;
    const next = equals.nextSibling!;
    const literal = text.slice(interpolation.startIndex + 1, next.startIndex);
    const quote = interpolation.parent?.namedChildren[0]?.text.replace(/^[A-Za-z]*/, '') ?? '"';
    if (/[\\\r\n]/.test(literal) || literal.includes(quote[0]!)) {
      rw.out.review(interpolation, `f-string '{${literal}}' prints the text of a renamed expression: its output changes`);
      continue;
    }
    rw.out.edit(interpolation.startIndex, interpolation.startIndex, literal.replace(/[{}]/g, (brace) => brace + brace));
    rw.out.edit(equals.startIndex, next.startIndex, '');
    if (next.type === '}') rw.out.edit(next.startIndex, next.startIndex, '!r');
  }
}


/** `importlib.import_module(expr)` / `__import__(expr)` with a computed name: listed, never guessed. */
export function reviewDynamicImports(rw: PythonFileRewrite, root: Node): void {
  if (!mayImportOldModulesDynamically(rw.file.text, oldModuleEnds(rw.map))) return;
  for (const call of root.descendantsOfType('call')) {
    if (!call) continue;
    const fn = call.childForFieldName('function')?.text ?? '';
    if (!/^(importlib\.)?import_module$|^__import__$/.test(fn)) continue;
    const arg = call.childForFieldName('arguments')?.namedChildren[0];
    if (!arg || plainStringContent(arg)) continue;
    rw.out.review(call, `${fn}() with a computed module name: remodel cannot tell whether it names a mapped module`, true);
  }
}


/**
 * The names a string annotation's type expression starts a reference with, and where (character offsets): `Optional`
 * and `User` in `"Optional[User.Meta]"`, not `Meta`; nothing inside a quoted part (`Literal['User']`).
 */
export function annotationNames(text: string): { offset: number; name: string }[] {
  const names: { offset: number; name: string }[] = [];
  for (const match of text.matchAll(/'[^']*'|"[^"]*"|\.?\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (match[1] && !match[0].startsWith('.')) names.push({ offset: match.index! + match[0].length - match[1].length, name: match[1] });
  }
  return names;
}


/**
 * The attribute chains a string annotation's type expression spells (`models.booking.Booking` in
 * `"Optional[models.booking.Booking]"`), each part with its character offset; none inside a quoted part.
 */
export function annotationChains(text: string): Array<{ parts: string[]; offsets: number[] }> {
  const chains: Array<{ parts: string[]; offsets: number[] }> = [];
  for (const match of text.matchAll(/'[^']*'|"[^"]*"|(\.\s*)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
    if (!match[2] || match[1]) continue;
    const parts = match[2].split('.');
    let offset = match.index! + match[0].length - match[2].length;
    const offsets = parts.map((part) => (offset += part.length + 1) - part.length - 1);
    chains.push({ parts, offsets });
  }
  return chains;
}

/** A string type checkers read as a type: an annotation, or a typing call's type argument (`cast("T", v)`). */
export function isReadAsType(string: Node): boolean {
  return isInAnnotation(string) || isTypeArgument(string);
}

/**
 * A string argument the typing module reads as a type: the first of `cast(...)` and `ForwardRef(...)`, a constraint or
 * the `bound=` of `TypeVar(...)` (called by that name or as `typing.<name>`), not the TypeVar's own name.
 */
function isTypeArgument(string: Node): boolean {
  const at = argumentOf(string);
  if (!at) return false;
  const name = at.callee.slice(at.callee.lastIndexOf('.') + 1);
  if (name === 'cast' || name === 'ForwardRef') return !at.keyword && at.position === 0;
  if (name === 'TypeVar') return at.keyword ? at.keyword === 'bound' : at.position > 0;
  return false;
}

export function isInAnnotation(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'type') return true;
    if (n.type === 'block' || n.type === 'module' || n.type === 'call') return false;
  }
  return false;
}
