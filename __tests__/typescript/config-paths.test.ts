import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import * as path from 'node:path';
import ts from 'typescript';
import { readConfig } from '../../src/languages/typescript/config';
import { nodeConfigFileSystem } from '../../src/languages/typescript/config-files';
import { optionSpellings, PathsConfigReader, type PathsConfig } from '../../src/languages/typescript/config-paths';
import { resolutionKind } from '../../src/languages/typescript/resolution-kind';
import { makeTempRepo } from '../support/tempRepo';
import { typescriptTrees } from './support';

/** What the compiler-free reading must agree on with the compiler's (`readConfig`, which `ts.parseJsonConfigFileContent` reads). */
function compilers(cwd: string, configFile: string): Omit<PathsConfig, 'unmodelled'> {
  const { options, references } = readConfig(cwd, configFile);
  return {
    configFile,
    baseUrl: options.baseUrl,
    paths: options.paths,
    pathsBasePath: options.paths ? (options as { pathsBasePath?: string }).pathsBasePath : undefined,
    kind: resolutionKind(options),
    references,
  };
}

function light(configFile: string): Omit<PathsConfig, 'unmodelled'> | undefined {
  const read = new PathsConfigReader(nodeConfigFileSystem).read(configFile);
  if (!read) return undefined;
  const { unmodelled: _unmodelled, ...compared } = read;
  return compared;
}

function configFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : configFilesUnder(file);
    return entry.name === 'jsconfig.json' || /^tsconfig.*\.json$/.test(entry.name) ? [file] : [];
  });
}

