import { firstSyntaxError, parsePython } from '../../src/languages/python/syntax';

/*
 * What tree-sitter accepts and Python 3 refuses (an unexpected indent, a `print` statement) is a syntax error for
 * remodel too: such a file is reported and left untouched. The check once read offsets against the root node's text,
 * which in a file with a byte-order mark starts one character late: its indentation errors went unseen.
 */
async function errorOf(text: string): Promise<string | undefined> {
  const tree = await parsePython(text);
  try {
    const error = firstSyntaxError(tree);
    return error && `${error.line}:${error.column}: ${error.text}`;
  } finally {
    tree.delete();
  }
}

describe('Python 3 syntax rules tree-sitter does not enforce', () => {
  it.each([
    ['an over-indented statement in a function', 'def f(x):\n    y = x\n      return y\n', '3:7: unexpected indent'],
    ['a dedent to no outer level', 'def f(x):\n      if x:\n        pass\n    return x\n', '4:5: unexpected indent'],
    ['an indented statement at module level', 'x = 1\n    y = 2\n', '2:5: unexpected indent'],
    ['a print statement', 'import os\nprint "x"\n', '2:1: Python 2 print statement'],
    ['the same over-indent in a file with a byte-order mark', '\uFEFF"""Doc."""\n\n\ndef f(x):\n    y = x\n      return y\n', '6:7: unexpected indent'],
    // tree-sitter gives each an empty block, without an error; Python: "expected an indented block"
    ['a body of comments alone at the end of the file', 'import os\nif os.sep:\n    # nothing yet\n', '2:1: expected an indented block'],
    ['a header with nothing after it', 'if x:\n', '1:1: expected an indented block'],
    ['a function whose body never starts', 'def f():\n    # c\nx = 1\n', '1:1: expected an indented block'],
    ['an empty class before another', 'class A:\n\nclass B:\n    pass\n', '1:1: expected an indented block'],
    ['an empty else clause', 'if x:\n    pass\nelse:\n    # c\n', '3:1: expected an indented block'],
  ])('%s', async (_label, text, expected) => {
    expect(await errorOf(text)).toBe(expected);
  });

  it.each([
    ['a byte-order mark before the first statement', '\uFEFFimport os\n\nx = os.sep\n'],
    ['a one-line body after a multi-line header', 'def f(a,\n      b): return a\n\n\nx = f(1, 2)\n'],
    ['statements after a comment line, and two on one line', 'def f():\n    # note\n    a = 1; b = 2\n    return a + b\n'],
    ['match and case clauses', 'match x:\n    case 1:\n        y = 1\n    case _:\n        y = 2\n'],
    ['one-line bodies', 'if x: pass\nclass A: ...\ndef f(): return 1\n'],
    ['a body that is a docstring alone', 'def f():\n    """Doc."""\n'],
  ])('accepts %s', async (_label, text) => {
    expect(await errorOf(text)).toBeUndefined();
  });
});
