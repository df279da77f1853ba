import { ts } from '../../../languages/typescript/ts';

// ---------------------------------------------------------------------------------------------
// tsconfig

/** The `baseUrl` and `paths` that govern a folder, from its `tsconfig.json` / `jsconfig.json` (following `extends` of relative files). */
export interface CompilerPaths {
  /** absolute folder that `paths` targets are relative to */
  base: string;
  /** absolute baseUrl, when set */
  baseUrl?: string;
  paths: Record<string, string[]>;
}

/** Reads `configFile` (absolute) and what it extends; undefined when it cannot be read. */
export function readCompilerPaths(configFile: string, depth = 0): CompilerPaths | undefined {
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error || !read.config || depth > 5) return undefined;
  const config = read.config as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  const dir = configFile.replace(/[\\/][^\\/]*$/, '');
  let inheritedPaths: CompilerPaths | undefined;
  if (typeof config.extends === 'string' && config.extends.startsWith('.')) {
    const target = ts.sys.resolvePath(`${dir}/${config.extends}`);
    inheritedPaths = readCompilerPaths(target.endsWith('.json') ? target : `${target}.json`, depth + 1);
  }
  const options = config.compilerOptions ?? {};
  const baseUrl = typeof options.baseUrl === 'string' ? ts.sys.resolvePath(`${dir}/${options.baseUrl}`) : inheritedPaths?.baseUrl;
  const ownPaths = options.paths && typeof options.paths === 'object' ? (options.paths as Record<string, string[]>) : undefined;
  return {
    base: ownPaths ? (baseUrl ?? dir) : (inheritedPaths?.base ?? baseUrl ?? dir),
    ...(baseUrl ? { baseUrl } : {}),
    paths: ownPaths ?? inheritedPaths?.paths ?? {},
  };
}
