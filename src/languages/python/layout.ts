import * as path from 'node:path';

/** PEP 8's limit: what generated code keeps to when no formatter of the project says otherwise (flake8's default too). */
const pep8LineLength = 79;

/**
 * The line length the project formats Python to, for the file at `file`: `line-length` of the nearest `.ruff.toml`,
 * `ruff.toml` or `pyproject.toml` (`[tool.black]`, else `[tool.ruff]`) from its folder up to the repository root;
 * PEP 8's 79 when that file sets none, or there is none. Code laid out to a shorter limit than the formatter's stays as
 * it is under it (see `bracketed`), so the default is safe for black's and ruff's 88 too.
 */
export function pythonLineLength(read: (file: string) => string | undefined, file: string): number {
  for (let folder = path.posix.dirname(file); ; folder = path.posix.dirname(folder)) {
    const at = (name: string): string => (folder === '.' ? name : `${folder}/${name}`);
    for (const name of ['.ruff.toml', 'ruff.toml', 'pyproject.toml']) {
      const text = read(at(name));
      // black's project root is the nearest folder with a pyproject.toml: it formats with its defaults when that sets
      // nothing, so the search stops there (on PEP 8's limit, which is shorter)
      if (text !== undefined) return configuredLineLength(name, text) ?? pep8LineLength;
    }
    if (folder === '.' || folder === '/' || folder === '') return pep8LineLength;
  }
}

function configuredLineLength(name: string, text: string): number | undefined {
  if (!text.includes('line-length')) return undefined;
  let config: Record<string, unknown>;
  try {
    const { parse: parseToml } = require('@iarna/toml') as typeof import('@iarna/toml');
    config = parseToml(text) as Record<string, unknown>;
  } catch {
    return undefined; // a config the formatter could not read either
  }
  const tool = (config.tool ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const candidates = name === 'pyproject.toml' ? [tool.black?.['line-length'], tool.ruff?.['line-length']] : [config['line-length']];
  const length = candidates.find((value) => typeof value === 'number' && Number.isInteger(value) && value > 0);
  return length as number | undefined;
}

/**
 * A bracketed construct of generated code as black and ruff's formatter leave it: `oneLine` when it fits in `limit`,
 * else `head` (ending in the opening bracket), one item per line with a trailing comma, and `tail` (from the closing
 * bracket on). The trailing comma is black's "magic trailing comma": the formatter keeps the exploded form whatever its
 * own line length, so a limit shorter than the project's never makes a check fail.
 *
 * @example
 * bracketed('__all__ = ["A", "B"]', '__all__ = [', ['"A"', '"B"'], ']', 79)   // ['__all__ = ["A", "B"]']
 */
export function bracketed(oneLine: string, head: string, items: readonly string[], tail: string, limit: number): string[] {
  if (oneLine.length <= limit) return [oneLine];
  const indent = /^ */.exec(head)![0];
  return [head, ...items.map((item) => `${indent}    ${item},`), `${indent}${tail}`];
}

/** A paragraph of prose (a docstring's) broken into lines of at most `limit` characters where its words allow. */
export function wrapParagraph(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && `${line} ${word}`.length > limit) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A module docstring: `summary` on the opening line when it fits there (else `short`, and `detail` opens the body),
 * then each paragraph wrapped to `limit`, a blank line between them.
 */
export function moduleDocstring(summary: { long: string; short: string; detail: string }, paragraphs: readonly string[], limit: number): string[] {
  const fits = `"""${summary.long}`.length <= limit;
  const body = (fits ? paragraphs : [summary.detail, ...paragraphs]).map((paragraph) => wrapParagraph(paragraph, limit));
  return [`"""${fits ? summary.long : summary.short}`, ...body.flatMap((lines) => ['', ...lines]), '"""'];
}