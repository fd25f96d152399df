// Test databases take the production commit path: a SQLite file in WAL mode, removed afterwards.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sqlitePathFromUrl } from '../../server/db/create-db.ts';
import { createTestDb } from './db.ts';

describe('createTestDb on sqlite', () => {
  it('opens a temporary file in WAL mode with synchronous FULL and deletes it on drop()', async () => {
    const t = await createTestDb('sqlite');
    const path = sqlitePathFromUrl(t.url);
    expect(path).not.toBe(':memory:');
    expect(existsSync(path)).toBe(true);
    expect(t.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    await t.drop();
    expect(existsSync(path)).toBe(false);
  });
});
