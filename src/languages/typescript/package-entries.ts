import * as path from 'node:path';
import { textOrUndefined } from '../../core/read-text';
import type { Workspace } from '../../core/types';

/** Every string an `exports` or `imports` value leads to, through conditions (`types`, `import`, `default`) and fallback arrays. */
export function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(exportTargets);
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

/**
 * The exact keys of every package's `imports` (`"#user"`, not `"#models/*"`) with the files they name, from the
 * repository root, through any conditions (`{ "types": …, "default": … }`).
 */
export function exactSubpathImports(workspace: Workspace): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of workspace.files) {
    if (path.posix.basename(file) !== 'package.json' || file.split('/').includes('node_modules')) continue;
    const text = textOrUndefined(workspace, file);
    if (!text?.includes('"imports"')) continue;
    let imports: unknown;
    try {
      imports = (JSON.parse(text) as { imports?: unknown }).imports;
    } catch {
      continue; // a package.json that does not parse resolves nothing
    }
    if (!imports || typeof imports !== 'object') continue;
    for (const [key, target] of Object.entries(imports)) {
      if (!key.startsWith('#') || key.includes('*')) continue;
      const files = exportTargets(target)
        .filter((relative) => relative.startsWith('./'))
        .map((relative) => path.posix.join(path.posix.dirname(file), relative));
      found.set(key, [...(found.get(key) ?? []), ...files]);
    }
  }
  return found;
}
