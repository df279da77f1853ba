import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportMapError } from '../../src/core/errors';
import { parseImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';
import { importMapJsonSchema } from '../../src/importmap/schema';

const load = (text: string, file = 'maps/m.yaml') => resolveImportMap(parseImportMap(text, file));

function errorOf(text: string, file = 'maps/m.yaml'): ImportMapError {
  try {
    load(text, file);
  } catch (error) {
    if (error instanceof ImportMapError) return error;
    throw error;
  }
  throw new Error('expected an ImportMapError');
}

const header = 'version: 1\nlanguage: python\nroot: .\n';

describe('import map loading', () => {
  it('keeps the committed JSON Schema in step with the zod source', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'import-maps', 'import-map.schema.json'), 'utf8'));
    expect(committed).toEqual(importMapJsonSchema());
  });

  it('reads YAML and JSON alike', () => {
    const yaml = load(`${header}rewrite:\n  - from: a.b\n    to: c.d\n`);
    const json = load(JSON.stringify({ version: 1, language: 'python', root: '.', rewrite: [{ from: 'a.b', to: 'c.d' }] }), 'm.json');
    expect(yaml.moveOfName('a.b', 'X')).toMatchObject({ module: 'c.d', name: 'X' });
    expect(json.moveOfName('a.b', 'X')).toMatchObject({ module: 'c.d', name: 'X' });
  });

  it('names file, line and key path for an unknown key', () => {
    const error = errorOf(`${header}rewrite:\n  - from: a.b\n    to: c.d\n    renam: { X: Y }\n`);
    expect(error.message).toBe("maps/m.yaml:7: rewrite[0].renam: unknown key 'renam' (did you mean 'rename'?)");
  });

  it('names the line of a wrong type', () => {
    expect(errorOf(`${header}rewrite:\n  - from: a.b\n    to: [c]\n`).message).toMatch(/^maps\/m\.yaml:6: rewrite\[0\]\.to: Invalid input: expected string, received array/);
  });

  it('says when YAML read a name as null, a boolean or a number', () => {
    expect(errorOf(`${header}rewrite:\n  - { from: a.b, to: c.d, names: [select, null] }\n`).message).toBe(`maps/m.yaml:5: rewrite[0].names[1]: YAML reads null as no value, not as text: quote it ("null")`);
    expect(errorOf(`${header}rewrite:\n  - from: a.b\n    to: c.d\n    names:\n      - True\n`).message).toBe(`maps/m.yaml:8: rewrite[0].names[0]: YAML reads True as a boolean, not as text: quote it ("True")`);
    expect(errorOf(`${header}tables:\n  - { from: 2019, to: orders }\n`).message).toBe(`maps/m.yaml:5: tables[0].from: YAML reads 2019 as a number, not as text: quote it ("2019")`);
    // an empty value is not a YAML reading to explain
    expect(errorOf(`${header}rewrite:\n  - from:\n    to: c.d\n`).message).toMatch(/^maps\/m\.yaml:5: rewrite\[0\]\.from: /);
  });

  it('names a missing required key', () => {
    expect(errorOf(`version: 1\nroot: .\n`).message).toMatch(/^maps\/m\.yaml:1: language: required key is missing/);
  });

  it('reports invalid YAML with its line', () => {
    expect(errorOf(`${header}rewrite:\n  - from: [a\n`).message).toMatch(/^maps\/m\.yaml:[56]: invalid YAML\/JSON/);
  });

  it('reports invalid JSON with its line', () => {
    expect(errorOf('{\n  "version": 1,\n  "language": "python",\n  "rewrite": [ { "from": "a" "to": "b" } ]\n}\n', 'm.json').message).toMatch(/^m\.json:4: invalid YAML\/JSON/);
  });

  it('resolves chains transitively, renames included', () => {
    const map = load(`${header}rewrite:\n  - from: a\n    to: b\n    rename: { X: Y }\n  - from: b\n    to: c\n    names: [Y]\n    rename: { Y: Z }\n`);
    expect(map.moveOfName('a', 'X')).toMatchObject({ module: 'c', name: 'Z' });
    expect(map.moveOfName('a', 'W')).toMatchObject({ module: 'b', name: 'W' });
    expect(map.moveOfModule('a')).toMatchObject({ module: 'b' });
  });

  it('rejects a cycle, naming the entry', () => {
    expect(errorOf(`${header}rewrite:\n  - from: a\n    to: b\n  - from: b\n    to: a\n`).message).toMatch(/^maps\/m\.yaml:\d+: rewrite\[\d\]\.to: cycle/);
  });

  it('rejects two entries that send one name to different places', () => {
    const error = errorOf(`${header}rewrite:\n  - from: a\n    to: b\n    names: [X]\n  - from: a\n    to: c\n    names: [X, Y]\n`);
    expect(error.message).toBe("maps/m.yaml:8: rewrite[1].from: 'X' of 'a' is already sent to 'b' by rewrite[0]; two entries cannot move it");
  });

  it('rejects a rename of a name the entry does not move', () => {
    expect(errorOf(`${header}rewrite:\n  - from: a\n    to: b\n    names: [X]\n    rename: { Y: Z }\n`).message).toMatch(/rewrite\[0\]\.rename\.Y: 'Y' is renamed but not listed in names/);
    expect(errorOf(`${header}rewrite:\n  - from: a\n    to: b\n    rename: { Booking: Booking }\n`).message).toBe("maps/m.yaml:7: rewrite[0].rename.Booking: renames 'Booking' to itself");
  });

  it('lets a name-level entry win over a whole-module entry, and a longer package prefix over a shorter one', () => {
    const map = load(`${header}rewrite:\n  - from: a\n    to: b\n  - from: a\n    to: c\n    names: [X]\n  - from: p\n    to: q\n    package: true\n  - from: p.sub\n    to: r\n    package: true\n`);
    expect(map.moveOfName('a', 'X')?.module).toBe('c');
    expect(map.moveOfName('a', 'Y')?.module).toBe('b');
    expect(map.moveOfModule('p.x.y')?.module).toBe('q.x.y');
    expect(map.moveOfModule('p.sub.y')?.module).toBe('r.y');
    expect(map.moveOfModule('px')).toBeUndefined();
  });
});
