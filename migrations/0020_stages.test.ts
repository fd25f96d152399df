// 0020 on databases that already hold records with free-text stages: every record keeps its stage
// exactly (Cyrillic, inner and outer spaces, letter case, tabs, '' and null), and every distinct
// stage of an organisation is in its registry, named by its key; the outbox keeps its rows and
// indexes through the CHECK change. Two copies: a sample written through the API in two
// organisations, and the demo data (`npm run demo`, loaded by its real entry point). Both dialects.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../tests/support/app.ts';
import { PG_URL, testDialects } from '../tests/support/db.ts';
import { migrateDownThrough } from '../tests/support/migrate.ts';
import { STAGE_TABLES } from './0020_stages.ts';

const exec = promisify(execFile);
/** What free text has left in real databases: the migration must keep each as it is. */
const VARIANTS = [
  'Доставка',
  ' доставка',
  'доставка ',
  'ДОСТАВКА',
  'доставка\tкурьером',
  'оплата  счёта',
  null,
  '',
  'Delivery',
];

type Row = { id: string; org_id: string; stage: string | null };

async function snapshot(db: Kysely<any>): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const table of STAGE_TABLES)
    out[table] = await db
      .selectFrom(table)
      .select(['id', 'org_id', 'stage'])
      .orderBy('id')
      .execute();
  return out;
}

/** Rewrites the stages of the records in rotation through VARIANTS (a record in four keeps its own). */
async function plantVariants(db: Kysely<any>): Promise<void> {
  for (const table of STAGE_TABLES) {
    const rows = await db.selectFrom(table).select('id').orderBy('id').execute();
    for (const [i, r] of rows.entries()) {
      if (i % 4 === 3) continue;
      await db
        .updateTable(table)
        .set({ stage: VARIANTS[i % VARIANTS.length] })
        .where('id', '=', r.id)
        .execute();
    }
  }
}

/** Indexes on these tables that migrations after 0020 add. */
const LATER = ['messages_org_contact_idx'];

async function outboxIndexes(db: Kysely<any>, dialect: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name in ('messages', 'message_templates')`.execute(db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes
          where schemaname = current_schema()
          and tablename in ('messages', 'message_templates')`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

/** 0019 → plant the variants → 0020: every record unchanged, every key registered. */
async function roundTrip(db: Kysely<any>, dialect: string): Promise<number> {
  await migrateDownThrough(db, '0020_stages');
  await plantVariants(db);
  const before = await snapshot(db);
  const kinds = await db.selectFrom('messages').select(['id', 'kind']).orderBy('id').execute();
  const indexes = await outboxIndexes(db, dialect);
  expect(await migrateToLatest(db)).toContain('0020_stages');

  expect(await snapshot(db)).toEqual(before);
  expect(await db.selectFrom('messages').select(['id', 'kind']).orderBy('id').execute()).toEqual(
    kinds,
  );
  // Every index of before survives; later migrations may add their own (0047: by contact).
  expect((await outboxIndexes(db, dialect)).filter((n) => !LATER.includes(n))).toEqual(indexes);
  const registry = await db
    .selectFrom('stages')
    .select(['org_id', 'key', 'name_ru', 'name_en', 'position'])
    .execute();
  const expected = new Set<string>();
  for (const rows of Object.values(before))
    for (const r of rows) if (r.stage !== null) expected.add(JSON.stringify([r.org_id, r.stage]));
  expect(new Set(registry.map((s) => JSON.stringify([s.org_id, s.key])))).toEqual(expected);
  expect(registry).toHaveLength(expected.size); // one stage per key and organisation
  for (const s of registry) expect([s.name_ru, s.name_en]).toEqual([s.key, s.key]);
  for (const variant of VARIANTS.filter((v) => v !== null))
    expect(
      registry.some((s) => s.key === variant),
      JSON.stringify(variant),
    ).toBe(true);
  return registry.length;
}

describe.each(testDialects())('migration 0020_stages on %s', (dialect) => {
  let t: TestApp | undefined;
  const databases: string[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  afterAll(async () => {
    for (const name of databases) await admin(`drop database if exists ${name} with (force)`);
  });

  it('keeps every record’s stage and registers every key (a sample in two organisations)', async () => {
    t = await createTestApp({ dialect });
    for (const name of ['Альфа', 'Бета']) {
      const org = await createTestOrg(t.deps, name);
      const post = async (url: string, payload: object) => {
        const res = await call(t!.app, org.apiKey, { method: 'POST', url, payload });
        expect(res.statusCode, res.body).toBeLessThan(300);
        return res.json();
      };
      const client = await post('/api/v1/clients', { name: 'ООО Ромашка' });
      for (let i = 0; i < 12; i++)
        await post('/api/v1/feedback', {
          clientId: client.id,
          stage: 'доставка',
          score: { type: 'nps', value: i % 11 },
        });
      await post('/api/v1/feedback', { clientId: client.id, text: 'Без этапа' });
      await post('/api/v1/cases', { title: 'Вопрос', stage: 'оплата' });
      await post('/api/v1/calls', {
        externalId: 'pbx-1',
        startedAt: '2026-11-20T10:00:00+03:00',
        direction: 'in',
        answered: false,
        waitSeconds: 30,
        durationSeconds: 0,
        stage: 'поддержка',
      });
      await post('/api/v1/transactions', {
        externalId: 'doc-1',
        clientId: client.id,
        kind: 'sale',
        date: '2026-11-20',
        amount: 100,
        stage: 'заказ',
      });
      await post(`/api/v1/clients/${client.id}/requirements`, {
        category: 'delivery',
        text: 'До 17:00',
        stage: 'доставка',
      });
      await post('/api/v1/surveys', { name: 'NPS', metric: 'nps', stage: 'доставка' });
    }
    expect(await roundTrip(t.testDb.db, dialect)).toBeGreaterThan(10);
  }, 60_000);

  it('keeps every record’s stage on a copy of the demo data', async () => {
    let url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-0020-')), 'demo.db')}`;
    if (dialect === 'postgres') {
      const name = `cl_0020_${randomBytes(4).toString('hex')}`;
      await admin(`create database ${name}`);
      databases.push(name);
      url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    }
    await exec(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/demo/load-demo.ts'], {
      env: { ...process.env, DATABASE_URL: url },
    });
    const h = createDb(url);
    try {
      expect(
        Number(
          (
            await h.db
              .selectFrom('feedback')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(600);
      expect(await roundTrip(h.db, dialect)).toBeGreaterThanOrEqual(VARIANTS.length - 1);
    } finally {
      await h.close();
    }
  }, 180_000);
});

async function admin(text: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
