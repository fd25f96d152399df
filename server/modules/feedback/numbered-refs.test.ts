// Numbered public references (migration 0009, lib/public-ref.ts): records get consecutive numbers,
// people get references that hide them, status pages find both these and the random references
// of records stored before.
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { migrateDownThrough } from '../../../tests/support/migrate.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { newId } from '../../lib/ids.ts';
import { PUBLIC_REF_RE, refCipher, refKeyOf } from '../../lib/public-ref.ts';
import { NUMBER_BLOCK, refCipherKey } from './feedback.repo.ts';

describe.each(testDialects())('numbered references on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  // A bare reference, or the tagged link the API answered (statusUrl, issue 19).
  const statusOf = async (ref: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: ref.startsWith('http') ? new URL(ref).pathname : `/status/${ref}`,
      })
    ).statusCode;

  it('numbers records consecutively and gives each a reference its status page answers to', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const batch = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items: Array.from({ length: 20 }, (_, i) => ({ text: `Пакет ${i}` })) },
    });
    expect(batch.statusCode).toBe(200);
    const singles = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(t.app, org.apiKey, {
          method: 'POST',
          url: '/api/v1/feedback',
          payload: { text: `Один ${i}` },
        }),
      ),
    );
    expect(singles.map((r) => r.statusCode)).toEqual(Array(10).fill(201));

    const rows = await t.deps.db
      .selectFrom('feedback')
      .select(['id', 'ref_key', 'public_ref'])
      .orderBy('ref_key')
      .execute();
    expect(rows.map((r) => r.ref_key)).toEqual(
      Array.from({ length: 30 }, (_, i) => refKeyOf(i + 1)),
    );
    const cipher = refCipher(await refCipherKey(t.deps.db));
    for (const [i, r] of rows.entries()) {
      expect(r.public_ref).toMatch(PUBLIC_REF_RE);
      expect(cipher.numberOf(r.public_ref)).toBe(i + 1);
    }
    expect(new Set(rows.map((r) => r.public_ref)).size).toBe(30);
    if (dialect === 'sqlite') {
      const last = await t.deps.db
        .selectFrom('instance_settings')
        .selectAll()
        .where('key', '=', 'feedback_ref_last')
        .executeTakeFirstOrThrow();
      expect(last.value).toBe('30');
      expect(Date.parse(last.updated_at)).toBeGreaterThan(Date.now() - 60_000);
    }
    if (dialect === 'postgres') {
      // One round trip drew a block of NUMBER_BLOCK numbers for all thirty records.
      const { rows: seq } = await sql<{
        last: string;
      }>`select last_value::text as last from feedback_ref_numbers`.execute(t.deps.db);
      expect(seq[0]!.last).toBe(String(NUMBER_BLOCK));
      // A batch larger than the rest of the block draws what it lacks and still counts on.
      const big = await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback/batch',
        payload: { items: Array.from({ length: 300 }, (_, i) => ({ text: `Большой ${i}` })) },
      });
      expect(big.statusCode).toBe(200);
      const keys = await t.deps.db
        .selectFrom('feedback')
        .select('ref_key')
        .orderBy('ref_key')
        .execute();
      expect(keys.map((r) => r.ref_key)).toEqual(
        Array.from({ length: 330 }, (_, i) => refKeyOf(i + 1)),
      );
      const { rows: after } = await sql<{
        last: string;
      }>`select last_value::text as last from feedback_ref_numbers`.execute(t.deps.db);
      expect(after[0]!.last).toBe(String(NUMBER_BLOCK + 300));
    }
    // What the API answered is what is stored, and the status page knows it.
    const single = singles[0]!.json() as { id: string; publicRef: string; statusUrl: string };
    expect(rows.find((r) => r.id === single.id)!.public_ref).toBe(single.publicRef);
    expect(await statusOf(single.statusUrl)).toBe(200);
    // A new record's bare reference (50 bits) opens nothing: only the tagged link does.
    expect(await statusOf(single.publicRef)).toBe(404);
    // A reference one character off names no record.
    const other = single.publicRef.slice(0, -1) + (single.publicRef.endsWith('A') ? 'B' : 'A');
    expect(await statusOf(other)).toBe(404);
  });

  it('keeps the random reference of a record stored before, and can be undone without losing any', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const db = t.deps.db;
    await migrateDownThrough(db, '0009_numbered_refs');
    const at = new Date().toISOString();
    const oldId = newId();
    // Before 0009 the column public_ref was the unique key itself.
    await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('feedback')
      .values({
        id: oldId,
        org_id: org.orgId,
        public_ref: 'CL-PLDREF2345',
        channel: 'api',
        topics: '[]',
        received_at: at,
        created_at: at,
      })
      .execute();
    // 0009 and whatever came after it.
    expect((await migrateToLatest(db))[0]).toBe('0009_numbered_refs');

    const old = await db
      .selectFrom('feedback')
      .select(['ref_key', 'public_ref'])
      .where('id', '=', oldId)
      .executeTakeFirstOrThrow();
    expect(old).toEqual({ ref_key: 'CL-PLDREF2345', public_ref: 'CL-PLDREF2345' });
    expect(await statusOf('CL-PLDREF2345')).toBe(200);
    const fresh = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback',
        payload: { text: 'Новый' },
      })
    ).json() as { id: string; publicRef: string; statusUrl: string };
    expect(fresh.publicRef).not.toBe('CL-PLDREF2345');
    expect(await statusOf(fresh.statusUrl)).toBe(200);

    // Undone, the column holds the references people were given, old and new.
    await migrateDownThrough(db, '0009_numbered_refs');
    const { rows } = await sql<{
      id: string;
      public_ref: string;
    }>`select id, public_ref from feedback order by id`.execute(db);
    expect(rows).toEqual([
      { id: oldId, public_ref: 'CL-PLDREF2345' },
      { id: fresh.id, public_ref: fresh.publicRef },
    ]);
    await migrateToLatest(db);
    // Migrated again (0040 too), both existed before links were tagged: their bare links work.
    expect(await statusOf(fresh.publicRef)).toBe(200);
    expect(await statusOf('CL-PLDREF2345')).toBe(200);
  });
});
