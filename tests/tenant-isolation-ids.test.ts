// The tenant boundary for ids given in request bodies and query strings (tenant-isolation.test.ts
// covers ids in paths): organisation B naming one of A's clients, contacts, people, cases or
// records — or an id that exists nowhere — in a body gets 404 not_found and nothing is written;
// in a query-string filter it gets the same 404 not_found (naming the parameter), never rows.
// The id fields come from the routes' own schemas, so a new id field without a fixture
// (server/modules/*/*.isolation.ts) fails here.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';
import {
  idFieldsOf,
  kindOfIdField,
  leaksIn,
  seedResources,
  type ForeignIds,
  type IdFieldFixtures,
} from './support/isolation.ts';

const modules = import.meta.glob<{ idFieldFixtures?: IdFieldFixtures }>(
  '../server/modules/*/*.isolation.ts',
  { eager: true },
);
const FIXTURES: IdFieldFixtures = Object.assign(
  {},
  ...Object.values(modules).map((m) => m.idFieldFixtures ?? {}),
);
const NOWHERE = '01a206ea-dd6a-7001-8c1b-5f588a061bc6';

const routesWithIdFields = (t: TestApp) =>
  t.app.routeCatalog
    .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')
    .map((r) => ({ key: `${r.method} ${r.url}`, method: r.method, fields: idFieldsOf(r) }))
    .filter((r) => r.fields.length > 0);

