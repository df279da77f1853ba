import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findImports } from '../../src/languages/python/imports';
import { parsePython } from '../../src/languages/python/syntax';

/*
 * findImports reads the statements from the text's `import` keywords (issue 17: a tenth of a whole-tree query's cost).
 * It must find exactly what tree-sitter's own query over the tree finds, on every Python file of the fixtures: imports
 * nested in functions, classes, `try`, `if TYPE_CHECKING`, continued and parenthesised, with `import` in strings,
 * comments and names (`import_module`, `__import__`), non-ASCII text before them, and files that do not parse.
 */
function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pythonFiles(path);
    return /\.pyi?$/.test(entry.name) ? [path] : [];
  });
}

const hostile = [
  'x = "import os"  # import sys\n\ndef f():\n    import json\n    return __import__("a") or importlib.import_module("b")\n',
  '"""ünïcödé 🐍 docstring: from a import b"""\nfrom .models import (\n    Booking,  # import here\n)\nimport a.b as c, d\n',
  'try:\n    from x import y\nexcept ImportError:\n    y = None\nclass C:\n    from z import w\n',
  'if True: import os; from sys import path\n',
  'from a import (b,\n',
];

describe('findImports', () => {
  const files = pythonFiles(join(__dirname, '..', '..', '__testfixtures__'));

  it('finds the statements a tree-sitter query finds, on every Python fixture and on hostile text', async () => {
    expect(files.length).toBeGreaterThan(100);
    const texts = [...files.map((file) => readFileSync(file, 'utf8')), ...hostile];
    let statements = 0;
    for (const text of texts) {
      const tree = await parsePython(text);
      // the web-tree-sitter instance the parse used (syntax.ts loads it afresh)
      const { Query } = require('web-tree-sitter') as typeof import('web-tree-sitter');
      const query = new Query(tree.language, '[(import_statement) (import_from_statement)] @import');
      const expected = query.captures(tree.rootNode).map(({ node }) => `${node.startIndex}:${node.endIndex}`);
      expect(findImports(tree.rootNode).map(({ node }) => `${node.startIndex}:${node.endIndex}`)).toEqual(expected);
      statements += expected.length;
      query.delete();
      tree.delete();
    }
    expect(statements).toBeGreaterThan(300);
  });
});
