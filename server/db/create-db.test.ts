// The SQLite connection settings the durability promise (ADR 0002) and intake speed rely on.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite, SQLITE_CACHE_KIB } from './create-db.ts';

describe('openSqlite', () => {
  it('opens a file in WAL with synchronous=FULL, foreign keys and a 64 MiB page cache', () => {
    const raw = openSqlite(join(mkdtempSync(join(tmpdir(), 'cl-open-')), 'a.db'));
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('synchronous', { simple: true })).toBe(2);
      expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(raw.pragma('cache_size', { simple: true })).toBe(-SQLITE_CACHE_KIB);
      expect(SQLITE_CACHE_KIB).toBe(64 * 1024);
    } finally {
      raw.close();
    }
  });
});
