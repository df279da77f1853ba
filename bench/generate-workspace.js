#!/usr/bin/env node
'use strict';
// A medusa-shaped TypeScript workspace (issue 17's medusa case, which cannot be fetched here): 30 workspace packages of
// 200 files each, linked in node_modules as an install does; '@acme/utils' consolidated into '@acme/framework/utils'
// (whose own index re-exports it) and 'logger' moved off the '@acme/framework' root to its '/logger' subpath.
//
//   node bench/generate-workspace.js OUT     # then: node bench/run.js --tree OUT --map OUT/map.yaml

const fs = require('node:fs');
const path = require('node:path');

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node bench/generate-workspace.js OUT\n');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
process.chdir(out);
const w = (p, t) => { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, t); };
w('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }, null, 2));
w('packages/framework/package.json', JSON.stringify({ name: '@acme/framework', version: '1.0.0', exports: { '.': './src/index.ts', './http': './src/http/index.ts', './utils': './src/utils/index.ts', './logger': './src/logger.ts' } }, null, 2));
w('packages/framework/tsconfig.json', JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true } }, null, 2));
w('packages/framework/src/index.ts', "export * from './http';\nexport { logger } from './logger';\nexport function defineThing(x: string): string {\n  return x;\n}\n");
w('packages/framework/src/http/index.ts', 'export function validate(x: unknown): boolean {\n  return x !== undefined;\n}\n');
w('packages/framework/src/logger.ts', 'export const logger = { info(message: string): void { void message; } };\n');
w('packages/framework/src/utils/index.ts', "export * from '@acme/utils';\n");
w('packages/utils/package.json', JSON.stringify({ name: '@acme/utils', version: '1.0.0', main: './src/index.ts', types: './src/index.ts' }, null, 2));
w('packages/utils/src/index.ts', 'export function isString(x: unknown): x is string {\n  return typeof x === "string";\n}\nexport function toArray<T>(x: T | T[]): T[] {\n  return Array.isArray(x) ? x : [x];\n}\n');
fs.mkdirSync('node_modules/@acme', { recursive: true });
fs.symlinkSync('../../packages/framework', 'node_modules/@acme/framework');
fs.symlinkSync('../../packages/utils', 'node_modules/@acme/utils');
let n = 0;
for (let p = 0; p < 30; p++) {
  const pkg = `packages/app-${p}`;
  w(`${pkg}/package.json`, JSON.stringify({ name: `@acme/app-${p}`, version: '1.0.0', dependencies: { '@acme/framework': '1.0.0', '@acme/utils': '1.0.0' } }, null, 2));
  w(`${pkg}/tsconfig.json`, JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true, paths: { '@/*': ['./src/*'] } } }, null, 2));
  for (let f = 0; f < 200; f++, n++) {
    const lines = [];
    const r = (n * 7919) % 100;
    if (r < 5) lines.push("import { isString, toArray } from '@acme/utils';");
    if (r >= 5 && r < 35) lines.push("import { defineThing, logger } from '@acme/framework';");
    else if (r >= 35 && r < 70) lines.push("import { defineThing } from '@acme/framework';");
    if (r >= 60) lines.push("import { validate } from '@acme/framework/http';");
    if (f > 0 && r % 3 === 0) lines.push(`import { value${f - 1} } from '@/file-${f - 1}';`);
    const body = Array.from({ length: 40 }, (_, i) => `export function fn${f}_${i}(input: number): number {\n  const doubled = input * 2 + ${i};\n  return doubled > 10 ? doubled : -doubled;\n}\n`).join('\n');
    const uses = [];
    if (r < 5) uses.push('isString(value) && toArray(value)');
    if (r >= 5 && r < 70) uses.push('defineThing(String(value))');
    if (r >= 5 && r < 35) uses.push('logger.info(String(value))');
    if (r >= 60) uses.push('validate(value)');
    lines.push('', `export const value${f} = ${n};`, `export function use${f}(value: unknown): unknown {\n  return [${uses.join(', ')}];\n}\n`, body);
    w(`${pkg}/src/file-${f}.ts`, lines.join('\n'));
  }
}
w('map.yaml', "version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: '@acme/utils', to: '@acme/framework/utils' }\n  - { from: '@acme/framework', to: '@acme/framework/logger', names: [logger] }\n");
console.log('files', n);
