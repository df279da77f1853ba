import type { Options } from 'yargs';

/** The shared options of plan, apply and check, as one table (jest-cli style). */
export const planOptions = {
  map: { type: 'string', array: true, description: 'import map file(s); default: every map under <cwd>/import-maps/' },
  cwd: { type: 'string', default: '.', description: 'repository root: paths in maps and output are relative to it' },
  only: { type: 'string', description: 'comma-separated transforms to run: rewrite-imports,insert-shims,move-files,rename-tables (aliases: rewrite,shims,relocate,tables)' },
  json: { type: 'boolean', default: false, description: 'print a machine-readable report instead of the patch' },
  stat: { type: 'boolean', default: false, description: 'print a per-file summary instead of the patch' },
  format: { choices: ['patch', 'markdown', 'html'] as const, default: 'patch' as const, description: 'patch (git-style, default), markdown (a pull-request description of the plan) or html (one self-contained page: the patch side by side)' },
  out: { type: 'string', description: 'write the patch (with --format html: the page) to this file instead of stdout' },
  jobs: { type: 'string', description: 'threads (default: cores): parsing workers once 2,000 files or 3 M characters are to be parsed (Python: 2 M in files of 8 K on average), and a worker reading the files of a tree of 1,000 or more; 1: everything in one thread' },
  shard: { type: 'string', description: 'plan only shard i of n (e.g. 2/4): a deterministic split by path; the shards\' patches concatenate' },
  color: { type: 'boolean', description: 'colours on stderr (default: when it is a terminal)' },
  'max-file-size': { type: 'number', default: 4, description: 'files larger than this many MB are not parsed (reported when they name an old module)' },
  verify: {
    type: 'string',
    description: 'check the plan before it is written: TypeScript diagnostics and Python imports, new ones only; --verify=import also imports the changed Python modules with the project\'s interpreter. Exit 3 when it fails (apply then writes nothing, unless --force)',
  },
  'fail-on-error': { type: 'boolean', default: false, description: 'exit 4 when some file could not be read, decoded or parsed' },
} satisfies Record<string, Options>;
