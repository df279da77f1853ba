#!/usr/bin/env node
// Time to move one file and update its importers in a generated 10,000-file TS tree: remodel (plan of a
// `relocate:` map) vs the TS language service's getEditsForFileRename vs ts-morph's SourceFile.move.
// Not a test (jest runs *.test.ts only). Needs `npm run build` first.
//
//   node /work/shared/oracles/gen-ts-tree.cjs 10000 /tmp/gen10k
//   node __tests__/typescript/measure/move-speed.cjs augment /tmp/gen10k old_0 500      # old_0 gets 500 importers
//   node __tests__/typescript/measure/move-speed.cjs remodel|remodel1|ls|tsmorph /tmp/gen10k src/models/old_0.ts src/models/DEPRECATED/old_0.ts
//
// Each run is a fresh process (cold caches, as a CLI run is); it prints {tool, ms, edited}.
'use strict';
const fs = require('fs'), path = require('path'), os = require('os');
const repo = path.join(__dirname, '..', '..', '..');
const [tool, dir, from, to] = process.argv.slice(2);

if (tool === 'augment') {
  // adds importers of src/models/<model> (relative and alias, alternately) to feature files until it has <count>
  const [model, count] = [from, Number(to)];
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else files.push(f); } };
  walk(path.join(dir, 'src/features'));
  files.sort();
  let have = files.filter((f) => fs.readFileSync(f, 'utf8').includes(`models/${model}'`)).length;
  const cls = `Model${model.split('_')[1]}`;
  for (let i = 0; have < count && i < files.length; i += 7) {
    const text = fs.readFileSync(files[i], 'utf8');
    if (text.includes('models/')) continue;
    const spec = have % 2 ? `'@/models/${model}'` : `'../../models/${model}'`;
    fs.writeFileSync(files[i], `import { ${cls} } from ${spec};\n${text}export const use${i} = () => new ${cls}(${i});\n`);
    have++;
  }
  console.log(`${model}: ${have} importers`);
  process.exit(0);
}

const t0 = performance.now();
(async () => {
  let edited;
  if (tool === 'remodel' || tool === 'remodel1') {
    const { plan } = require(path.join(repo, 'dist/src'));
    const map = path.join(os.tmpdir(), `move-speed-${process.pid}.yaml`);
    fs.writeFileSync(map, `version: 1\nlanguage: typescript\nroot: .\nrelocate:\n  - from: ${from}\n    to: ${to}\n`);
    const computed = await plan({ cwd: dir, maps: [map], jobs: tool === 'remodel1' ? 1 : undefined });
    edited = computed.changes.length;
    fs.rmSync(map);
  } else if (tool === 'ls') {
    const ts = require(path.join(repo, 'node_modules/typescript'));
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(dir, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, dir);
    const host = {
      getScriptFileNames: () => parsed.fileNames,
      getScriptVersion: () => '1',
      getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)) : undefined),
      getCurrentDirectory: () => dir,
      getCompilationSettings: () => parsed.options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    };
    edited = ts.createLanguageService(host, ts.createDocumentRegistry()).getEditsForFileRename(path.join(dir, from), path.join(dir, to), {}, {}).length;
  } else if (tool === 'tsmorph') {
    const { Project } = require(path.join(repo, 'node_modules/ts-morph'));
    const project = new Project({ tsConfigFilePath: path.join(dir, 'tsconfig.json') });
    project.getSourceFileOrThrow(path.join(dir, from)).move(path.join(dir, to));
    edited = project.getSourceFiles().filter((f) => !f.isSaved()).length;
  } else {
    throw new Error('usage: move-speed.cjs augment|remodel|remodel1|ls|tsmorph DIR FROM TO');
  }
  console.log(JSON.stringify({ tool, ms: Math.round(performance.now() - t0), edited }));
})();
