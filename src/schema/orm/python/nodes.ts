import { type Node } from '../../../languages/python/syntax';

// ---------------------------------------------------------------------------------------------
// small helpers

export function kids(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

export function unwrapDecorated(node: Node): Node {
  return node.type === 'decorated_definition' ? (node.childForFieldName('definition') ?? node) : node;
}

export function assignedNames(left: Node): string[] {
  if (left.type === 'identifier') return [left.text];
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern') return kids(left).filter((k) => k.type === 'identifier').map((k) => k.text);
  return [];
}

/** The value of a plain string literal (or implicit concatenation of them); undefined for f-strings and other expressions. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    const parts = kids(node).map(stringValue);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  if (kids(node).some((c) => c.type === 'interpolation')) return undefined;
  return kids(node)
    .filter((c) => c.type === 'string_content' || c.type === 'escape_sequence')
    .map((c) => c.text)
    .join('');
}

/** The strings of a list or tuple of string literals (other items left out). */
export const stringList = (node: Node | null | undefined): string[] => (node && (node.type === 'list' || node.type === 'tuple') ? kids(node).flatMap((k) => stringValue(k) ?? []) : []);

export function lastSegment(dotted: string): string {
  const dot = dotted.lastIndexOf('.');
  return dot < 0 ? dotted : dotted.slice(dot + 1);
}

/** The last name of a call's callee: `sa.Column(...)` → `Column`. */
export function calleeName(call: Node): string {
  return lastSegment(call.childForFieldName('function')?.text ?? '');
}

/** A call's arguments, comments left out. */
export function argumentsOf(call: Node): Node[] {
  return kids(call.childForFieldName('arguments'));
}

/** The positional ones among a call's arguments (`*args` and `**kwargs` left out). */
export function positionalArgs(args: readonly Node[]): Node[] {
  return args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
}

/** The value of keyword argument `name=`, or undefined. */
export function keywordArg(args: readonly Node[], name: string): Node | undefined {
  return args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined;
}
