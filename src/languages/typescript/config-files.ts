import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '../../core/paths';
import { decodeText, utf16ByBom } from '../../core/encoding';

/** What reading a configuration needs from the disk (an in-memory one in tests). */
export interface ConfigFileSystem {
  fileExists(file: string): boolean;
  readFile(file: string): string | undefined;
}

/** What finding configurations needs from the disk: reading them, and the names of the files in a folder. */
export interface ConfigLookupFileSystem extends ConfigFileSystem {
  /** the file names in a folder ([] when it does not exist) */
  readFolder(dir: string): readonly string[];
}

/** The disk, read the way the compiler's `ts.sys` reads a config: a UTF-8 or UTF-16 byte order mark decides the encoding. */
export const nodeConfigFileSystem: ConfigFileSystem = {
  fileExists: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readFile: (file) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    const utf16 = utf16ByBom(bytes);
    const text = utf16 ? decodeText(bytes, utf16) : bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  },
};

export const nodeConfigLookupFileSystem: ConfigLookupFileSystem = {
  ...nodeConfigFileSystem,
  readFolder: (dir) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** Whether a file name is one the lookup asks: `jsconfig.json` or `tsconfig*.json`. */
export function isConfigName(name: string): boolean {
  return name === 'jsconfig.json' || (name.startsWith('tsconfig') && name.endsWith('.json'));
}

/**
 * The disk, with each folder's config files taken from the discovered files (`/`-separated, repository-relative)
 * instead of listing every folder; the disk's own listing when nothing was discovered (a jscodeshift run).
 */
export function configFileSystemOf(cwd: string, files: readonly string[]): ConfigLookupFileSystem {
  if (!files.length) return nodeConfigLookupFileSystem;
  const folders = new Map<string, string[]>();
  for (const file of files) {
    if (!file.endsWith('config.json') && !(file.endsWith('.json') && file.includes('tsconfig'))) continue;
    const slash = file.lastIndexOf('/');
    const name = file.slice(slash + 1);
    if (!isConfigName(name)) continue;
    const dir = path.join(cwd, file.slice(0, Math.max(slash, 0)));
    const names = folders.get(dir) ?? [];
    names.push(name);
    folders.set(dir, names);
  }
  return { ...nodeConfigFileSystem, readFolder: (dir) => folders.get(dir) ?? [] };
}

/** A folder's config files in the order they are asked: tsconfig.json, jsconfig.json, other tsconfig*.json, bases last. */
export function configFilesIn(dir: string, names: readonly string[]): string[] {
  const rank = (name: string): number => {
    if (name === 'tsconfig.json') return 0;
    if (name === 'jsconfig.json') return 1;
    return /base/i.test(name) ? 3 : 2;
  };
  return names
    .filter(isConfigName)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => path.join(dir, name));
}

/** The config files asked for a file of each folder, nearest folder first, up to the repository root; each folder listed once. */
export class ConfigChains {
  private readonly chains = new Map<string, readonly string[]>();

  constructor(
    private readonly cwd: string,
    private readonly fileSystem: ConfigLookupFileSystem,
  ) {}

  of(dir: string): readonly string[] {
    let chain = this.chains.get(dir);
    if (chain) return chain;
    const own = configFilesIn(dir, this.fileSystem.readFolder(dir));
    const parent = path.dirname(dir);
    const last = dir === this.cwd || parent === dir || !isInside(this.cwd, dir);
    chain = last ? own : [...own, ...this.of(parent)];
    this.chains.set(dir, chain);
    return chain;
  }
}
