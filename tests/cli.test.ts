// The clientloop command through its real entry point, on both dialects, including a restore drill:
// a backup is only real once it has been restored and read back.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../server/db/create-db.ts';
import { PG_URL, testDialects } from './support/db.ts';

const exec = promisify(execFile);
const BIN = new URL('../bin/clientloop.mjs', import.meta.url).pathname;

async function cli(url: string, ...args: string[]) {
  try {
    const r = await exec(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const createdPgDbs: string[] = [];
async function pgAdmin(text: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
async function newDatabaseUrl(dialect: string, dir: string, name: string): Promise<string> {
  if (dialect === 'sqlite') return `sqlite:${join(dir, `${name}.db`)}`;
  const db = `cl_${name}_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`create database ${db}`);
  createdPgDbs.push(db);
  return PG_URL.replace(/\/[^/]*$/, `/${db}`);
}

afterAll(async () => {
  for (const db of createdPgDbs) await pgAdmin(`drop database if exists ${db} with (force)`);
});

describe.each(testDialects())('clientloop CLI on %s', (dialect) => {
  it('creates an organisation with an admin and key, backs it up and restores it into an empty database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-cli-'));
    const source = await newDatabaseUrl(dialect, dir, 'source');
    const created = await cli(
      source,
      'org',
      'create',
      '--name',
      'Ромашка',
      '--admin-email',
      'Boss@Example.ru',
      '--admin-password',
      'long-enough-1',
      '--new-api-key',
    );
    expect(created.code, created.stderr).toBe(0);
    const [orgId, secret] = created.stdout.trim().split('\n');
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secret).toMatch(/^cl_/);

    const user = await cli(
      source,
      'user',
      'create',
      '--org',
      orgId!,
      '--email',
      'anna@example.ru',
      '--password',
      'long-enough-2',
      '--role',
      'manager',
    );
    expect(user.code, user.stderr).toBe(0);
    const taken = await cli(
      source,
      'user',
      'create',
      '--org',
      orgId!,
      '--email',
      'ANNA@example.ru',
      '--password',
      'long-enough-2',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/taken/);

    const file = join(dir, 'backup.bin');
    const backup = await cli(source, 'backup', file);
    expect(backup.code, backup.stderr).toBe(0);
    expect((await cli(source, 'backup', file)).code).toBe(1);

    const target = await newDatabaseUrl(dialect, dir, 'target');
    const restore = await cli(target, 'restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    expect((await cli(target, 'restore', file)).code).toBe(1);

    const h = createDb(target);
    try {
      const org = await h.db.selectFrom('orgs').selectAll().executeTakeFirstOrThrow();
      expect(org).toMatchObject({ id: orgId, name: 'Ромашка' });
      const emails = (
        await h.db.selectFrom('users').select('email').orderBy('email').execute()
      ).map((u) => u.email);
      expect(emails).toEqual(['anna@example.ru', 'boss@example.ru']);
      expect(await h.db.selectFrom('api_keys').selectAll().execute()).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe('clientloop CLI', () => {
  it('explains wrong usage with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-cli-'));
    const url = `sqlite:${join(dir, 'x.db')}`;
    const r = await cli(url, 'org', 'create');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--name is required/);
    expect((await cli(url, 'frobnicate')).code).toBe(2);
  });
});
