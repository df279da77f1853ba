#!/usr/bin/env node
import { enableCompileCache } from '../src/core/compile-cache';

// one cache per command: what a short command runs must not stand for what a plan runs
const command = process.argv[2];
enableCompileCache(command && /^[a-z][a-z-]*$/.test(command) ? command : undefined);
// loaded after the cache is on, so that the compiler and parsers it requires are cached too; the CLI's modules come in
// one bundle that `npm run build` makes (scripts/bundle-cli.js)
const { run } = require('../src/cli-bundle') as typeof import('../src/cli/bundle-entry');

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
