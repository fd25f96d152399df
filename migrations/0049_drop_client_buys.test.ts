// 0049: the stage money reads "bought in a period" from the clients' sale months, so the buy rows
// go — and undoing the migration counts them again from the transactions (a hand-counted client:
// two January sales, one in February, a March refund that is no sale, one April sale without a
// stage).
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createTestDb, testDialects, type TestDb } from '../tests/support/db.ts';
import { migrateDownThrough } from '../tests/support/migrate.ts';

const AT = '2026-05-01T10:00:00.000Z';
const ORG = '01950000-0000-7000-8000-000000000001';
const CLIENT = '01950000-0000-7000-8000-00000000000c';
const tx = (n: number, kind: 'sale' | 'refund', date: string, stage: string | null) => ({
  id: `01950000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
  org_id: ORG,
  client_id: CLIENT,
  external_id: `D-${n}`,
  kind,
  date,
  amount_minor: 1000,
  cost_minor: null,
  currency: 'RUB',
  exchange_rate: null,
  product: null,
  stage,
  due_date: null,
  paid_at: null,
  manager_id: null,
  created_at: AT,
  updated_at: AT,
});
// Month index = year × 12 + month − 1, quarter index = year × 4 + quarter − 1.
const JAN = 2026 * 12;
const Q1 = 2026 * 4;

describe.each(testDialects())('migration 0049_drop_client_buys on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t?.drop());

  it('drops the buy rows and counts them again from the transactions when undone', async () => {
    t = await createTestDb(dialect);
    await migrateDownThrough(t.db, '0049_drop_client_buys');
    await t.db
      .insertInto('orgs')
      .values({ id: ORG, name: 'Org', default_language: 'ru', created_at: AT })
      .execute();
    await t.db
      .insertInto('clients')
      .values({
        id: CLIENT,
        org_id: ORG,
        name: 'Альфа',
        kind: 'company',
        external_id: null,
        segment: null,
        search_text: 'альфа',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await t.db
      .insertInto('transactions')
      .values([
        tx(1, 'sale', '2026-01-10', 'a'),
        tx(2, 'sale', '2026-01-20', 'a'),
        tx(3, 'sale', '2026-02-05', 'a'),
        tx(4, 'refund', '2026-03-05', 'a'),
        tx(5, 'sale', '2026-04-05', null),
      ])
      .execute();

    expect(await migrateToLatest(t.db)).toContain('0049_drop_client_buys');
    await expect(sql`select * from economics_client_buys`.execute(t.db)).rejects.toThrow();

    await migrateDownThrough(t.db, '0049_drop_client_buys');
    const buys = await sql<{ span: number; period: number; sales: number }>`
      select span, period, sales from economics_client_buys order by span, period`.execute(t.db);
    expect(buys.rows.map((r) => [Number(r.span), Number(r.period), Number(r.sales)])).toEqual([
      [1, JAN, 2],
      [1, JAN + 1, 1],
      [1, JAN + 3, 1],
      [3, Q1, 3],
      [3, Q1 + 1, 1],
    ]);
  });
});
