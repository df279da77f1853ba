#!/usr/bin/env node
import { enableCompileCache } from '../src/core/compile-cache';

enableCompileCache();
// loaded after the cache is on, so that the compiler and parsers it requires are cached too
const { run } = require('../src/cli') as typeof import('../src/cli');

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
