import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyToTemp } from './support';
import { fixtureFolders } from '../support/fixtures';
import { typeCheck } from './compiler';

/**
 * Every TypeScript multi-file fixture that is a project (`input/tsconfig.json`) type-checks as well after remodel as
 * before: its `output/` (which multi-file.test.ts proves is what `apply` writes) has no diagnostic its input lacks.
 */
const projects = ['rewrite-imports', 'insert-shims', 'move-files'].flatMap((transform) =>
  fixtureFolders(transform)
    .filter(({ name, dir }) => name.startsWith('ts-') && existsSync(join(dir, 'input', 'tsconfig.json')))
    .map(({ name, dir }) => ({ label: `${transform}/${name}`, dir })),
);

describe('the compiler on the TypeScript fixtures', () => {
  it('has projects to check', () => expect(projects.length).toBeGreaterThan(5));

  it('can fail: a second import of the same binding is TS2300', () => {
    const dir = copyToTemp(join(projects.find((p) => p.label.endsWith('ts-two-models-into-one'))!.dir, 'output'));
    try {
      const both = join(dir, 'src', 'both.ts');
      appendFileSync(both, readFileSync(both, 'utf8').split('\n')[0]! + '\n');
      expect(typeCheck(dir).join('\n')).toMatch(/Duplicate identifier 'Customer'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const { label, dir } of projects) {
    it(`${label}: no new diagnostic after remodel`, () => {
      const before = new Set(typeCheck(join(dir, 'input')));
      expect(typeCheck(join(dir, 'output')).filter((d) => !before.has(d))).toEqual([]);
    });
  }
});
