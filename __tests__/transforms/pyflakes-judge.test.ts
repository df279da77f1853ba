import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruffLinter } from '../support/ruff';

/*
 * A judge apart from remodel: ruff's pyflakes rules (F: unused and undefined names, redefinitions, star imports) over
 * every Python file a fixture writes, against the file it was written from. A rewrite must not leave a project's
 * flake8 or ruff with more to say than before (an import left unused, a name left undefined). Ruff runs here as its
 * WebAssembly build (`@astral-sh/ruff-wasm-nodejs`, a dev dependency), so that no Python tool is needed.
 */
const fixtures = join(__dirname, '..', '..', '__testfixtures__');

function pairs(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.output\.pyi?$/.test(entry.name)) found.push([path.replace(/\.output\.(pyi?)$/, '.input.$1'), path]);
      else if (/\.pyi?$/.test(entry.name) && path.includes('/output/')) found.push([path.replace('/output/', '/input/'), path]);
    }
  };
  walk(fixtures);
  return found.filter(([input]) => existsSync(input));
}

describe('ruff pyflakes rules over every Python fixture output', () => {
  const ruff = ruffLinter({ 'line-length': 200, lint: { select: ['F'] } });
  const codes = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const diagnostic of ruff.check(text)) counts.set(diagnostic.code ?? 'syntax', (counts.get(diagnostic.code ?? 'syntax') ?? 0) + 1);
    return counts;
  };

  it('judges the fixtures (it finds an unused import when one is planted)', () => {
    expect(pairs().length).toBeGreaterThan(300);
    expect([...codes('import os\n').keys()]).toEqual(['F401']);
  });

  it('finds no pyflakes message an output has more often than its input', () => {
    const worse: string[] = [];
    for (const [input, output] of pairs()) {
      const name = output.slice(fixtures.length + 1);
      const before = codes(readFileSync(input, 'utf8'));
      for (const [code, count] of codes(readFileSync(output, 'utf8'))) if (count > (before.get(code) ?? 0)) worse.push(`${name}: ${code} ${count} (input: ${before.get(code) ?? 0})`);
    }
    expect(worse).toEqual([]);
  });
});
