import * as fs from 'node:fs';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyTransform } = require('jscodeshift/dist/testUtils') as {
  applyTransform(module: unknown, options: unknown, input: { path: string; source: string }, testOptions?: unknown): string | Promise<string>;
};
import * as shims from '../../transforms/insert-shims';
import * as transform from '../../transforms/rewrite-imports';
import { copyToTemp, discoverCases, SUPPORT_REPO } from './support';

describe('transforms/rewrite-imports under jscodeshift', () => {
  const cases = discoverCases();
  let repo: string;
  beforeAll(() => {
    repo = copyToTemp(SUPPORT_REPO);
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  for (const fixture of cases) {
    it(`${fixture.name}.${fixture.ext}`, async () => {
      const file = path.join(repo, fixture.path);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, fixture.input);
      const options = { importMap: path.join(repo, 'map.yaml'), cwd: repo };
      // applyTransform trims what it compares (a BOM too), as jscodeshift's defineTest does
      const output = await applyTransform(transform, options, { path: file, source: fixture.input });
      expect(output).toBe(fixture.output.trim());
      fs.writeFileSync(file, fixture.output);
      // idempotency: unchanged, or skipped ('') because the output no longer mentions an old module
      const again = await applyTransform(transform, options, { path: file, source: fixture.output });
      expect(again === '' ? fixture.output.trim() : again).toBe(fixture.output.trim());
    });
  }

  it('needs an import map', async () => {
    await expect(transform.default({ path: 'x.ts', source: '' }, {}, {})).rejects.toThrow('--importMap');
  });

  it('skips files the map cannot concern, and throws a ParseError for a file that does not parse', async () => {
    const options = { importMap: path.join(repo, 'map.yaml'), cwd: repo };
    expect(await transform.default({ path: path.join(repo, 'src/unrelated.ts'), source: 'export const x = 1;\n' }, {}, options)).toBeUndefined();
    expect(await transform.default({ path: path.join(repo, 'README.md'), source: 'booking' }, {}, options)).toBeUndefined();
    await expect(transform.default({ path: path.join(repo, 'src/broken.ts'), source: "import { Booking } from './models/booking'\nconst = ;\n" }, {}, options)).rejects.toThrow(
      /src\/broken\.ts:2:7/,
    );
  });
});

describe('transforms/insert-shims under jscodeshift', () => {
  const fixture = path.join(__dirname, '..', '..', '__testfixtures__', 'insert-shims');
  for (const name of ['ts-whole-module', 'ts-name-level']) {
    it(`${name}: the old module becomes the same shim as remodel plan writes; other files are skipped`, async () => {
      const repo = copyToTemp(path.join(fixture, name, 'input'));
      try {
        const options = { importMap: path.join(repo, 'map.yaml'), cwd: repo };
        const old = name === 'ts-whole-module' ? 'src/legacy/booking.ts' : 'src/legacy/people.ts';
        const source = fs.readFileSync(path.join(repo, old), 'utf8');
        const expected = fs.readFileSync(path.join(fixture, name, 'output', old), 'utf8');
        expect(await applyTransform(shims, options, { path: path.join(repo, old), source })).toBe(expected.trim());
        expect(await applyTransform(shims, options, { path: path.join(repo, old), source: expected })).toBe(expected.trim());
        expect(await shims.default({ path: path.join(repo, 'src/app/use.ts'), source: '' }, {}, options)).toBeUndefined();
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    });
  }
});
