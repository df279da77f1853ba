'use strict';
// A reference jscodeshift transform for the benchmarks: what a hand-written codemod for the same
// consolidation typically does. It parses EVERY file (no text prefilter), finds import/export
// declarations, import() calls and jest.mock() strings whose specifier resolves to an old module of
// the map (relative, or the `@/` alias of the generated trees), and points them at the canonical
// module. No renames, no name-level moves, no tsconfig: it is a cost baseline, not a correct tool.
//
//   jscodeshift --parser=ts --extensions=ts,tsx -t bench/jscodeshift-baseline.js --importMap=TREE/map.json --dry TREE

const fs = require('node:fs');
const path = require('node:path');

let cached;
function loadMap(file) {
  if (cached && cached.file === file) return cached;
  const map = JSON.parse(fs.readFileSync(file, 'utf8'));
  const root = path.resolve(path.dirname(file), map.root || '.');
  const moves = new Map(map.rewrite.map((e) => [path.join(root, e.from), path.join(root, e.to)]));
  cached = { file, root, moves };
  return cached;
}

module.exports = function transform(file, api, options) {
  const j = api.jscodeshift;
  const { root, moves } = loadMap(path.resolve(options.importMap));
  const from = path.dirname(path.resolve(file.path));
  const retarget = (specifier) => {
    let absolute;
    if (specifier.startsWith('.')) absolute = path.resolve(from, specifier);
    else if (specifier.startsWith('@/')) absolute = path.join(root, 'src', specifier.slice(2));
    else return undefined;
    const js = absolute.endsWith('.js');
    const to = moves.get(js ? absolute.slice(0, -3) : absolute);
    if (!to) return undefined;
    let next = specifier.startsWith('@/') ? `@/${path.relative(path.join(root, 'src'), to)}` : path.relative(from, to);
    if (!next.startsWith('.') && !next.startsWith('@/')) next = `./${next}`;
    return js ? `${next}.js` : next;
  };
  const ast = j(file.source);
  let changed = false;
  const visit = (literal) => {
    if (!literal || typeof literal.value !== 'string') return;
    const next = retarget(literal.value);
    if (next) {
      literal.value = next;
      changed = true;
    }
  };
  ast.find(j.ImportDeclaration).forEach((p) => visit(p.node.source));
  ast.find(j.ExportNamedDeclaration).forEach((p) => visit(p.node.source));
  ast.find(j.ExportAllDeclaration).forEach((p) => visit(p.node.source));
  ast.find(j.CallExpression).forEach((p) => {
    const callee = p.node.callee;
    const isImport = callee.type === 'Import';
    const isMock = callee.type === 'MemberExpression' && callee.object.name === 'jest' && callee.property.name === 'mock';
    if (isImport || isMock) visit(p.node.arguments[0]);
  });
  return changed ? ast.toSource() : file.source;
};
