import { discoverFiles } from '../workspace/discover';

const auditedExtensions = /\.(py|ts|tsx|mts|cts|js|jsx|mjs|cjs|prisma)$/;

/**
 * Every file the audit may scan under `dir`, relative and `/`-separated, sorted: the shared workspace discovery
 * (`.gitignore` at every level; no `.git`, `node_modules`, virtualenvs, caches), narrowed to model sources
 * (TypeScript declaration files are left out: they declare, they do not map tables).
 */
export function listSourceFiles(dir: string): string[] {
  return discoverFiles(dir).filter((file) => auditedExtensions.test(file) && !/\.d\.[mc]?ts$/.test(file));
}
