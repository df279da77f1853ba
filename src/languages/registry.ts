import type { LanguageId } from '../importmap/types';
import type { LanguageAdapter, PreparedMap } from './types';

type AnyAdapter = LanguageAdapter<PreparedMap>;

/** Adapters load lazily, so a Python-only run never pays for the TypeScript toolchain and vice versa. */
const loaders: Record<LanguageId, () => AnyAdapter> = {
  python: () => (require('./python') as { pythonAdapter: AnyAdapter }).pythonAdapter,
  typescript: () => (require('./typescript') as { typescriptAdapter: AnyAdapter }).typescriptAdapter,
};

export async function getAdapter(language: LanguageId): Promise<AnyAdapter> {
  return loaders[language]();
}
