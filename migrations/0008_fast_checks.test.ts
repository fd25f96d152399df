// 0008: IN-list checks become OR chains on SQLite (fresh and older databases alike) and keep
// rejecting what they rejected before, on both dialects.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { FeedbackTable } from '../server/db/types.ts';
import { createTestDb, testDialects, type TestDb } from '../tests/support/db.ts';
import { migrateDownThrough } from '../tests/support/migrate.ts';
import { orFormChecks, rewriteInChecks } from './0008_fast_checks.ts';

const AT = '2026-02-01T10:00:00.000Z';
const ORG = '01950000-0000-7000-8000-000000000001';

describe('orFormChecks', () => {
  it('rewrites IN lists of string literals, quoted or not, and leaves everything else alone', () => {
    expect(orFormChecks(`create table t (a text, constraint c check (a in ('x', 'y')))`)).toBe(
      `create table t (a text, constraint c check ((a = 'x' or a = 'y')))`,
    );
    expect(orFormChecks(`check (s is null or "s" in ('it''s', 'b'))`)).toBe(
      `check (s is null or ("s" = 'it''s' or "s" = 'b'))`,
    );
    expect(orFormChecks(`check (n in (1, 2))`)).toBe(`check (n in (1, 2))`);
    expect(orFormChecks(`create table t (a text default 'in (x)')`)).toBe(
      `create table t (a text default 'in (x)')`,
    );
  });
});

describe('rewriteInChecks on a database file created with IN checks', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every row, enforces the same values and lets an open connection go on with the new schema', () => {
    dir = mkdtempSync(join(tmpdir(), 'cl-0008-'));
    const file = join(dir, 'old.db');
    const app = openSqlite(file);
    app.exec(
      `create table jobs (id integer primary key, status text not null, constraint jobs_status_check check (status in ('queued', 'done', 'failed')))`,
    );
    const insert = app.prepare('insert into jobs (status) values (?)');
    for (const s of ['queued', 'done', 'failed']) insert.run(s);

    expect(rewriteInChecks(file)).toEqual(['jobs']);

    const schema = (
      app.prepare(`select sql from sqlite_schema where name = 'jobs'`).get() as { sql: string }
    ).sql;
    expect(schema).toContain(`(status = 'queued' or status = 'done' or status = 'failed')`);
    expect(schema).not.toMatch(/ in \(/);
    // The statement prepared before the rewrite is re-prepared against the new schema.
    insert.run('done');
    expect(() => insert.run('lost')).toThrow(/CHECK constraint failed: jobs_status_check/);
    expect(app.prepare('select status from jobs order by id').pluck().all()).toEqual([
      'queued',
      'done',
      'failed',
      'done',
    ]);
    app.close();

    // A second run finds nothing to do, and a fresh connection agrees the file is sound.
    expect(rewriteInChecks(file)).toEqual([]);
    const fresh = new Database(file, { readonly: true });
    expect(fresh.pragma('integrity_check', { simple: true })).toBe('ok');
    fresh.close();
  });
});

describe('migration 0008_fast_checks upgrading an older SQLite file', () => {
  let t: TestDb;
  let dir: string;
  afterEach(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns the IN-list checks written by 0001–0007 into OR chains', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cl-0008-'));
    const file = join(dir, 'older.db');
    t = await createTestDb('sqlite', { sqlitePath: file });
    await migrateDownThrough(t.db, '0008_fast_checks');
    // Put feedback's checks back the way 0002 wrote them before oneOf changed.
    const old = new Database(file);
    old.unsafeMode(true);
    const version = old.pragma('schema_version', { simple: true }) as number;
    old.pragma('writable_schema = ON');
    const current = (
      old.prepare(`select sql from sqlite_schema where name = 'feedback'`).get() as { sql: string }
    ).sql;
    const asIn = current.replace(
      /\((channel|score_type) = ('[^']*')((?: or \1 = '[^']*')*)\)/g,
      (_m, col: string, first: string, rest: string) =>
        `${col} in (${[first, ...rest.split(` or ${col} = `).slice(1)].join(', ')})`,
    );
    expect(asIn).toContain(`channel in ('api', 'survey'`);
    old.prepare(`update sqlite_schema set sql = ? where name = 'feedback'`).run(asIn);
    old.pragma(`schema_version = ${version + 1}`);
    old.close();

    expect((await migrateToLatest(t.db)).slice(0, 2)).toEqual([
      '0008_fast_checks',
      '0009_numbered_refs',
    ]);
    const { rows } = await sql<{
      sql: string;
    }>`select sql from sqlite_schema where name = 'feedback'`.execute(t.db);
    expect(rows[0]!.sql).not.toMatch(/ in \(/);
    // What 0009 did since (public_ref renamed to ref_key, a new public_ref) and 0041's
    // topic_sentiments column are all that differ.
    expect(
      rows[0]!.sql
        .replace(/"ref_key"/, '"public_ref"')
        .replace(/, "public_ref" text(?=[,)])/, '')
        .replace(/, "topic_sentiments" text(?=[,)])/, ''),
    ).toBe(current);
  });
});

describe.each(testDialects())('migration 0008_fast_checks on %s', (dialect) => {
  let t: TestDb;
  let dir: string | undefined;
  afterEach(async () => {
    await t?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no IN-list check behind on SQLite and the checks still reject unknown values', async () => {
    if (dialect === 'sqlite') dir = mkdtempSync(join(tmpdir(), 'cl-0008-'));
    t = await createTestDb(dialect, dir ? { sqlitePath: join(dir, 'fresh.db') } : {});
    if (dialect === 'sqlite') {
      const { rows } = await sql<{
        name: string;
      }>`select name from sqlite_schema where type = 'table' and sql like '% in (''%'`.execute(
        t.db,
      );
      expect(rows).toEqual([]);
    }
    await t.db
      .insertInto('orgs')
      .values({ id: ORG, name: 'Org', default_language: 'ru', created_at: AT })
      .execute();
    // Deliberately loose types: the test stores values the schema must refuse.
    const row = (channel: string, score_type: string | null): FeedbackTable =>
      ({
        id: `01950000-0000-7000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
        org_id: ORG,
        public_ref: `CL-${Math.random().toString(36).slice(2, 12)}`,
        ref_key: `CL-${Math.random().toString(36).slice(2, 12)}`,
        channel,
        client_id: null,
        contact_id: null,
        stage: null,
        survey_id: null,
        score_type,
        score_value: score_type ? 5 : null,
        text: null,
        language: null,
        sentiment_label: null,
        sentiment_score: null,
        topics: '[]',
        source_id: null,
        raw: null,
        case_id: null,
        acknowledged_at: null,
        received_at: AT,
        created_at: AT,
      }) as unknown as FeedbackTable;
    await t.db.insertInto('feedback').values(row('phone', null)).execute();
    await t.db.insertInto('feedback').values(row('api', 'csat')).execute();
    await expect(t.db.insertInto('feedback').values(row('fax', null)).execute()).rejects.toThrow(
      /feedback_channel_check/,
    );
    await expect(t.db.insertInto('feedback').values(row('api', 'stars')).execute()).rejects.toThrow(
      /feedback_score_type_check/,
    );
    expect(
      await t.db.selectFrom('feedback').select('channel').orderBy('channel').execute(),
    ).toEqual([{ channel: 'api' }, { channel: 'phone' }]);
  });
});
