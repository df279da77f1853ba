import type { Workspace } from './types';

/** A file's text, or undefined when the workspace has no such file or it is not text (binary, unreadable). */
export function textOrUndefined(workspace: Workspace, file: string): string | undefined {
  if (!workspace.has(file)) return undefined;
  try {
    return workspace.read(file);
  } catch {
    return undefined;
  }
}
