// The sweep's write step re-checks what is still pending (text.repo lockStillPending): a record
// analysed by another worker, or whose text was erased, since the pick must not be written over.
// The check is made on the rows read by id (not in the WHERE, for PostgreSQL's plan), so it is
// tested on its own, on both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { lockStillPending } from './text.repo.ts';

describe.each(testDialects())('the sweep’s still-pending check on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('keeps only records still pending: not analysed meanwhile, text not erased', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const ids: string[] = [];
    for (const text of ['Курьер опоздал', 'The invoice was wrong', 'Спасибо, всё отлично']) {
      const res = await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback',
        payload: { text },
      });
      expect(res.statusCode).toBe(201);
      ids.push((res.json() as { id: string }).id);
    }
    const [pending, analysed, erased] = ids as [string, string, string];
    await t.deps.db
      .updateTable('feedback')
      .set({ analysed_at: new Date().toISOString() })
      .where('id', '=', analysed)
      .execute();
    await t.deps.db.updateTable('feedback').set({ text: null }).where('id', '=', erased).execute();
    const still = await t.deps.db
      .transaction()
      .execute((trx) =>
        lockStillPending(trx, t.deps.dbHandle.dialect, [pending, analysed, erased, ids[0]!]),
      );
    expect([...still]).toEqual([pending]);
  });
});
