import * as path from 'node:path';
import { toPosix } from '../../core/paths';
import { nearestPackageJson, readPackageJson, type PackageJson } from './package-json';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** The package a bare specifier loads: `@scope/name` of `@scope/name/sub/path`, `name` of `name/sub`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

interface Manifest {
  /** repository-relative path of the package.json */
  file: string;
  name: string | undefined;
  declared: Set<string>;
}

/**
 * The package.json that governs each importing file (the nearest one up to the repository root), read once per
 * folder: when a bare specifier moves to another package, its importers' manifests must declare that package.
 *
 * @example
 * new PackageManifests('/repo').undeclared('/repo/packages/api/src/a.ts', '@acme/framework')
 * // 'packages/api/package.json' when neither it nor its name declares '@acme/framework'
 */
export class PackageManifests {
  private readonly byFolder = new Map<string, PackageJson | null>();
  private readonly read = new Map<string, Manifest>();

  constructor(private readonly cwd: string) {}

  /** The manifest that should, and does not, declare `packageName` for `importer` (absolute); undefined if fine or none. */
  undeclared(importer: string, packageName: string): string | undefined {
    const found = nearestPackageJson(path.dirname(importer), this.byFolder, this.cwd);
    if (!found) return undefined;
    let manifest = this.read.get(found.dir);
    if (!manifest) this.read.set(found.dir, (manifest = manifestOf(found, this.cwd)));
    if (manifest.name === packageName || manifest.declared.has(packageName)) return undefined;
    return manifest.file;
  }
}

/** Every readable package.json among the repository's files. */
export function repositoryManifests(cwd: string, files: readonly string[]): Manifest[] {
  return files.flatMap((file) => {
    const manifest = path.posix.basename(file) === 'package.json' ? readManifest(path.join(cwd, file), cwd) : undefined;
    return manifest ? [manifest] : [];
  });
}

/** Whether any package.json of the repository is the package or declares it (a workspace package, a dependency). */
export function declaredAnywhere(cwd: string, files: readonly string[], packageName: string): boolean {
  return repositoryManifests(cwd, files).some((manifest) => manifest.name === packageName || manifest.declared.has(packageName));
}

const manifestsByRun = new WeakMap<object, PackageManifests>();

/** The manifests of one run (keyed by its prepared map), read on demand. */
export function manifestsOf(run: { cwd: string }): PackageManifests {
  let manifests = manifestsByRun.get(run);
  if (!manifests) {
    manifests = new PackageManifests(run.cwd);
    manifestsByRun.set(run, manifests);
  }
  return manifests;
}

/** A package.json's name and the packages it declares; undefined when it is missing or not JSON. */
export function readManifest(file: string, cwd: string): Manifest | undefined {
  const found = readPackageJson(path.dirname(file));
  return found ? manifestOf(found, cwd) : undefined;
}

function manifestOf({ dir, json }: PackageJson, cwd: string): Manifest {
  const declared = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = json[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) declared.add(name);
  }
  return { file: toPosix(path.relative(cwd, path.join(dir, 'package.json'))), name: typeof json.name === 'string' ? json.name : undefined, declared };
}
