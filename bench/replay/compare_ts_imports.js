#!/usr/bin/env node
'use strict';
/*
 * Resolve what a TypeScript/JavaScript file imports and compare two versions of it (bench/replay): the
 * TypeScript counterpart of compare_imports.py. Uses the `typescript` package of this repository.
 *
 *   compare_ts_imports.js facts --tree T FILE...
 *       the import facts of each FILE (relative to T), as JSON {file: {imports, bindings, strings}}.
 *
 *   compare_ts_imports.js refs --tree T --old SPEC [--old SPEC2] [--package] [--names SPEC=A,B,...] < files
 *       which files (one per line on stdin, relative to T) reference an old module: an import fact whose
 *       specifier is SPEC (with --package also SPEC/...), or, for a --names entry, that imports one of the
 *       listed names from SPEC. Prints JSON {file: [reasons]} for the files that do.
 *
 *   compare_ts_imports.js compare [--rename OLD=NEW ...] < pairs.json
 *       pairs.json: [{"key": ..., "a": {"tree": ..., "path": ...}, "b": {"tree": ..., "path": ...}}]
 *       For each pair, in both versions:
 *         imports   every import/export-from/require/import()/import type/jest.mock|vi.mock as
 *                   "<kind> <module> <name>"; relative specifiers resolved to a repository path
 *                   (extension and /index dropped), so `./a/index.js` and `./a` are the same module
 *         modules   the same with the kind left out: "<module> <name>" — what the file gets from where
 *                   (this is what must match: `import type {X}` vs `import {type X}` are equal here)
 *         bindings  "<module> <name> as <local>[ type]": what local name each import binds, type-only or not
 *         strings   other string literals that name a module of the map (a --rename OLD or NEW prefix)
 *       and prints JSON {key: {"equal": bool, "same_text": bool, "<kind>": {"only_a": [...], "only_b": [...]}}}:
 *       "equal" compares `modules`; the other kinds are listed when they differ. With --rename OLD=NEW,
 *       "only_old_prefix": true when a differs from b only by still naming OLD where b names NEW.
 *
 *   compare_ts_imports.js derive --before B --after A < files
 *       for files the humans changed: the import facts removed and added per file, matched by local binding,
 *       aggregated to {"moves": {"<old module> <name> -> <new module>": count}, "files": {...}}.
 */
const fs = require('node:fs');
const path = require('node:path');

let ts;
try {
  ts = require('typescript');
} catch {
  ts = require(path.resolve(__dirname, '..', '..', 'node_modules', 'typescript'));
}

const SOURCE_EXT = /\.(d\.[mc]?ts|[mc]?tsx?|[mc]?jsx?)$/;
const RESOLVE_EXT = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs', '.json'];
const isSource = (file) => /\.([mc]?tsx?|[mc]?jsx?)$/.test(file) && !file.endsWith('.d.ts');

function scriptKind(file) {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** A relative specifier as a repository path without extension or /index (looked up in `tree`), else the text. */
function resolveSpecifier(tree, importer, spec) {
  if (!spec.startsWith('./') && !spec.startsWith('../') && spec !== '.' && spec !== '..') return spec;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(importer), spec));
  const stripped = base.replace(/\.([mc]?js|jsx)$/, '');
  const exists = (rel) => {
    try {
      return fs.statSync(path.join(tree, rel)).isFile();
    } catch {
      return false;
    }
  };
  for (const candidate of [base, stripped]) {
    if (SOURCE_EXT.test(candidate) && exists(candidate)) return `~/${candidate.replace(SOURCE_EXT, '')}`;
    for (const ext of RESOLVE_EXT) if (exists(candidate + ext)) return `~/${candidate}`;
    for (const ext of RESOLVE_EXT) if (exists(`${candidate}/index${ext}`)) return `~/${candidate}`;
  }
  return `~/${stripped}?`; // unresolved: still comparable as text
}

