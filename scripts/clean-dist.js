// `npm run build` starts from an empty dist/: a module removed or turned into a folder (shims.ts -> shims/) must not
// leave its old build behind, where `require('./shims')` would still find it.
require('node:fs').rmSync(require('node:path').join(__dirname, '..', 'dist'), { recursive: true, force: true });
