'use strict';
// The real trees `npm run bench` runs when they are on this machine (issue 17): each one's checkout, its map, and
// what it needs before a plan. Debian's Django, SQLAlchemy and Alembic come with python3-django and python3-alembic
// (the test prerequisites install them); medusa and saleor are snapshots a user puts at bench/.real/medusa and
// bench/.real/saleor (git-ignored), at the commits issue 17 names. Checkouts are only read: copies and generated maps
// go to bench/.trees/.

const fs = require('node:fs');
const path = require('node:path');

const benchDir = __dirname;
const trees = path.join(benchDir, '.trees');
const snapshots = path.join(benchDir, '.real');
const debianPackages = '/usr/lib/python3/dist-packages';

/** Copies a folder, leaving out links that point nowhere (Debian's Django links to system JavaScript) and caches. */
function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === '__pycache__') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    let stat;
    try {
      stat = fs.statSync(source);
    } catch {
      continue;
    }
    if (stat.isDirectory()) copyTree(source, target);
    else if (stat.isFile()) fs.copyFileSync(source, target);
  }
}

/**
 * Debian packages (`/usr/lib/python3/dist-packages/<name>`), copied once into bench/.trees/<id>/, with the map that
 * `map(dir)` writes (a string, or a function of the copy).
 */
function debianTree(id, packages, map) {
  const installed = (name) => path.join(debianPackages, name);
  return {
    id,
    present: () => packages.every((name) => fs.existsSync(path.join(installed(name), '__init__.py'))),
    prepare() {
      const dir = path.join(trees, id);
      for (const name of packages) if (!fs.existsSync(path.join(dir, name, '__init__.py'))) copyTree(installed(name), path.join(dir, name));
      fs.writeFileSync(path.join(dir, 'map.yaml'), typeof map === 'function' ? map(dir) : map);
      return { dir, map: path.join(dir, 'map.yaml') };
    },
  };
}

const pythonMap = (entries) => `version: 1\nlanguage: python\nroot: .\nrewrite:\n${entries.map((e) => `  - ${e}\n`).join('')}`;

/**
 * What a package's `__init__.py` re-exports from its own submodules (`from .common import A, B as C`), as name-level
 * entries that send each name to the submodule defining it: saleor's map in issue 17.
 */
function reexportEntries(root, packageId) {
  const file = path.join(root, ...packageId.split('.'), '__init__.py');
  const text = fs.readFileSync(file, 'utf8');
  const bySubmodule = new Map();
  for (const match of text.matchAll(/^from\s+\.(\w+)\s+import\s+(\([^)]*\)|[^\n#]+)/gm)) {
    const names = match[2].replace(/[()]/g, '').split(/[,\n]/).map((item) => item.replace(/#.*/, '').trim()).filter(Boolean);
    const entry = bySubmodule.get(match[1]) ?? { names: [], rename: {} };
    for (const item of names) {
      const [name, alias] = item.split(/\s+as\s+/);
      if (!/^\w+$/.test(name) || name === '*') continue;
      entry.names.push(alias ?? name);
      if (alias && alias !== name) entry.rename[alias] = name;
    }
    bySubmodule.set(match[1], entry);
  }
  return [...bySubmodule].filter(([, e]) => e.names.length).map(([submodule, e]) => {
    const rename = Object.entries(e.rename);
    // quoted: YAML would read a name such as SQLAlchemy's `false` or `null` as a boolean or nothing
    const q = JSON.stringify;
    return `{ from: ${packageId}, to: ${packageId}.${submodule}, names: [${e.names.map((n) => q(n)).join(', ')}]${rename.length ? `, rename: { ${rename.map(([a, b]) => `${q(a)}: ${q(b)}`).join(', ')} }` : ''} }`;
  });
}

const realTrees = [
  debianTree('real-django', ['django'], pythonMap(['{ from: django.db.models.fields, to: django.db.models }'])),
  // many files to parse (saleor's shape); a workload, not a consolidation: the targets lack most names
  debianTree('real-django-many', ['django'], pythonMap(['{ from: django.utils.translation, to: django.utils.text }', '{ from: django.core.exceptions, to: django.core.checks }', '{ from: django.utils.functional, to: django.utils.datastructures }', '{ from: django.conf, to: django.apps }'])),
  // saleor's shape on Debian's SQLAlchemy 1.4 and Alembic: every name the `sqlalchemy` package re-exports sent to the
  // submodule defining it (`from sqlalchemy import Column` -> `from sqlalchemy.schema import Column`, `sa.Text` ->
  // `sa.types.Text`), in SQLAlchemy's own files and Alembic's
  debianTree('real-sqlalchemy', ['sqlalchemy', 'alembic'], (dir) => pythonMap(reexportEntries(dir, 'sqlalchemy'))),
  {
    id: 'medusa',
    present: () => fs.existsSync(path.join(snapshots, 'medusa', 'package.json')),
    prepare() {
      const dir = path.join(snapshots, 'medusa');
      // as an install would: www/tsconfig.json extends the workspace package `tsconfig`
      const link = path.join(dir, 'www', 'node_modules', 'tsconfig');
      if (fs.existsSync(path.join(dir, 'www', 'packages', 'tsconfig')) && !fs.existsSync(link)) {
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(path.join('..', 'packages', 'tsconfig'), link);
      }
      return { dir, map: path.join(benchDir, 'maps', 'medusa.yaml') };
    },
  },
  {
    id: 'saleor',
    present: () => fs.existsSync(path.join(snapshots, 'saleor', 'saleor', 'graphql', 'core', 'types', '__init__.py')),
    prepare() {
      const dir = path.join(snapshots, 'saleor');
      const entries = ['saleor.graphql.core.types', 'saleor.graphql.core.filters', 'saleor.graphql.core'].flatMap((id) => reexportEntries(dir, id));
      fs.mkdirSync(trees, { recursive: true });
      const map = path.join(trees, 'real-saleor-map.yaml');
      fs.writeFileSync(map, pythonMap(entries));
      return { dir, map };
    },
  },
];

/** The real trees present here, prepared: `{ id, dir, map }` each. */
function presentRealTrees() {
  return realTrees.filter((tree) => tree.present()).map((tree) => ({ id: tree.id, ...tree.prepare() }));
}

module.exports = { presentRealTrees, reexportEntries };
