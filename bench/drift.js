#!/usr/bin/env node
// `remodel drift` on a project, timed (issue 20, item 6): the median of N runs of the CLI, Node's start-up included,
// next to `node -e 0` (the floor for any Node CLI).   node bench/drift.js [DIR] [--runs 7]
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? join(__dirname, '..', 'examples', 'python-backend');
const bin = join(__dirname, '..', 'dist', 'bin', 'remodel.js');

function median(command) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, command, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(result.stderr.toString());
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const drift = median([bin, 'drift', dir, '--format', 'json']);
const floor = median(['-e', '0']);
process.stdout.write(`remodel drift ${dir}: median ${drift.toFixed(0)} ms of ${runs} runs (node -e 0: ${floor.toFixed(0)} ms)\n`);