/** The names a binding pattern (`const { a, b: c } = ...`) takes: [[name, local]]. */
function patternNames(pattern) {
  const out = [];
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (element.dotDotDotToken) {
      out.push(['...', element.name.getText()]);
      continue;
    }
    const prop = element.propertyName ?? element.name;
    const name = ts.isIdentifier(prop) || ts.isStringLiteral(prop) ? prop.text : prop.getText();
    out.push([name, ts.isIdentifier(element.name) ? element.name.text : element.name.getText()]);
  }
  return out;
}

/** What a `require(...)` / `import(...)` call expression hands to its context: [[name, local]]. */
function consumerNames(call) {
  let node = call;
  // await import('x'), (await import('x')), require('x') as any
  for (;;) {
    const parent = node.parent;
    if (parent && (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression?.(parent))) node = parent;
    else break;
  }
  const parent = node.parent;
  if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === node) return [[parent.name.text, '']];
  if (parent && ts.isElementAccessExpression(parent) && parent.expression === node && ts.isStringLiteralLike(parent.argumentExpression)) return [[parent.argumentExpression.text, '']];
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === node) {
    if (ts.isObjectBindingPattern(parent.name)) return patternNames(parent.name);
    if (ts.isIdentifier(parent.name)) return [['*', parent.name.text]];
  }
  if (parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'then') {
    const fn = parent.arguments[0];
    if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0] && ts.isObjectBindingPattern(fn.parameters[0].name)) return patternNames(fn.parameters[0].name);
  }
  return [['*', '']];
}

/**
 * Import facts of one file.
 * imports: "<kind> <module> <name>"; bindings: "<module> <name> as <local>[ type]".
 */
function factsOf(tree, file, text) {
  if (text === undefined) text = fs.readFileSync(path.join(tree, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const imports = [];
  const bindings = [];
  const mod = (literal) => resolveSpecifier(tree, file, literal.text);
  const add = (kind, module, name, local, typeOnly) => {
    imports.push(`${kind} ${module} ${name}`);
    if (local !== undefined && local !== '') bindings.push(`${module} ${name} as ${local}${typeOnly ? ' type' : ''}`);
  };

  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteralLike(node.moduleSpecifier)) {
      const m = mod(node.moduleSpecifier);
      const clause = node.importClause;
      if (!clause) add('import', m, '(side effect)');
      else {
        const typeOnly = clause.isTypeOnly || clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
        if (clause.name) add('import', m, 'default', clause.name.text, typeOnly);
        const named = clause.namedBindings;
        if (named && ts.isNamespaceImport(named)) add('import', m, '*', named.name.text, typeOnly);
        else if (named) for (const el of named.elements) add('import', m, (el.propertyName ?? el.name).text, el.name.text, typeOnly || el.isTypeOnly);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      const m = mod(node.moduleSpecifier);
      const clause = node.exportClause;
      if (!clause) add('export', m, '*');
      else if (ts.isNamespaceExport(clause)) add('export', m, '*', `export ${clause.name.text}`, node.isTypeOnly);
      else for (const el of clause.elements) add('export', m, (el.propertyName ?? el.name).text, `export ${el.name.text}`, node.isTypeOnly || el.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteralLike(node.moduleReference.expression)) {
      add('require', mod(node.moduleReference.expression), '*', node.name.text, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
      const m = mod(node.argument.literal);
      const first = node.qualifier ? (ts.isIdentifier(node.qualifier) ? node.qualifier.text : leftmost(node.qualifier)) : '*';
      add('import-type', m, first);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      add('declare-module', mod(node.name), '*');
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const literal = node.arguments[0];
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        const m = mod(literal);
        for (const [name, local] of consumerNames(node)) add('import()', m, name, local);
      } else if (ts.isIdentifier(callee) && callee.text === 'require') {
        const m = mod(literal);
        for (const [name, local] of consumerNames(node)) add('require', m, name, local);
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ['jest', 'vi'].includes(callee.expression.text) && ['mock', 'doMock', 'unmock', 'requireActual', 'requireMock', 'importActual', 'importMock'].includes(callee.name.text)) {
        add(`${callee.expression.text}.${callee.name.text}`, mod(literal), '*');
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.name.text === 'resolve') {
        add('require.resolve', mod(literal), '*');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, bindings, parseErrors: source.parseDiagnostics?.length ?? 0 };
}

function leftmost(qualifier) {
  let q = qualifier;
  while (ts.isQualifiedName(q)) q = q.left;
  return q.text;
}

/** factsOf plus `strings`: every string literal that is not a module specifier. */
function facts(tree, file, text) {
  if (text === undefined) text = fs.readFileSync(path.join(tree, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const f = factsOf(tree, file, text);
  // recompute strings: every string literal not used as a module specifier
  const specStarts = new Set();
  const collect = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) specStarts.add(node.moduleSpecifier.getStart(source));
    } else if (ts.isExternalModuleReference(node)) specStarts.add(node.expression.getStart(source));
    else if (ts.isLiteralTypeNode(node) && node.parent && ts.isImportTypeNode(node.parent)) specStarts.add(node.literal.getStart(source));
    else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) specStarts.add(node.name.getStart(source));
    else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const isImportCall =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && (['jest', 'vi'].includes(callee.expression.text) || (callee.expression.text === 'require' && callee.name.text === 'resolve')));
      if (isImportCall) specStarts.add(node.arguments[0].getStart(source));
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const strings = [];
  const strs = (node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !specStarts.has(node.getStart(source))) strings.push(node.text);
    ts.forEachChild(node, strs);
  };
  strs(source);
  return { imports: f.imports, bindings: f.bindings, strings, parseErrors: f.parseErrors };
}

const modulesOf = (imports) => imports.map((i) => i.slice(i.indexOf(' ') + 1));

function setDiff(a, b) {
  const A = new Set(a);
  const B = new Set(b);
  return { only_a: [...A].filter((x) => !B.has(x)).sort(), only_b: [...B].filter((x) => !A.has(x)).sort() };
}

function read(tree, file) {
  try {
    return fs.readFileSync(path.join(tree, file), 'utf8');
  } catch {
    return undefined;
  }
}

function parseFlags(argv) {
  const flags = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const key = a.slice(2);
      if (key === 'package') flags.package = true;
      else (flags[key] ??= []).push(argv[++i]);
    } else flags._.push(a);
  }
  return flags;
}

