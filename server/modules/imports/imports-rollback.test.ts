// An import commits all or nothing: a real database fault (a trigger planted here, on both
// dialects) half-way through the commit leaves no feedback, no contacts and the import
// re-committable. No module is mocked.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

const FAILING_TEXT = 'сбой записи';

/**
 * A real database fault for one marked row: a trigger that refuses to insert feedback with the
 * marked text (a disk error or a bug half-way through a commit). Returns its removal.
 */
async function plantFeedbackFault(t: TestApp): Promise<() => Promise<void>> {
  const db = t.deps.db;
  if (t.deps.dbHandle.dialect === 'sqlite') {
    await sql`create trigger planted_feedback_fault before insert on feedback
      when new.text = ${sql.lit(FAILING_TEXT)}
      begin select raise(abort, 'planted fault'); end`.execute(db);
    return async () => void (await sql`drop trigger planted_feedback_fault`.execute(db));
  }
  await sql`create function planted_feedback_fault() returns trigger language plpgsql as $$
    begin
      if new.text = ${sql.lit(FAILING_TEXT)} then raise exception 'planted fault'; end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger planted_feedback_fault before insert on feedback
    for each row execute function planted_feedback_fault()`.execute(db);
  return async () => {
    await sql`drop trigger planted_feedback_fault on feedback`.execute(db);
    await sql`drop function planted_feedback_fault()`.execute(db);
  };
}

describe.each(testDialects())('an import that fails half-way on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
  });
  afterAll(async () => t?.close());

  const upload = (body: string) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/imports?filename=feedback.csv',
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
  const commit = (id: string, mapping: object) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/imports/${id}/commit`,
      payload: { mapping },
    });

  it('rolls back every row when a write fails late in the transaction', async () => {
    const lines = ['Оценка,Комментарий,ID,Email'];
    for (let i = 1; i <= 60; i++)
      lines.push(
        `${i % 11},${i === 55 ? FAILING_TEXT : `Отзыв ${i}`},late-${i},late-${i}@fault.example`,
      );
    const imp = (await upload(lines.join('\n'))).json();
    const mapping = {
      scoreValue: 'Оценка',
      text: 'Комментарий',
      sourceId: 'ID',
      contactEmail: 'Email',
      fixed: { scoreType: 'nps' },
    };
    // What the commit writes before it reaches row 55: contacts, then feedback in chunks.
    const written = async () => ({
      feedback: (
        await t.deps.db
          .selectFrom('feedback')
          .select('id')
          .where('source_id', 'like', 'late-%')
          .execute()
      ).length,
      contacts: (
        await t.deps.db
          .selectFrom('contacts')
          .select('id')
          .where('email', 'like', '%@fault.example')
          .execute()
      ).length,
    });
    const removeFault = await plantFeedbackFault(t);
    let res;
    try {
      res = await commit(imp.id, mapping);
    } finally {
      await removeFault();
    }
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('planted');
    expect(await written()).toEqual({ feedback: 0, contacts: 0 });
    expect(
      (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/imports/${imp.id}` })).json()
        .status,
    ).toBe('uploaded');
    // The fault was the trigger's: without it the same import commits whole.
    expect((await commit(imp.id, mapping)).statusCode).toBe(200);
    expect(await written()).toEqual({ feedback: 60, contacts: 60 });
  });
});
