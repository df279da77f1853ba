import { exportedNamesOf } from '../../src/languages/typescript/exported-names';
import { parseSource } from '../../src/languages/typescript/syntax';

/**
 * What a CommonJS module exports, read from its syntax where that says it all: `module.exports = { … }` of plain keys,
 * `exports.x = …`, `Object.defineProperty(exports, "x", …)` (tsc's and Babel's output). Anything else that touches
 * the exports object leaves the module open (its names unknown, never checked). `default` is always there: a default
 * import gives the exports object.
 */
const read = (text: string, file = 'lib/mod.js') => {
  // as the preparation reads a module for its names: no parent links
  const exported = exportedNamesOf(parseSource(file, text, { parents: false }));
  return { names: [...exported.names].sort(), open: exported.open };
};

describe('exportedNamesOf: CommonJS modules', () => {
  it.each([
    ['an object literal of plain keys', 'function a() {}\nmodule.exports = { a, b: 1, "c": 2, d() {} };\n', ['a', 'b', 'c', 'd', 'default']],
    ['exports.x assignments, read back too', 'exports.a = 1;\nexports.b = function () { return exports.a; };\nmodule.exports.c = 3;\n', ['a', 'b', 'c', 'default']],
    ["tsc's output", '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.B = exports.A = void 0;\nconst x_1 = require("./x");\nclass A {}\nexports.A = A;\nObject.defineProperty(exports, "C", { enumerable: true, get: function () { return x_1.C; } });\nexports.B = 2;\n', ['A', 'B', 'C', 'default']],
    ['JSDoc typedefs beside the exports object', '/** @typedef {{ id: number }} Token */\nmodule.exports = { isComma };\nfunction isComma() {}\n', ['Token', 'default', 'isComma']],
  ])('%s: closed', (_, text, names) => {
    expect(read(text)).toEqual({ names, open: false });
  });

  it.each([
    ['a spread', 'module.exports = { ...require("./x"), a: 1 };\n'],
    ['a computed key', 'const k = "a";\nmodule.exports = { [k]: 1 };\n'],
    ['an exported value that is not an object literal', 'class A {}\nmodule.exports = A;\n'],
    ['a re-export of another module', 'module.exports = require("./x");\n'],
    ['a computed exports key', 'for (const k of ["a"]) exports[k] = 1;\n'],
    ['Object.assign onto the exports', 'Object.assign(module.exports, { a: 1 });\n'],
    ["tsc's export *", '__exportStar(require("./x"), exports);\nexports.a = 1;\n'],
    ['the exports object passed on', 'exports.a = 1;\nregister(exports);\n'],
    ['a defineProperty with a computed name', 'const k = "a";\nObject.defineProperty(exports, k, { value: 1 });\n'],
    ['an exports object replaced after its keys were set', 'exports.a = 1;\nmodule.exports = { b: 2 };\n'],
  ])('%s: open', (_, text) => {
    expect(read(text).open).toBe(true);
  });

  it('a TypeScript file that assigns module.exports stays open (its own export syntax is what counts)', () => {
    expect(read('module.exports = { a: 1 };\n', 'src/mod.ts').open).toBe(true);
  });
});
