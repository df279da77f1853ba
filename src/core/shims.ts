/** The words every generated shim carries (as a comment), in any language: how a re-run knows a path is a shim. */
export const shimMarkerText = 'remodel: deprecation shim';

/** What makes a file's opening comments a notice a shim keeps: a copyright, a license, an SPDX identifier. */
const notice = /copyright|\(c\)|licen[cs]e|spdx-license-identifier/i;

/**
 * The comments a file opens with, up to the last that holds a copyright or license notice, as written (without a BOM or
 * a trailing line break); '' when none holds one. A shim that replaces the file keeps them, so that a license-header
 * check still passes and the notice stays with the code. `hash`: Python's `#` lines (a `coding` line among them); `slash`: `//` and
 * `/* *\/` comments (and a `#!` line first), as TypeScript and JavaScript write them.
 */
export function licenseHeader(text: string, style: 'hash' | 'slash'): string {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  let at = start;
  // the end of the last opening comment that holds a notice (comments after it describe what the shim replaces)
  let end = start;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const rest = text.slice(at, at + 2);
    let next: number;
    if (style === 'hash' ? rest[0] === '#' : rest === '//' || (rest === '#!' && at === start)) next = lineEnd(text, at);
    else if (style === 'slash' && rest === '/*') {
      const close = text.indexOf('*/', at + 2);
      if (close < 0) break;
      next = close + 2;
    } else break;
    if (notice.test(text.slice(at, next))) end = next;
    at = next;
  }
  return text.slice(start, end).trimEnd();
}

/** `licenseHeader` as the lines a generated shim starts with (none without a notice). */
export function licenseHeaderLines(text: string, style: 'hash' | 'slash'): string[] {
  const header = licenseHeader(text, style);
  return header ? header.split(/\r?\n/) : [];
}

const lineEnd = (text: string, at: number): number => {
  const newline = text.indexOf('\n', at);
  return newline < 0 ? text.length : newline;
};
