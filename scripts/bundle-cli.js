// `npm run build`, after tsc: the CLI's modules and the libraries they load in one file, dist/src/cli-bundle.js, which
// dist/bin/remodel.js runs. Node then resolves, reads and wraps one module instead of ~300 (`remodel --version`
// 0.27 -> 0.19 s; a plan of Debian's Django 1.09 -> 0.97 s: bench/README.md). Its entry (src/cli/bundle-entry.ts)
// exports the plan's pool task too: the CLI's worker threads load this same file, whose code the compile cache holds
// from the main thread's runs. The library API (dist/src/index.js) and its workers load the modules tsc wrote.
//
// Left outside, loaded from node_modules as before: what finds files next to its own (web-tree-sitter and the Python
// grammar their .wasm, diff2html its stylesheet, yargs its locales), the TypeScript compiler (9 MB, loaded only when a
// file needs it, and cached apart by the compile cache), and the compile cache itself: bin/remodel.ts turns it on
// before requiring the bundle, and the bundle must share that one instance.
const path = require('node:path');
const esbuild = require('esbuild');

const dist = path.join(__dirname, '..', 'dist', 'src');
const external = ['typescript', 'web-tree-sitter', 'tree-sitter-python', 'diff2html', 'yargs', 'yargs/*'];

const sharedCompileCache = {
  name: 'shared-compile-cache',
  setup(build) {
    build.onResolve({ filter: /\/compile-cache$/ }, (args) => {
      const file = path.resolve(args.resolveDir, `${args.path}.js`);
      if (file !== path.join(dist, 'core', 'compile-cache.js')) return undefined;
      return { path: './core/compile-cache.js', external: true };
    });
  },
};

esbuild
  .build({
    entryPoints: [path.join(dist, 'cli', 'bundle-entry.js')],
    outfile: path.join(dist, 'cli-bundle.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    plugins: [sharedCompileCache],
    // jsonc-parser's `main` is a UMD build whose require() calls a bundler cannot follow; its `module` build is the same code
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
  })
  .catch(() => {
    process.exitCode = 1;
  });
