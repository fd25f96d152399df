// 0038 on a database that already holds API keys: each key gets every scope its creator's role
// allows (the key's own role when no person made it), so it keeps working; sessions and audit
// entries that exist get no address; nothing expires.
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createTestDb, testDialects, type TestDb } from '../tests/support/db.ts';
import { migrateDownThrough } from '../tests/support/migrate.ts';

const AT = '2026-02-01T10:00:00.000Z';
const ORG = '01950000-0000-7000-8000-000000000001';
const ADMIN = '01950000-0000-7000-8000-0000000000a1';
const ANALYST = '01950000-0000-7000-8000-0000000000a2';
const key = (n: number) => `01950000-0000-7000-8000-0000000000b${n}`;

describe.each(testDialects())('migration 0038_sessions_scopes_audit on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t?.drop());

  it('gives existing keys the full scope of their creator’s role', async () => {
    t = await createTestDb(dialect);
    await migrateDownThrough(t.db, '0038_sessions_scopes_audit');
    const db = t.db as any;
    await db
      .insertInto('orgs')
      .values({ id: ORG, name: 'Org', default_language: 'ru', created_at: AT })
      .execute();
    for (const [id, role] of [
      [ADMIN, 'admin'],
      [ANALYST, 'analyst'],
    ])
      await db
        .insertInto('users')
        .values({
          id,
          org_id: ORG,
          email: `${role}@example.com`,
          name: role,
          password_hash: 'x',
          role,
          language: 'ru',
          created_at: AT,
        })
        .execute();
    const keys = [
      [key(1), 'viewer', ADMIN],
      [key(2), 'analyst', ANALYST],
      [key(3), 'manager', null],
    ] as const;
    for (const [id, role, by] of keys)
      await db
        .insertInto('api_keys')
        .values({
          id,
          org_id: ORG,
          name: id,
          prefix: 'cl_x',
          key_hash: `hash-${id}`,
          role,
          created_by: by,
          created_at: AT,
        })
        .execute();

    expect(await migrateToLatest(t.db)).toContain('0038_sessions_scopes_audit');
    const rows = await db
      .selectFrom('api_keys')
      .select(['id', 'scopes', 'expires_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: key(1),
        scopes: 'read write-feedback write-transactions write admin',
        expires_at: null,
      },
      { id: key(2), scopes: 'read', expires_at: null },
      { id: key(3), scopes: 'read write-feedback write-transactions write', expires_at: null },
    ]);
  });
});
