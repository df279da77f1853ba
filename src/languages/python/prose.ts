/**
 * Where a Python file's text is prose: its comments and the bodies of its plain string literals (not f-strings nor
 * t-strings, whose replacement fields are code), found by a lexer instead of a parse, for scans that decide without
 * one. Sorted, disjoint `[start, end)` offsets; undefined when the text cannot be followed to its end (an unterminated
 * string): the caller then treats every offset as code.
 */
export function proseRanges(text: string): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = [];
  const end = lexCode(text, 0, ranges, false);
  return end === text.length ? ranges : undefined;
}

/** Whether `offset` lies in one of `ranges` (sorted, disjoint). */
export function inProse(ranges: ReadonlyArray<[number, number]>, offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle]!;
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}

const failed = -1;
/** The word run before a quote (up to three characters): a string prefix if it is one (`rb`, `F`), else a name or keyword ending there (`if"a"`). */
function wordBefore(text: string, end: number, start: number): string {
  let from = end;
  while (from > start && end - from < 3 && isWordCode(text.charCodeAt(from - 1))) from--;
  return from === end ? '' : text.slice(from, end);
}

const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
const stringPrefix = /^(?:[rRuUbBfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;
const formattedPrefix = /[fFtT]/;

/** What can change the lexer's state in code: at the top level, and in a replacement field (brackets, `:`, `!` too). */
const topLevelStops = /[#'"\\]/g;
const fieldStops = /[#'"\\()[\]{}:!]/g;

/**
 * Code from `at`: to the text's end, or (in a replacement field, `field` true) to the `}` or the `:`/`!` at bracket
 * depth 0 that ends its expression. Returns the offset reached, or `failed`. Jumps from one character that matters to
 * the next (a regex search), not character by character.
 */
function lexCode(text: string, at: number, ranges: Array<[number, number]>, field: boolean): number {
  // shared: a nested field's search resets `lastIndex` before each use, as this one does
  const stops = field ? fieldStops : topLevelStops;
  let depth = 0;
  let i = at;
  for (;;) {
    stops.lastIndex = i;
    const found = stops.exec(text);
    if (!found) return field ? failed : text.length;
    i = found.index;
    const c = found[0];
    if (c === '#') {
      lineEnd.lastIndex = i;
      const stop = lineEnd.exec(text)?.index ?? text.length;
      ranges.push([i, stop]);
      i = stop;
    } else if (c === '"' || c === "'") {
      const letters = wordBefore(text, i, at);
      const formatted = letters !== '' && stringPrefix.test(letters) && formattedPrefix.test(letters);
      i = formatted ? lexFormatted(text, i, ranges, /[rR]/.test(letters)) : lexPlain(text, i, ranges);
      if (i === failed) return failed;
    } else if (c === '\\') {
      i += 2;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return c === '}' ? i : failed;
      depth--;
      i++;
    } else if (depth === 0 && (c === ':' || (c === '!' && text[i + 1] !== '='))) {
      return i;
    } else {
      i++;
    }
  }
}

/** The quote at `at` (`'`, `"`, or either tripled). */
function quoteAt(text: string, at: number): string {
  const c = text[at]!;
  return text.startsWith(c.repeat(3), at) ? c.repeat(3) : c;
}

/** Python reads a lone CR as a line end, as LF and CRLF. */
const lineEnd = /[\n\r]/g;

/** After a backslash at `at`: where reading goes on (a CRLF it escapes is one line end). */
const afterEscape = (text: string, at: number): number => (text[at + 1] === '\r' && text[at + 2] === '\n' ? at + 3 : at + 2);

/** The end of a plain string's body: the next escape, closing quote, or (single-quoted) line end. */
const plainStops: Record<string, RegExp> = {
  "'": /[\\'\n\r]/g,
  '"': /[\\"\n\r]/g,
  "'''": /\\|'''/g,
  '"""': /\\|"""/g,
};

/** A plain string literal opening at `at`: its body is prose. Returns the offset after its closing quote. */
function lexPlain(text: string, at: number, ranges: Array<[number, number]>): number {
  const quote = quoteAt(text, at);
  const body = at + quote.length;
  const stops = plainStops[quote]!;
  for (let from = body; ; ) {
    stops.lastIndex = from;
    const found = stops.exec(text);
    if (!found || found[0] === '\n' || found[0] === '\r') return failed;
    if (found[0] === '\\') from = afterEscape(text, found.index);
    else {
      ranges.push([body, found.index]);
      return found.index + quote.length;
    }
  }
}

/**
 * An f-string (or t-string) opening at `at`: its literal text is not recorded as prose (a review line can come from
 * it), only the strings and comments inside its replacement fields. Nested quotes of either kind are strings of their
 * own (Python 3.12); a format spec is literal text with fields of its own.
 */
function lexFormatted(text: string, at: number, ranges: Array<[number, number]>, raw: boolean): number {
  const quote = quoteAt(text, at);
  const literal = (from: number, inSpec: boolean): number => {
    for (let i = from; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\') {
        // raw: a backslash keeps a quote, a backslash or a line end from ending the string, and leaves `{` a field's start
        const next = text[i + 1];
        if (!raw || next === quote[0] || next === '\\' || next === '\n' || next === '\r') i = afterEscape(text, i) - 1;
      } else if (quote.length === 1 && (c === '\n' || c === '\r')) return failed;
      else if (!inSpec && text.startsWith(quote, i)) return i;
      else if (c === '{' && !inSpec && text[i + 1] === '{') i++;
      else if (c === '}' && !inSpec && text[i + 1] === '}') i++;
      else if (c === '}' && inSpec) return i;
      else if (c === '{') {
        i = field(i + 1);
        if (i === failed) return failed;
      }
    }
    return failed;
  };
  // from after a field's `{` to its closing `}`
  const field = (from: number): number => {
    let i = lexCode(text, from, ranges, true);
    if (i === failed) return failed;
    if (text[i] === '!') i += 2;
    if (text[i] === ':') i = literal(i + 1, true);
    return text[i] === '}' ? i : failed;
  };
  const close = literal(at + quote.length, false);
  return close === failed ? failed : close + quote.length;
}
