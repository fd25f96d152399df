// Two writers that add different sale months to one client at the same time keep both months.
// The client's month set is merged in JS (read, add, write), so without the organisation's
// version lock taken before the read, the later of two concurrent PostgreSQL transactions wrote
// back the set it read before the earlier one committed, and the earlier month was gone (found
// while profiling the batch, ADR 011). The writers here are interleaved by hand: A writes and
// stays open; B starts and is seen waiting on a lock; then A commits.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { DbOrTrx } from '../../db/types.ts';
import { economicsApp, economicsKit, type EconomicsKit } from './economics.fixtures.ts';
import { decodeMonths } from './month-set.ts';
import { monthOf } from './rollup-deltas.ts';
import { clientRollups } from './rollups.repo.ts';
import { applyTransactionChanges } from './rollups.service.ts';

describe.each(testDialects())('client month sets under concurrent writers on %s', (dialect) => {
  let t: TestApp;
  let k: EconomicsKit;

  beforeAll(async () => {
    t = await economicsApp(dialect);
    k = await economicsKit(t);
  });
  afterAll(async () => t?.close());

  /** A sale without a stage, so no stage-money row is shared between the two writers. */
  const sale = (clientId: string, date: string) => ({
    after: {
      client_id: clientId,
      kind: 'sale' as const,
      date,
      amount_minor: 10_000,
      cost_minor: null,
      due_date: null,
      paid_at: null,
      stage: null,
    },
  });

  /** Waits until the backend `pid` waits on a lock (PostgreSQL); polls, no time limit of its own. */
  async function blockedOnLock(pid: () => number | undefined): Promise<void> {
    for (let i = 0; i < 2_000; i++) {
      const p = pid();
      if (p !== undefined) {
        const { rows } = await sql<{
          wait: string | null;
        }>`select wait_event_type as wait from pg_stat_activity where pid = ${p}`.execute(
          t.deps.db,
        );
        if (rows[0]?.wait === 'Lock') return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the second writer never waited on a lock');
  }

  it('keeps both months when two transactions add different months to one client', async () => {
    const client = await k.client('Параллельный');
    const scope = (db: DbOrTrx) => ({ db, orgId: k.org.orgId });
    let letACommit!: () => void;
    const aMayCommit = new Promise<void>((r) => (letACommit = r));
    let aWrote!: () => void;
    const aHasWritten = new Promise<void>((r) => (aWrote = r));

    const a = t.deps.db.transaction().execute(async (trx) => {
      await applyTransactionChanges(scope(trx), [sale(client, '2026-01-10')]);
      aWrote();
      await aMayCommit;
    });
    await aHasWritten;
    let bPid: number | undefined;
    const b = t.deps.db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        bPid = Number(rows[0]!.pid);
      }
      await applyTransactionChanges(scope(trx), [sale(client, '2026-07-10')]);
    });
    // SQLite has one writer: B cannot begin before A commits, so there is nothing to wait for.
    if (dialect === 'postgres') await blockedOnLock(() => bPid);
    letACommit();
    await Promise.all([a, b]);

    const [row] = await clientRollups(t.deps.db, k.org.orgId, [client]);
    expect(decodeMonths(row!.sale_months)).toEqual([monthOf('2026-01-10'), monthOf('2026-07-10')]);
  });
});
