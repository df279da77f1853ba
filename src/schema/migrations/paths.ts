/** Existing migrations are history, not models: Alembic's script folder, and any `migrations/` folder (Django's). */
export const isMigration = (path: string, alembicDir: string | undefined): boolean => /(^|\/)migrations\//.test(path) || (alembicDir !== undefined && (path === alembicDir || path.startsWith(`${alembicDir}/`)));
