import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, readImportMap } from '../../src';
import type { FileResult } from '../../src/core/types';
import type { TableRename } from '../../src/importmap/types';
import { planPythonTableRenames } from '../../src/schema/tables/python';
import { planPrismaTableRenames, planTypeScriptTableRenames } from '../../src/schema/tables/typescript';
import { temporaryFolder } from '../support/temporary';

/** `__testfixtures__/rename-tables/<case>.input.<ext>` → `<case>.output.<ext>` under `tables.json`; `<case>.options.json` lists the lines left for review. */
const dir = join(__dirname, '..', '..', '__testfixtures__', 'rename-tables');
const cases = readdirSync(dir).filter((name) => name.includes('.input.'));

function renames(): TableRename[] {
  const map = join(temporaryFolder('remodel-tables-'), 'map.json');
  writeFileSync(map, JSON.stringify({ version: 1, language: 'python', tables: JSON.parse(readFileSync(join(dir, 'tables.json'), 'utf8')) }));
  return readImportMap(map).tables;
}

async function plan(file: string, text: string): Promise<FileResult> {
  if (file.endsWith('.py')) return planPythonTableRenames(file, text, renames());
  if (file.endsWith('.prisma')) return planPrismaTableRenames(file, text, renames());
  return planTypeScriptTableRenames(file, text, renames());
}

describe.each(cases)('rename-tables %s', (input) => {
  const output = input.replace('.input.', '.output.');
  const options = JSON.parse(readFileSync(join(dir, input.replace(/\.input\..*$/, '.options.json')), 'utf8')) as { review: number[] };
  const text = readFileSync(join(dir, input), 'utf8');

  it('renames the input into the output, and lists raw SQL for review', async () => {
    const result = await plan(input, text);
    if (result.kind === 'failed') throw new Error(result.error);
    expect(result.kind === 'changed' ? applyEdits(text, result.edits) : text).toBe(readFileSync(join(dir, output), 'utf8'));
    expect(result.needsReview.map((item) => item.line)).toEqual(options.review);
  });

  it('leaves its own output unchanged (idempotent)', async () => {
    expect((await plan(output, readFileSync(join(dir, output), 'utf8'))).kind).toBe('unchanged');
  });
});
