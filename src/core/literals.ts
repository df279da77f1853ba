/*
 * Text from a map (a shim's message, module and table names) that lands in generated code goes through these and
 * nowhere else: a string literal that holds it exactly, or comment text that cannot end its comment. Map text never
 * becomes code.
 */

/** Characters that a literal spells as an escape: C0 controls, DEL, JS line separators, lone surrogates. */
const UNSAFE = /[\0-\x1f\x7f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (char: string, width: number): string => char.charCodeAt(0).toString(16).padStart(width, '0');
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeUnsafe(text: string, keepLineFeeds = false): string {
  return text.replace(UNSAFE, (char) => (keepLineFeeds && char === '\n' ? char : (SHORT[char] ?? (char.charCodeAt(0) < 0x100 ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`))));
}

/** A string literal, valid Python and JavaScript alike, in the given quote, that evaluates to `text` exactly. */
export function stringLiteral(text: string, quote: '"' | "'" = '"'): string {
  return `${quote}${escapeUnsafe(text.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`))}${quote}`;
}

/** Text for inside a `"""` docstring: reads as written, and cannot close the docstring. */
export function pythonDocstringText(text: string): string {
  return escapeUnsafe(text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'), true);
}


/** Text for a line comment (`#`, `//`): every line break and control character becomes a space, so the comment cannot end early. */
export function lineCommentText(text: string): string {
  return text.replace(UNSAFE, ' ');
}

/** Text for inside a `/* … *\/` comment: `*\/` cannot close it. */
export function blockCommentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(UNSAFE, (char) => (char === '\n' ? '\n' : ' '));
}
