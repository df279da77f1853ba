import { normalisePath } from '../../core/paths';

/** Source extensions, longest first so `.d.ts` wins over `.ts`. */
const SOURCE_EXTENSIONS = ['.d.mts', '.d.cts', '.d.ts', '.tsx', '.mts', '.cts', '.ts', '.jsx', '.mjs', '.cjs', '.js'];
/** The order in which a module id without extension is looked up as a file. */
const LOOKUP_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];

/** `src/models/booking` from `src/models/booking.ts` (also `.d.ts`, `.js`, ...). */
export function stripSourceExtension(file: string): string {
  const ext = SOURCE_EXTENSIONS.find((e) => file.endsWith(e));
  return ext ? file.slice(0, -ext.length) : file;
}

/** The source extension of a file name (`.d.ts`, `.tsx`, ...), or '' */
export function sourceExtension(file: string): string {
  return SOURCE_EXTENSIONS.find((e) => file.endsWith(e)) ?? '';
}

/** The repository file a TypeScript module id names: `src/models/booking` → `src/models/booking.ts` or `.../index.ts`. */
export function findModuleFile(id: string, has: (file: string) => boolean): string | undefined {
  const clean = normalisePath(id);
  if ((sourceExtension(clean) || clean.endsWith('.json')) && has(clean)) return clean;
  for (const ext of LOOKUP_EXTENSIONS) if (has(clean + ext)) return clean + ext;
  for (const ext of LOOKUP_EXTENSIONS) if (has(`${clean}/index${ext}`)) return `${clean}/index${ext}`;
  return undefined;
}
