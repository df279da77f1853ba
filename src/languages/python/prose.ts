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
// the word run before a quote: a string prefix if it is one (`rb`, `F`), else a name or keyword ending there (`if"a"`)
const wordBefore = /\w{0,3}$/;
const stringPrefix = /^(?:[rRuUbBfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;
const formattedPrefix = /[fFtT]/;

/**
 * Code from `at`: to the text's end, or (in a replacement field, `field` true) to the `}` or the `:`/`!` at bracket
 * depth 0 that ends its expression. Returns the offset reached, or `failed`.
 */
function lexCode(text: string, at: number, ranges: Array<[number, number]>, field: boolean): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const newline = text.indexOf('\n', i);
      const stop = newline === -1 ? text.length : newline;
      ranges.push([i, stop]);
      i = stop;
    } else if (c === '"' || c === "'") {
      const letters = wordBefore.exec(text.slice(Math.max(at, i - 3), i))![0];
      const formatted = stringPrefix.test(letters) && formattedPrefix.test(letters);
      i = formatted ? lexFormatted(text, i, ranges, /[rR]/.test(letters)) : lexPlain(text, i, ranges);
      if (i === failed) return failed;
    } else if (c === '\\') {
      i += 2;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (field && depth === 0) return c === '}' ? i : failed;
      depth--;
      i++;
    } else if (field && depth === 0 && (c === ':' || (c === '!' && text[i + 1] !== '='))) {
      return i;
    } else {
      i++;
    }
  }
  return field ? failed : i;
}

/** The quote at `at` (`'`, `"`, or either tripled). */
function quoteAt(text: string, at: number): string {
  const c = text[at]!;
  return text.startsWith(c.repeat(3), at) ? c.repeat(3) : c;
}

/** A plain string literal opening at `at`: its body is prose. Returns the offset after its closing quote. */
function lexPlain(text: string, at: number, ranges: Array<[number, number]>): number {
  const quote = quoteAt(text, at);
  const body = at + quote.length;
  for (let i = body; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (quote.length === 1 && c === '\n') return failed;
    else if (text.startsWith(quote, i)) {
      ranges.push([body, i]);
      return i + quote.length;
    }
  }
  return failed;
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
      if (c === '\\' && !raw) i++;
      else if (quote.length === 1 && c === '\n') return failed;
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
