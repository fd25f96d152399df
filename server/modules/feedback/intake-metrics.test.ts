// /metrics shows how intake shared its transactions and, on a SQLite file, its WAL syncs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { groupCommitFor } from './group-commit.ts';

/** The value of an unlabelled series in Prometheus text, or undefined when it is absent. */
function sample(text: string, name: string): number | undefined {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

describe.each(testDialects())('intake metrics on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('counts grouped and lone records and, on a SQLite file, the WAL syncs they shared', async () => {
    const sqlitePath =
      dialect === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'cl-metrics-')), 'm.db') : undefined;
    t = await createTestApp({ dialect, sqlitePath });
    const org = await createTestOrg(t.deps);
    const scrape = async () => (await t.app.inject({ url: '/metrics' })).body;
    expect(sample(await scrape(), 'clientloop_intake_grouped_records_total')).toBe(0);

    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(t.app, org.apiKey, {
          method: 'POST',
          url: '/api/v1/feedback',
          payload: { text: `Метрика ${i}` },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const lone = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Один' },
    });
    expect(lone.statusCode).toBe(201);

    const text = await scrape();
    const stats = groupCommitFor(t.deps.db).stats;
    const grouped = sample(text, 'clientloop_intake_grouped_records_total')!;
    const alone = sample(text, 'clientloop_intake_alone_records_total')!;
    expect(grouped + alone).toBe(31);
    expect(grouped).toBe(stats.grouped);
    expect(alone).toBeGreaterThanOrEqual(1); // the last record arrived by itself
    expect(sample(text, 'clientloop_intake_group_commits_total')).toBe(stats.groups);
    expect(sample(text, 'clientloop_intake_groups_in_flight_peak')).toBeGreaterThanOrEqual(1);
    const syncs = sample(text, 'clientloop_sqlite_wal_syncs_total');
    const waited = sample(text, 'clientloop_sqlite_wal_sync_requests_total');
    if (dialect === 'sqlite') {
      // Every commit waited for a sync, and several commits can share one.
      expect(waited).toBe(stats.groups + alone);
      expect(syncs).toBeGreaterThanOrEqual(1);
      expect(syncs).toBeLessThanOrEqual(waited!);
    } else {
      expect(syncs).toBeUndefined();
      expect(waited).toBeUndefined();
    }
  });
});
