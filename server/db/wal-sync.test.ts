// The WAL syncer: callers during a running fdatasync share the next one (never the running one,
// which may have started before their commit), and intake on a SQLite file answers only after a
// sync, leaving the connection at synchronous=FULL for everyone else.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../tests/support/app.ts';
import { walSyncFor, WalSync } from './wal-sync.ts';

describe('WalSync', () => {
  it('serves callers that arrive during a sync with one later sync', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cl-wal-')), 'x.db-wal');
    writeFileSync(file, 'frames');
    const wal = new WalSync(file);
    const first = wal.sync();
    const [second, third] = [wal.sync(), wal.sync()];
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    await Promise.all([first, second, third]);
    expect(wal.stats).toEqual({ syncs: 2, requests: 3 });
    await wal.sync();
    expect(wal.stats.syncs).toBe(3);
    await wal.close();
  });
});

describe('group commit on a SQLite file', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers each record after a WAL sync and restores synchronous=FULL', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cl-gc-')), 'clientloop.db');
    t = await createTestApp({ dialect: 'sqlite', sqlitePath: path });
    const org = await createTestOrg(t.deps);
    const wal = walSyncFor(t.deps.db)!;
    expect(wal.walPath).toBe(`${path}-wal`);
    const before = wal.stats.syncs;
    const syncsSeenAtAnswer: number[] = [];
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(t!.app, org.apiKey, {
          method: 'POST',
          url: '/api/v1/feedback',
          payload: { text: `Отзыв ${i}`, sourceId: `w-${i}` },
        }).then((r) => {
          syncsSeenAtAnswer.push(wal.stats.syncs);
          return r;
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    expect(Math.min(...syncsSeenAtAnswer)).toBeGreaterThan(before);
    expect(t.deps.dbHandle.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    expect(await t.deps.db.selectFrom('feedback').select('id').execute()).toHaveLength(30);
  });

  it('answers a batch after a WAL sync too', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cl-gc-')), 'clientloop.db');
    t = await createTestApp({ dialect: 'sqlite', sqlitePath: path });
    const org = await createTestOrg(t.deps);
    const wal = walSyncFor(t.deps.db)!;
    const before = wal.stats.syncs;
    const items = Array.from({ length: 50 }, (_, i) => ({
      text: `Пакет ${i}`,
      sourceId: `b-${i}`,
    }));
    const response = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items },
    });
    expect(wal.stats.syncs).toBeGreaterThan(before);
    expect(response.statusCode).toBe(200);
    expect(response.json().results.map((r: { status: string }) => r.status)).toEqual(
      Array(50).fill('created'),
    );
    expect(t.deps.dbHandle.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    expect(await t.deps.db.selectFrom('feedback').select('id').execute()).toHaveLength(50);
  });
});
