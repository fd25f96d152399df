// Group commit semantics: concurrent intake shares transactions, a bad record fails alone, and
// concurrent replays of one Idempotency-Key store one record.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { groupCommitFor, PG_GROUPS_IN_FLIGHT } from './group-commit.ts';

describe.each(testDialects())('group commit on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('commits records that arrive together in shared transactions, each with its own id', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(t.app, org.apiKey, {
          method: 'POST',
          url: '/api/v1/feedback',
          payload: { text: `Отзыв ${i}`, sourceId: `g-${i}` },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(40);
    const stats = groupCommitFor(t.deps.db).stats;
    expect(stats.groups).toBeGreaterThan(0);
    expect(stats.grouped + stats.alone).toBe(40);
    expect(stats.grouped).toBeGreaterThan(stats.alone);
    expect(await t.deps.db.selectFrom('feedback').select('id').execute()).toHaveLength(40);
  });

  it('keeps a second group in flight on PostgreSQL while the first waits for its round trips', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    // Waves a tick apart: a wave that arrives while a group is in flight waits for it on SQLite
    // (one writer) and starts a group of its own on PostgreSQL.
    const waves: Promise<{ statusCode: number }>[] = [];
    for (let w = 0; w < 6; w++) {
      for (let i = 0; i < 5; i++)
        waves.push(
          call(t.app, org.apiKey, {
            method: 'POST',
            url: '/api/v1/feedback',
            payload: { text: `Волна ${w}`, sourceId: `w-${w}-${i}` },
          }),
        );
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await Promise.all(waves)).map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    expect(groupCommitFor(t.deps.db).stats.peakInFlight).toBe(
      dialect === 'postgres' ? PG_GROUPS_IN_FLIGHT : 1,
    );
    expect(await t.deps.db.selectFrom('feedback').select('id').execute()).toHaveLength(30);
  });

  it('fails a bad record alone and stores the rest of its group', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const unknownClient = '01a206ea-dd6a-7001-8c1b-5f588a061bc6';
    const payloads = Array.from({ length: 12 }, (_, i) =>
      i === 5 ? { clientId: unknownClient, text: 'плохой' } : { text: `Хороший ${i}` },
    );
    const responses = await Promise.all(
      payloads.map((payload) =>
        call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/feedback', payload }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(
      payloads.map((_, i) => (i === 5 ? 404 : 201)),
    );
    expect(await t.deps.db.selectFrom('feedback').select('id').execute()).toHaveLength(11);
  });

  it('stores one record for twenty concurrent requests with the same Idempotency-Key', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const body = {
      contact: { email: 'same@example.ru' },
      score: { type: 'nps', value: 2 },
      text: 'Повтор',
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(t.app, org.apiKey, {
          method: 'POST',
          url: '/api/v1/feedback',
          headers: { 'idempotency-key': 'retry-1' },
          payload: body,
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await t.deps.db.selectFrom('feedback').select('id').execute()).toHaveLength(1);
    expect(await t.deps.db.selectFrom('cases').select('id').execute()).toHaveLength(1);
    // One acknowledgement and the case owner's assignment mail (issue 15).
    const kinds = await t.deps.db.selectFrom('messages').select('kind').execute();
    expect(kinds.map((m) => m.kind).sort()).toEqual(['ack', 'case_assigned']);
  });
});
