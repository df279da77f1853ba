import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/edits';
import type { Edit } from '../../src/core/types';
import { parsePython, reparsePython, type Node } from '../../src/languages/python/syntax';
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

const snippets = ['', ' ', '\n', '\n\n', 'import os\n', 'from .models.booking import (\n    Booking as B,\n    Other,\n)\n', 'é€😀', 'x = "😀"\n', 'def f():\n    pass\n', '(', ')', ':', '    ', 'class A(B):\n    x: int = 1\n', '\r\n'];

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
});
