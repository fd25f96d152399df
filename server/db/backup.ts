// Consistent online backup and restore into an empty database.
// SQLite: the online backup API (never a file copy of a live database), checked with
// integrity_check. PostgreSQL: pg_dump's custom format and pg_restore (Debian's postgresql-client).
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sqlitePathFromUrl } from './create-db.ts';

const run = promisify(execFile);

export class BackupError extends Error {}

function checkIntegrity(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new BackupError(`integrity check of ${path} failed: ${String(result)}`);
  } finally {
    db.close();
  }
}

export async function backupDatabase(url: string, file: string): Promise<void> {
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new file`);
  if (url.startsWith('sqlite:')) {
    const source = sqlitePathFromUrl(url);
    if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
    const db = new Database(source, { fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    checkIntegrity(file);
    return;
  }
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}`,
    `--dbname=${url}`,
  ]);
}

async function pgHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'orgs'",
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

function sqliteHasData(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true });
  try {
    const table = db
      .prepare("select name from sqlite_master where type = 'table' and name = 'orgs'")
      .get();
    if (!table) return false;
    return (db.prepare('select count(*) as n from orgs').get() as { n: number }).n > 0;
  } finally {
    db.close();
  }
}

/** Restores `file` into the database at `url`, which must be empty unless `force`. The server must be stopped. */
export async function restoreDatabase(
  url: string,
  file: string,
  opts: { force?: boolean } = {},
): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`no backup file at ${file}`);
  if (url.startsWith('sqlite:')) {
    const target = sqlitePathFromUrl(url);
    checkIntegrity(file);
    if (sqliteHasData(target) && !opts.force)
      throw new BackupError(
        `${target} already holds data; restore needs an empty database (or --force)`,
      );
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    const backup = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(target);
    } finally {
      backup.close();
    }
    checkIntegrity(target);
    return;
  }
  const hasTables = await pgHasTables(url);
  if (hasTables && !opts.force)
    throw new BackupError(
      'the target database already has ClientLoop tables; restore needs an empty database (or --force)',
    );
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    ...(hasTables ? ['--clean', '--if-exists'] : []),
    `--dbname=${url}`,
    file,
  ]);
}