function withQuery(url: string, field: string, value: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${field}=${encodeURIComponent(value)}`;
}

describe('the id-field walk', () => {
  it('finds nested, array and query id fields, and knows no kind for a field nobody mapped', () => {
    const planted = {
      body: z.object({
        title: z.string(),
        externalId: z.string(),
        party: z.object({ clientId: z.uuid() }).optional(),
        contactIds: z.array(z.uuid()),
        widgetId: z.uuid(),
      }),
      querystring: z.object({ caseId: z.uuid().optional(), limit: z.number() }),
    };
    expect(idFieldsOf(planted)).toEqual([
      'body.party.clientId',
      'body.contactIds',
      'body.widgetId',
      'query.caseId',
    ]);
    // A new kind of id field fails the fixture test above until someone maps and covers it.
    expect(kindOfIdField('body.widgetId')).toBeUndefined();
    expect(kindOfIdField('body.contactIds')).toBe('contact');
  });
});

describe.each(testDialects())('tenant isolation of body and query ids on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let aIds: ForeignIds;
  let bIds: ForeignIds;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    a = await createTestOrg(t.deps, 'alpha');
    b = await createTestOrg(t.deps, 'beta');
    aIds = await seedResources(t, a);
    bIds = await seedResources(t, b);
  });
  afterAll(async () => t?.close());

  it('finds the id fields in the route schemas, and every one has a fixture and a known kind', () => {
    const routes = routesWithIdFields(t);
    // POST /cases, POST /feedback, GET /messages … : far fewer would mean the walk broke.
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.map((r) => r.key)).toContain('POST /api/v1/cases');
    for (const r of routes) {
      expect(FIXTURES, r.key).toHaveProperty([r.key]);
      for (const f of r.fields) expect(kindOfIdField(f, r.key), `${r.key} ${f}`).toBeDefined();
    }
  });

  it("refuses A's ids and unknown ids in bodies with 404 not_found, and writes nothing", async () => {
    let checked = 0;
    const failures: string[] = [];
    for (const route of routesWithIdFields(t)) {
      for (const field of route.fields.filter((f) => f.startsWith('body.'))) {
        const name = field.slice('body.'.length);
        const kind = kindOfIdField(field, route.key)!;
        const label = `${route.key} ${field}`;
        for (const [who, id] of [
          ["A's", aIds[kind]],
          ['unknown', NOWHERE],
        ] as const) {
          const target = await FIXTURES[route.key]!(t, b, bIds);
          const payload = { ...target.body, [name]: name.endsWith('Ids') ? [id] : id };
          const before = await snapshot(target.readBack);
          const res = await call(t.app, b.apiKey, {
            method: route.method as 'POST',
            url: target.url,
            payload,
          });
          const problem = `${label} with ${who} id`;
          if (res.statusCode !== 404 || res.json().code !== 'not_found')
            failures.push(`${problem}: ${res.statusCode} ${res.json().code}`);
          else expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
          if (leaksIn(res.body, aIds.needles).length) failures.push(`${problem}: answer names A's`);
          const after = await snapshot(target.readBack);
          if (JSON.stringify(after) !== JSON.stringify(before))
            failures.push(`${problem}: wrote something`);
        }
        // The control: the same body with B's own id goes through, so the 404 above was the id's.
        const target = await FIXTURES[route.key]!(t, b, bIds);
        const own = bIds[kind];
        const res = await call(t.app, b.apiKey, {
          method: route.method as 'POST',
          url: target.url,
          payload: { ...target.body, [name]: name.endsWith('Ids') ? [own] : own },
        });
        if (res.statusCode >= 300) failures.push(`${label} with B's own id: ${res.body}`);
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it("refuses A's client in a batch item like in a single record, and writes none of it", async () => {
    const before = await snapshot();
    const res = await call(t.app, b.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items: [{ clientId: aIds.client, text: 'Чужой клиент' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].error.code).toBe('not_found');
    expect(leaksIn(res.body, aIds.needles)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses A's ids and unknown ids in query-string filters with 404 not_found", async () => {
    let checked = 0;
    const failures: string[] = [];
    for (const route of routesWithIdFields(t)) {
      for (const field of route.fields.filter((f) => f.startsWith('query.'))) {
        const name = field.slice('query.'.length);
        const kind = kindOfIdField(field, route.key)!;
        const label = `${route.key} ${field}`;
        const target = await FIXTURES[route.key]!(t, b, bIds);
        const itemsOf = target.itemsOf ?? ((body: { items: unknown[] }) => body.items);
        const rowsOf = (r: Awaited<ReturnType<typeof call>>) =>
          target.itemsOfFile
            ? target.itemsOfFile(r.rawPayload)
            : Promise.resolve(itemsOf(r.json()));
        // The control: A's own filter finds A's rows, so the refusal below is about the id alone.
        const mine = await call(t.app, a.apiKey, {
          method: 'GET',
          url: withQuery(target.url, name, aIds[kind]),
        });
        expect(mine.statusCode, `${label}: ${mine.body}`).toBe(200);
        expect((await rowsOf(mine)).length, `${label}: A's filter finds nothing`).toBeGreaterThan(
          0,
        );
        // SECURITY.md: B gets 404 for A's ids in paths, bodies and query strings — the same answer
        // as for an id that exists nowhere, never a 200 that looks like "no rows yet".
        for (const [who, id] of [
          ["A's", aIds[kind]],
          ['unknown', NOWHERE],
        ] as const) {
          const res = await call(t.app, b.apiKey, {
            method: 'GET',
            url: withQuery(target.url, name, id),
          });
          const problem = `${label} with ${who} id`;
          if (res.statusCode !== 404 || res.json().code !== 'not_found')
            failures.push(`${problem}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (!/^application\/problem\+json/.test(String(res.headers['content-type'])))
            failures.push(`${problem}: not a problem: ${res.headers['content-type']}`);
          else if (res.json().invalidParams?.[0]?.name !== field)
            failures.push(`${problem}: names ${JSON.stringify(res.json().invalidParams)}`);
          if (leaksIn(res.body, aIds.needles).length) failures.push(`${problem}: answer names A's`);
        }
        // B's own id is a filter like any other.
        const own = await call(t.app, b.apiKey, {
          method: 'GET',
          url: withQuery(target.url, name, bIds[kind]),
        });
        if (own.statusCode !== 200) failures.push(`${label} with B's own id: ${own.statusCode}`);
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  /** Row counts of every table, plus B's view of the resource a PATCH would change. */
  async function snapshot(readBack?: string): Promise<unknown> {
    // Not db.introspection: on PostgreSQL it reads every schema, and parallel suites drop theirs.
    const { rows } = t.testDb.pgSchema
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.deps.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
          t.deps.db,
        );
    const tables = rows
      .map((r) => r.name)
      .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
      .sort();
    const counts: Record<string, number> = {};
    for (const name of tables) {
      const row = await t.deps.db
        .selectFrom(name as 'orgs')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[name] = Number(row.n);
    }
    if (!readBack) return counts;
    const res = await call(t.app, b.apiKey, { method: 'GET', url: readBack });
    return { counts, readBack: res.json() };
  }
});
