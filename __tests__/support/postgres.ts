import { execFileSync } from 'node:child_process';

/** The PostgreSQL 15 server `npm test`'s pretest starts, as the role it makes (REMODEL_PG_URL points elsewhere). */
export const pgServer = process.env.REMODEL_PG_URL ?? 'postgresql://remodel:remodel@localhost';

export function psql(sql: string, database = 'remodel'): string {
  return execFileSync('psql', [`${pgServer}/${database}`, '-qtAc', sql], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

const made: string[] = [];

/** A new empty database (dropped by `dropDatabases`): its name. */
export function freshDatabaseName(): string {
  const name = `remodel_${process.pid}_${made.length}_${Date.now() % 100000}`;
  psql(`DROP DATABASE IF EXISTS ${name}`);
  psql(`CREATE DATABASE ${name}`);
  made.push(name);
  return name;
}

export function dropDatabases(): void {
  for (const name of made.splice(0)) psql(`DROP DATABASE IF EXISTS ${name}`);
}
