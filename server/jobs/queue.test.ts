import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb, testDialects, type TestDb } from '../../tests/support/db.ts';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import { fixedClock } from '../lib/clock.ts';
import { createLogger } from '../lib/logger.ts';
import { BUSY_REQUESTS_PER_SECOND, createWorker, isUnderLoad, sweepPauseMs } from '../worker.ts';
import { backoffMs, defineJob, JobQueue } from './queue.ts';

describe('backoffMs', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [5, 16_000],
    [30, 3_600_000],
  ])('attempt %i waits about %i ms (±20 %% jitter)', (attempt, base) => {
    expect(backoffMs(attempt, () => 0.5)).toBe(base);
    expect(backoffMs(attempt, () => 0)).toBe(Math.round(base * 0.8));
    expect(backoffMs(attempt, () => 1)).toBe(Math.round(base * 1.2));
  });
});

describe.each(testDialects())('job queue on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => {
    await t?.drop();
  });

  async function setup() {
    t = await createTestDb(dialect);
    const clock = fixedClock('2026-11-20T10:00:00.000Z');
    return { clock, queue: new JobQueue(dialect, clock) };
  }

  it('keeps no job when the transaction that enqueued it rolls back', async () => {
    const { queue } = await setup();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await queue.enqueue(trx, { name: 'x', orgId: null, payload: {} });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.db.selectFrom('jobs').selectAll().execute()).toHaveLength(0);
  });

  it('enqueues a job once per dedupe key', async () => {
    const { queue } = await setup();
    const first = await queue.enqueue(t.db, {
      name: 'x',
      orgId: null,
      payload: { a: 1 },
      dedupeKey: 'k1',
    });
    const second = await queue.enqueue(t.db, {
      name: 'x',
      orgId: null,
      payload: { a: 2 },
      dedupeKey: 'k1',
    });
    expect(first).toBeTypeOf('string');
    expect(second).toBeUndefined();
    expect(await t.db.selectFrom('jobs').selectAll().execute()).toHaveLength(1);
  });

  it('claims only due jobs, and never the same job twice while its lease holds', async () => {
    const { queue, clock } = await setup();
    for (let i = 0; i < 30; i++)
      await queue.enqueue(t.db, { name: 'x', orgId: null, payload: { i } });
    await queue.enqueue(t.db, {
      name: 'later',
      orgId: null,
      payload: {},
      runAt: new Date('2026-11-20T11:00:00Z'),
    });
    const [a, b] = await Promise.all([
      queue.claim(t.db, 'w1', 20, 60_000),
      queue.claim(t.db, 'w2', 20, 60_000),
    ]);
    const ids = [...a!, ...b!].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
    expect(await queue.claim(t.db, 'w3', 50, 60_000)).toHaveLength(0);
    clock.advance(3_600_000);
    const later = await queue.claim(t.db, 'w3', 50, 60_000);
    // The 'later' job is due now, and the 30 leases have expired: a crashed worker's jobs are taken over.
    expect(later.map((j) => j.name).sort()).toEqual([...Array(30).fill('x'), 'later'].sort());
    expect(later.find((j) => j.name === 'x')!.attempts).toBe(2);
  });

  it('retries a failed job with back-off, then fails it for good after max attempts', async () => {
    const { queue, clock } = await setup();
    await queue.enqueue(t.db, { name: 'x', orgId: null, payload: {}, maxAttempts: 2 });
    const [job] = await queue.claim(t.db, 'w', 1, 60_000);
    expect(await queue.fail(t.db, job!, 'boom', false)).toBe('retry');
    expect(await queue.claim(t.db, 'w', 1, 60_000)).toHaveLength(0);
    clock.advance(2_000);
    const [again] = await queue.claim(t.db, 'w', 1, 60_000);
    expect(again!.attempts).toBe(2);
    expect(await queue.fail(t.db, again!, 'boom again', false)).toBe('failed');
    const row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toBe('boom again');
  });
});

describe.each(testDialects())('worker on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => {
    await t?.drop();
  });

  it('runs handlers, completes them, retries thrown errors and fails permanent ones at once', async () => {
    t = await createTestDb(dialect);
    const clock = fixedClock('2026-11-20T10:00:00.000Z');
    const deps = createDeps(loadConfig({ DATABASE_URL: t.url, LOG_LEVEL: 'silent' }), {
      dbHandle: t,
      clock,
      log: createLogger('silent'),
    });
    const seen: number[] = [];
    let flaky = 0;
    const worker = createWorker(deps, [
      defineJob({
        name: 'ok',
        payload: z.object({ n: z.number() }),
        handler: async (_ctx, p) => void seen.push(p.n),
      }),
      defineJob({
        name: 'flaky',
        payload: z.object({}),
        handler: async () => {
          flaky += 1;
          if (flaky === 1) throw new Error('temporary');
        },
      }),
      defineJob({
        name: 'bad',
        payload: z.object({}),
        handler: async () => {
          throw new AppError('not_found', 'gone');
        },
      }),
    ]);
    await deps.jobs.enqueue(deps.db, { name: 'ok', orgId: null, payload: { n: 7 } });
    await deps.jobs.enqueue(deps.db, { name: 'flaky', orgId: null, payload: {} });
    await deps.jobs.enqueue(deps.db, { name: 'bad', orgId: null, payload: {} });
    await deps.jobs.enqueue(deps.db, { name: 'ok', orgId: null, payload: { n: 'not a number' } });
    expect(await worker.runOnce()).toBe(4);
    clock.advance(5_000);
    expect(await worker.runOnce()).toBe(1);
    const rows = await deps.db
      .selectFrom('jobs')
      .select(['name', 'status', 'attempts'])
      .orderBy('id')
      .execute();
    expect(seen).toEqual([7]);
    expect(rows).toEqual([
      { name: 'ok', status: 'done', attempts: 1 },
      { name: 'flaky', status: 'done', attempts: 2 },
      { name: 'bad', status: 'failed', attempts: 1 },
      { name: 'ok', status: 'failed', attempts: 1 },
    ]);
  });
});

// How far apart sweep rounds are under intake depends on the machine's speed, so it is measured
// in bench/worker-pacing.ts; here only the decisions it is made of, which are pure.
describe('worker pacing decisions', () => {
  it.each([
    // requests since the last round, ms since the last round, under load?
    [0, 10, false],
    [1, 10, false],
    [2, 10, true],
    [1, 5, true],
    [1, 0, true],
    [20, 1000, false],
    [199, 1000, false],
    [200, 1000, true],
    [1000, 1000, true],
  ])('%i requests in %i ms: under load is %s', (arrived, elapsedMs, expected) => {
    expect(BUSY_REQUESTS_PER_SECOND).toBe(200);
    expect(isUnderLoad(arrived, elapsedMs)).toBe(expected);
  });

  it.each([
    // sweep round ms, pause ms: four times the round, at least 20 ms, at most a second
    [0, 20],
    [1, 20],
    [5, 20],
    [10, 40],
    [100, 400],
    [250, 1000],
    [10_000, 1000],
  ])('a %i ms sweep round under load is followed by a %i ms pause', (sweepMs, pauseMs) => {
    expect(sweepPauseMs(sweepMs)).toBe(pauseMs);
  });
});