describe('PathsConfigReader: tsconfig paths, baseUrl and resolution read without the compiler', () => {
  it('reads every config of the TypeScript fixture trees as the compiler does', () => {
    let compared = 0;
    for (const tree of typescriptTrees()) {
      for (const configFile of configFilesUnder(tree)) {
        expect(light(configFile)).toEqual(compilers(tree, configFile));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('follows extends (arrays, extensionless, packages without exports), ${configDir}, comments and trailing commas', () => {
    const repo = makeTempRepo();
    try {
      const json = (value: unknown): string => JSON.stringify(value, null, 2);
      repo.write('node_modules/@acme/tsconfig/package.json', json({ name: '@acme/tsconfig', tsconfig: 'base.json' }));
      repo.write('node_modules/@acme/tsconfig/base.json', json({ compilerOptions: { module: 'NodeNext', paths: { '#lib/*': ['${configDir}/lib/*'] } } }));
      repo.write('node_modules/@acme/tsconfig/strict.json', json({ compilerOptions: { moduleResolution: 'Bundler', module: 'ESNext' } }));
      repo.write('node_modules/plain/package.json', json({ name: 'plain' }));
      repo.write('node_modules/plain/tsconfig.json', json({ compilerOptions: { target: 'es2022' } }));
      repo.write('configs/base', json({ compilerOptions: { baseUrl: '..', paths: { '@/*': ['src/*', 'generated/*'] } } }));
      repo.write('configs/paths-only.json', '{\n  // paths without baseUrl: read from this folder\n  "compilerOptions": { "paths": { "~/*": ["../src/*"], }, },\n}\n');
      repo.write('apps/a/tsconfig.json', json({ extends: ['../../configs/base', '@acme/tsconfig'], references: [{ path: '../b' }, { path: '../b/tsconfig.lib.json' }] }));
      repo.write('apps/b/tsconfig.json', json({ extends: '@acme/tsconfig/strict.json', compilerOptions: { baseUrl: '${configDir}/src' } }));
      repo.write('apps/b/tsconfig.lib.json', json({ extends: ['plain', '../../configs/paths-only.json'] }));
      repo.write('apps/c/jsconfig.json', json({ extends: '../../configs/paths-only', compilerOptions: { target: 'ES2020' } }));
      repo.write('node_modules/@vue/tsconfig/package.json', json({ name: '@vue/tsconfig', exports: { './tsconfig.json': './tsconfig.json', './tsconfig.dom.json': './dom.json' } }));
      repo.write('node_modules/@vue/tsconfig/tsconfig.json', json({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler' } }));
      repo.write('node_modules/@vue/tsconfig/dom.json', json({ extends: './tsconfig.json', compilerOptions: { baseUrl: '.' } }));
      repo.write('apps/d/tsconfig.json', json({ extends: ['@vue/tsconfig/tsconfig.json', '@vue/tsconfig/tsconfig.dom.json'] }));
      for (const configFile of configFilesUnder(repo.dir)) expect(light(configFile)).toEqual(compilers(repo.dir, configFile));
      expect(light(path.join(repo.dir, 'apps/d/tsconfig.json'))).toMatchObject({ baseUrl: path.join(repo.dir, 'node_modules/@vue/tsconfig') });
      // options merge shallowly: the later base's paths replace the earlier's whole, `${configDir}` is the reading config's folder
      expect(light(path.join(repo.dir, 'apps/a/tsconfig.json'))).toMatchObject({ baseUrl: repo.dir, paths: { '#lib/*': [path.join(repo.dir, 'apps/a/lib/*')] } });
    } finally {
      repo.dispose();
    }
  });

  it('leaves to the compiler what it cannot read: a syntax error, a missing extends, a package whose exports go through conditions', () => {
    const repo = makeTempRepo();
    try {
      repo.write('broken/tsconfig.json', '{ "compilerOptions": { "baseUrl": "." ');
      repo.write('missing/tsconfig.json', JSON.stringify({ extends: './nowhere.json' }));
      repo.write('node_modules/exported/package.json', JSON.stringify({ name: 'exported', exports: { './tsconfig.json': { default: './tsconfig.json' } } }));
      repo.write('node_modules/exported/tsconfig.json', '{}');
      repo.write('exported/tsconfig.json', JSON.stringify({ extends: 'exported/tsconfig.json' }));
      for (const folder of ['broken', 'missing', 'exported']) expect(light(path.join(repo.dir, folder, 'tsconfig.json'))).toBeUndefined();
    } finally {
      repo.dispose();
    }
  });

  it('reads a config written in UTF-16 or with a UTF-8 byte-order mark, as the compiler does', () => {
    const repo = makeTempRepo();
    try {
      const text = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } });
      const encoded = { 'le/tsconfig.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'be/tsconfig.json': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'bom/tsconfig.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) };
      for (const [file, bytes] of Object.entries(encoded)) {
        repo.write(file, '');
        writeFileSync(path.join(repo.dir, file), bytes);
        const configFile = path.join(repo.dir, file);
        expect(light(configFile)).toEqual(compilers(repo.dir, configFile));
        expect(light(configFile)?.paths).toEqual({ '@/*': ['src/*'] });
      }
    } finally {
      repo.dispose();
    }
  });

  it('spells module, moduleResolution and target as the compiler does', () => {
    const declarations = (ts as unknown as { optionDeclarations: Array<{ name: string; type: unknown }> }).optionDeclarations;
    for (const [name, table] of Object.entries(optionSpellings)) {
      const declared = declarations.find((option) => option.name === name)!.type as Map<string, number>;
      expect(table).toEqual(Object.fromEntries(declared));
    }
  });
});

describe('PathsConfigReader on generated configs (fast-check)', () => {
  const casing = (value: string) => fc.constantFrom(value, value.toUpperCase(), value[0]!.toUpperCase() + value.slice(1));
  const options = fc.record(
    {
      baseUrl: fc.constantFrom('.', '..', './src', '${configDir}', '${configDir}/src'),
      paths: fc.dictionary(fc.constantFrom('@/*', '~/*', '#x', '*'), fc.array(fc.constantFrom('src/*', './lib/*', '${configDir}/gen/*', '../shared/*'), { minLength: 1, maxLength: 2 }), { maxKeys: 2 }),
      module: fc.constantFrom('commonjs', 'esnext', 'node16', 'nodenext', 'preserve', 'es2020').chain(casing),
      moduleResolution: fc.constantFrom('node', 'node10', 'bundler', 'node16', 'nodenext', 'classic').chain(casing),
      target: fc.constantFrom('es5', 'es2015', 'es2022', 'esnext').chain(casing),
    },
    { requiredKeys: [] },
  );
  const config = fc.record({ options, extendsIndexes: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }), asArray: fc.boolean(), dropJsonSuffix: fc.boolean() });
  const places = ['tsconfig.json', 'configs/base.json', 'apps/a/tsconfig.json', 'apps/a/tsconfig.lib.json'];

  it('reads what it can as the compiler does', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(config, { minLength: 4, maxLength: 4 }), (configs) => {
        const repo = makeTempRepo();
        try {
          configs.forEach((c, index) => {
            const here = path.dirname(path.join(repo.dir, places[index]!));
            // only what comes later in the list: no cycles
            const bases = c.extendsIndexes.filter((target) => target > index).map((target) => {
              const relative = path.relative(here, path.join(repo.dir, places[target]!)).split(path.sep).join('/');
              const spelled = relative.startsWith('.') ? relative : `./${relative}`;
              return c.dropJsonSuffix ? spelled.replace(/\.json$/, '') : spelled;
            });
            const extendsValue = bases.length ? { extends: c.asArray ? bases : bases[0] } : {};
            repo.write(places[index]!, JSON.stringify({ ...extendsValue, compilerOptions: c.options }));
          });
          for (const place of places) {
            const configFile = path.join(repo.dir, place);
            const mine = light(configFile);
            if (!mine) continue;
            read++;
            expect(mine).toEqual(compilers(repo.dir, configFile));
          }
        } finally {
          repo.dispose();
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
    expect(read).toBeGreaterThan(400);
  });
});