const stdin = () => fs.readFileSync(0, 'utf8');
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function under(spec, olds, isPackage) {
  return olds.some((o) => spec === o || (isPackage && spec.startsWith(`${o}/`)));
}

function cmdRefs(flags) {
  const tree = flags.tree[0];
  const olds = flags.old ?? [];
  const named = new Map(); // spec -> Set(names)
  for (const entry of flags.names ?? []) {
    const [spec, names] = entry.split('=');
    named.set(spec, new Set(names.split(',')));
  }
  const out = {};
  for (const file of lines(stdin())) {
    if (!isSource(file)) continue;
    const text = read(tree, file);
    if (text === undefined) continue;
    const reasons = new Set();
    for (const fact of factsOf(tree, file, text).imports) {
      const [kind, spec, name] = fact.split(' ');
      if (under(spec, olds, flags.package)) reasons.add(`${kind} ${spec}`);
      else if (named.has(spec) && (named.get(spec).has(name) || name === '*')) reasons.add(`${kind} ${spec} ${name}`);
    }
    if (reasons.size) out[file] = [...reasons].sort();
  }
  process.stdout.write(JSON.stringify(out));
}

function cmdCompare(flags) {
  const renames = (flags.rename ?? []).map((r) => r.split('='));
  const pairs = JSON.parse(stdin());
  const out = {};
  for (const { key, a, b } of pairs) {
    const ta = read(a.tree, a.path);
    const tb = read(b.tree, b.path);
    if (ta === undefined || tb === undefined) {
      out[key] = { equal: ta === tb, same_text: ta === tb, missing: { a: ta === undefined, b: tb === undefined } };
      continue;
    }
    // facts are read with the file's key path, so relative specifiers resolve the same in both trees
    const fa = facts(a.tree, a.path, ta);
    const fb = facts(b.tree, b.path, tb);
    const interesting = (s) => renames.some(([o, n]) => s.includes(o) || s.includes(n));
    const result = { equal: true, same_text: ta === tb };
    const kinds = {
      modules: [modulesOf(fa.imports), modulesOf(fb.imports)],
      imports: [fa.imports, fb.imports],
      bindings: [fa.bindings, fb.bindings],
      strings: [fa.strings.filter(interesting), fb.strings.filter(interesting)],
    };
    for (const [kind, [x, y]] of Object.entries(kinds)) {
      const d = setDiff(x, y);
      if (d.only_a.length || d.only_b.length) result[kind] = d;
    }
    result.equal = !result.modules && !result.strings;
    if (fa.parseErrors || fb.parseErrors) result.parse_errors = { a: fa.parseErrors, b: fb.parseErrors };
    if (!result.equal && renames.length) {
      const rename = (s) => renames.reduce((acc, [o, n]) => acc.split(o).join(n), s);
      const ra = (xs) => xs.map((s) => s.replace(/\S+/g, (tok) => (renames.some(([o]) => tok === o || tok.startsWith(`${o}/`)) ? rename(tok) : tok)));
      const mods = setDiff(ra(modulesOf(fa.imports)), modulesOf(fb.imports));
      result.only_old_prefix = !mods.only_a.length && !mods.only_b.length && !result.strings;
    }
    out[key] = result;
  }
  process.stdout.write(JSON.stringify(out));
}

