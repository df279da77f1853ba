#!/usr/bin/env node
'use strict';
// The floor for any Node.js tool on a tree: walk it, read every source file exactly once, and test
// the text for the needles (fixed strings). No parsing, no resolution: nothing a codemod could skip.
//
//   node bench/floor.js TREE NEEDLES_FILE [--list]
//
// Prints the number of files that contain at least one needle (or, with --list, their paths).
// Skips the folders every tool skips (VCS metadata, dependencies, virtualenvs, caches).

const fs = require('node:fs');
const path = require('node:path');

const sourceFile = /\.(?:[cm]?[jt]sx?|pyi?)$/;
const skipped = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.mypy_cache', '.pytest_cache']);

function main(argv) {
  const [tree, needlesFile] = argv.filter((a) => !a.startsWith('--'));
  const list = argv.includes('--list');
  if (!tree || !needlesFile) {
    process.stderr.write('usage: node bench/floor.js TREE NEEDLES_FILE [--list]\n');
    return 2;
  }
  const needles = fs.readFileSync(needlesFile, 'utf8').split('\n').filter((line) => line.length > 0);
  const hits = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) walk(full);
      } else if (entry.isFile() && sourceFile.test(entry.name)) {
        // latin1: one byte = one char, no UTF-8 decoding; ASCII needles match the same bytes
        const text = fs.readFileSync(full, 'latin1');
        for (const needle of needles) {
          if (text.includes(needle)) {
            hits.push(full);
            break;
          }
        }
      }
    }
  };
  walk(tree);
  process.stdout.write(list ? hits.map((h) => `${h}\n`).join('') : `${hits.length}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
