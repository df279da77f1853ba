import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/edits';
import type { Edit } from '../../src/core/types';
import { syntaxErrorAfter } from '../../src/languages/python/rewrite';
import { firstSyntaxError, parsePython, reparsePython, type Node } from '../../src/languages/python/syntax';
import { fixturesRoot } from '../support/fixtures';

/*
 * Issue 17, lever "re-parse only edited statements": the safety-net parse of a rewritten Python file reuses the
 * original's tree. It must give exactly the tree a full parse gives — every node, its type and its range — for any
 * edits, multi-byte text and line breaks included.
 */
const sources = readdirSync(join(fixturesRoot, 'rewrite-imports'))
  .filter((name) => name.endsWith('.input.py'))
  .map((name) => readFileSync(join(fixturesRoot, 'rewrite-imports', name), 'utf8'))
  .filter((text) => !(!text.includes('\n') && text.includes('\r')))
  .slice(0, 40);

const snippets = ['', ' ', '\n', 'print "x"\n', '        z = 3\n', 'exec "y"\n', '\n\n', 'import os\n', 'from .models.booking import (\n    Booking as B,\n    Other,\n)\n', 'é€😀', 'x = "😀"\n', 'def f():\n    pass\n', '(', ')', ':', '    ', 'class A(B):\n    x: int = 1\n', '\r\n'];

const shape = (node: Node): string => `${node.type}[${node.startIndex},${node.endIndex}|${node.startPosition.row}:${node.startPosition.column}-${node.endPosition.row}:${node.endPosition.column}](${node.children.map((child) => (child ? shape(child) : '')).join(' ')})`;

/** Non-overlapping edits over `text`, from random cut points. */
const editsOf = (text: string, cuts: number[], picks: number[]): Edit[] => {
  const points = [...new Set(cuts.map((cut) => Math.min(text.length, cut)))].sort((a, b) => a - b);
  // never split a surrogate pair: edits are made on whole characters
  const whole = points.filter((point) => !(point > 0 && point < text.length && /[\uD800-\uDBFF]/.test(text[point - 1]!)));
  const edits: Edit[] = [];
  for (let i = 0; i + 1 < whole.length; i += 2) edits.push({ start: whole[i]!, end: whole[i + 1]!, text: snippets[picks[i % picks.length]! % snippets.length]! });
  return edits;
};

describe('reparsePython', () => {
  it('gives the tree a full parse gives, for random edits of the Python fixtures', async () => {
    expect(sources.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.nat(sources.length - 1), fc.array(fc.nat(4000), { minLength: 2, maxLength: 8 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), async (index, cuts, picks) => {
        const before = sources[index]!;
        const edits = editsOf(before, cuts, picks);
        const after = applyEdits(before, edits);
        const original = await parsePython(before);
        const full = await parsePython(after);
        const reparsed = await reparsePython(original, before, edits, after);
        try {
          expect(shape(reparsed.rootNode)).toBe(shape(full.rootNode));
        } finally {
          original.delete();
          full.delete();
          reparsed.delete();
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('the safety net finds what a full check of the rewritten text finds, looking for Python 3 errors on written rows only', async () => {
    const clean = [];
    for (const text of sources) {
      const tree = await parsePython(text);
      if (!firstSyntaxError(tree)) clean.push(text);
      tree.delete();
    }
    const found = { errors: 0, clean: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(clean.length - 1), fc.array(fc.nat(4000), { minLength: 2, maxLength: 8 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), async (index, cuts, picks) => {
        const before = clean[index]!;
        const edits = editsOf(before, cuts, picks);
        const full = await parsePython(applyEdits(before, edits));
        const expected = firstSyntaxError(full);
        full.delete();
        const original = await parsePython(before);
        try {
          expect(await syntaxErrorAfter(before, edits, original)).toEqual(expected);
        } finally {
          original.delete();
        }
        found[expected ? 'errors' : 'clean']++;
      }),
      { numRuns: 300, seed: 23 },
    );
    // both outcomes were exercised
    expect(found.errors).toBeGreaterThan(20);
    expect(found.clean).toBeGreaterThan(20);
  });

  it('catches a print statement and an unexpected indent the edits write', async () => {
    const before = 'import os\n\n\ndef f():\n    return os.sep\n';
    for (const [snippet, message] of [['print "x"\n', 'Python 2 print statement'], ['x = 1\n        y = 2\n', 'unexpected indent']] as const) {
      const edits: Edit[] = [{ start: before.indexOf('\n\n\n') + 1, end: before.indexOf('\n\n\n') + 1, text: snippet }];
      const original = await parsePython(before);
      try {
        expect((await syntaxErrorAfter(before, edits, original))?.text).toBe(message);
      } finally {
        original.delete();
      }
    }
  });

  it('catches a body the edits emptied (the header row is not one they wrote)', async () => {
    const before = 'def f():\n    import os\nx = 1\n';
    const edits: Edit[] = [{ start: before.indexOf('    import'), end: before.indexOf('x = 1'), text: '' }];
    const original = await parsePython(before);
    try {
      expect(await syntaxErrorAfter(before, edits, original)).toEqual({ line: 1, column: 1, text: 'expected an indented block' });
    } finally {
      original.delete();
    }
  });
});