function cmdFacts(flags) {
  const tree = flags.tree[0];
  const out = {};
  for (const file of flags._.slice(1)) out[file] = facts(tree, file);
  process.stdout.write(JSON.stringify(out, null, 1));
}

function cmdDerive(flags) {
  const before = flags.before[0];
  const after = flags.after[0];
  const moves = {};
  const files = {};
  for (const file of lines(stdin())) {
    if (!isSource(file)) continue;
    const tb = read(before, file);
    const ta = read(after, file);
    if (tb === undefined || ta === undefined) continue;
    const fb = factsOf(before, file, tb);
    const fa = factsOf(after, file, ta);
    const d = setDiff(fb.bindings, fa.bindings);
    const i = setDiff(fb.imports, fa.imports);
    if (!d.only_a.length && !d.only_b.length && !i.only_a.length && !i.only_b.length) continue;
    files[file] = { removed: i.only_a, added: i.only_b };
    // match by "name as local" (bindings); unbound facts (export *, side effects) by name
    const key = (b) => b.replace(/^\S+ /, '').replace(/ type$/, '');
    const added = new Map();
    for (const b of d.only_b) added.set(key(b), b.split(' ')[0]);
    for (const b of d.only_a) {
      const [from, name] = b.split(' ');
      const to = added.get(key(b)) ?? '(removed)';
      if (to === from) continue;
      const k = `${from} ${name} -> ${to}`;
      moves[k] = (moves[k] ?? 0) + 1;
    }
    const unbound = (xs) => xs.filter((x) => /^(export \S+ \*|import \S+ \(side effect\)|jest\.|vi\.|require\.resolve|declare-module|import-type)/.test(x));
    const ub = unbound(i.only_b).map((x) => x.split(' '));
    for (const x of unbound(i.only_a)) {
      const [kind, from, name] = x.split(' ');
      const match = ub.find(([k, , n]) => k === kind && n === name);
      const k = `${kind} ${from} ${name} -> ${match ? match[1] : '(removed)'}`;
      moves[k] = (moves[k] ?? 0) + 1;
    }
  }
  process.stdout.write(JSON.stringify({ moves, files }, null, 1));
}

function main() {
  const flags = parseFlags(process.argv.slice(2));
  const command = flags._[0];
  if (command === 'facts') cmdFacts(flags);
  else if (command === 'refs') cmdRefs(flags);
  else if (command === 'compare') cmdCompare(flags);
  else if (command === 'derive') cmdDerive(flags);
  else {
    process.stderr.write('usage: compare_ts_imports.js facts|refs|compare|derive ... (see the header)\n');
    process.exit(2);
  }
}

if (require.main === module) main();
module.exports = { facts, factsOf, resolveSpecifier };
