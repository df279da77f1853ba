#!/usr/bin/env node
'use strict';
// The parse floor of a Python tree (issue 17): Node's start, web-tree-sitter's WASM and the Python grammar loaded, and
// every file of LIST parsed once, on all cores (the main thread and one worker thread per other core, each with a
// parser of its own, the files dealt out by size). LIST holds the files that import an old module (`run.js` writes it
// from ast-grep's matches, untimed): a tool that edits them has to parse them, so no tool built on web-tree-sitter
// plans a tree faster than this — no walk, no prefilter, no reading of the rest of the tree is counted.
//
//   node bench/parse-floor.js LIST            prints "<files> <characters> <ms>" of the parsing itself

const fs = require('node:fs');
const os = require('node:os');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

async function parseAll(files) {
  const { Parser, Language } = require('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(fs.readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
  const parser = new Parser();
  parser.setLanguage(language);
  let characters = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    characters += text.length;
    parser.parse(text).delete();
  }
  return characters;
}

/** The files dealt out to `n` shares of about equal size, largest first. */
function shares(files, n) {
  const out = Array.from({ length: n }, () => ({ files: [], bytes: 0 }));
  const sized = files.map((file) => ({ file, bytes: fs.statSync(file).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { file, bytes } of sized) {
    const least = out.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.files.push(file);
    least.bytes += bytes;
  }
  return out.map((share) => share.files);
}

async function main(argv) {
  const [list] = argv;
  if (!list) {
    process.stderr.write('usage: node bench/parse-floor.js LIST\n');
    return 2;
  }
  const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const started = process.hrtime.bigint();
  const [own, ...others] = shares(files, Math.max(1, os.availableParallelism()));
  const workers = others.map((share) => new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: share });
    worker.once('message', resolve);
    worker.once('error', reject);
  }));
  const characters = (await Promise.all([parseAll(own), ...workers])).reduce((a, b) => a + b, 0);
  process.stdout.write(`${files.length} ${characters} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)}\n`);
  return 0;
}

if (isMainThread) main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
else parseAll(workerData).then((characters) => parentPort.postMessage(characters));
