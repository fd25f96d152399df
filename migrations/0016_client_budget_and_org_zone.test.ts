// 0016 on a database that already holds an organisation and a client: the organisation keeps
// counting its days in UTC (nothing moves under it), the client has no budget or fit yet, and
// the columns refuse values the service never writes.
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createTestDb, testDialects, type TestDb } from '../tests/support/db.ts';
import { migrateDownThrough } from '../tests/support/migrate.ts';

const AT = '2026-02-01T10:00:00.000Z';
const ORG = '01950000-0000-7000-8000-000000000001';
const CLIENT = '01950000-0000-7000-8000-00000000000c';

describe.each(testDialects())('migration 0016_client_budget_and_org_zone on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t?.drop());

  it('gives existing organisations UTC and existing clients no budget or fit', async () => {
    t = await createTestDb(dialect);
    await migrateDownThrough(t.db, '0016_client_budget_and_org_zone');
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
    expect(await migrateToLatest(t.db)).toContain('0016_client_budget_and_org_zone');
    expect(await t.db.selectFrom('orgs').select('time_zone').execute()).toEqual([
      { time_zone: 'UTC' },
    ]);
    expect(
      await t.db
        .selectFrom('clients')
        .select(['estimated_annual_budget_minor', 'strategic_fit'])
        .execute(),
    ).toEqual([{ estimated_annual_budget_minor: null, strategic_fit: null }]);

    const set = (values: { estimated_annual_budget_minor?: number; strategic_fit?: number }) =>
      t.db.updateTable('clients').set(values).where('id', '=', CLIENT).execute();
    await expect(set({ estimated_annual_budget_minor: -1 })).rejects.toThrow(/check/i);
    await expect(set({ strategic_fit: 101 })).rejects.toThrow(/check/i);
    await set({ estimated_annual_budget_minor: 100_000_000_000_000, strategic_fit: 100 });
    expect(
      await t.db
        .selectFrom('clients')
        .select(['estimated_annual_budget_minor', 'strategic_fit'])
        .execute(),
    ).toEqual([{ estimated_annual_budget_minor: 100_000_000_000_000, strategic_fit: 100 }]);
  });
});
