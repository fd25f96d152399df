// The eNPS anonymity test (issue 15, Done when): with 4 answers a team's eNPS is hidden; the
// answers table has no column or index that joins to employees (introspected on both dialects);
// the API never returns an individual answer (every response walked).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/types.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { pulseKit } from './pulse.fixtures.ts';

/** What an answer may hold: nothing that names a person, an invitation, a token or a time. */
const ANSWER_COLUMNS = ['comment', 'day', 'id', 'org_id', 'pulse_id', 'score', 'stage_key'];
const INDEXABLE = new Set(['id', 'org_id', 'pulse_id', 'stage_key', 'day']);

async function answerIndexes(db: Db, dialect: string): Promise<string[][]> {
  if (dialect === 'sqlite') {
    const names = await sql<{ name: string }>`
      select name from pragma_index_list('pulse_answers')`.execute(db);
    const out: string[][] = [];
    for (const { name } of names.rows) {
      const cols = await sql<{ name: string }>`select name from pragma_index_info(${name})`.execute(
        db,
      );
      out.push(cols.rows.map((c) => c.name));
    }
    return out;
  }
  const rows = await sql<{ cols: string[] }>`
    select array(select a.attname from unnest(i.indkey) k join pg_attribute a
                 on a.attrelid = i.indrelid and a.attnum = k)::text[] as cols
    from pg_index i where i.indrelid = 'pulse_answers'::regclass`.execute(db);
  return rows.rows.map((r) => r.cols);
}

async function answerForeignTables(db: Db, dialect: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const rows = await sql<{ table: string }>`
      select "table" from pragma_foreign_key_list('pulse_answers')`.execute(db);
    return rows.rows.map((r) => r.table).sort();
  }
  const rows = await sql<{ t: string }>`
    select confrelid::regclass::text as t from pg_constraint
    where conrelid = 'pulse_answers'::regclass and contype = 'f'`.execute(db);
  return rows.rows.map((r) => r.t.replace(/^.*\./, '').replace(/"/g, '')).sort();
}

/** Every key and every string of a JSON value. */
function walk(value: unknown, keys: Set<string>, strings: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) walk(v, keys, strings);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walk(v, keys, strings);
    }
  else if (typeof value === 'string') strings.add(value);
}

describe.each(testDialects())('eNPS anonymity on %s', (dialect) => {
  const { kit, setup, api, post, team, pulse, mailedLinks } = pulseKit(dialect);

  it('hides a team with 4 answers; no column or index of the answers joins to employees; no API answer is individual', async () => {
    await setup('2026-03-02T09:00:00Z');
    const delivery = await team('delivery', 4);
    const sales = await team('sales', 5);
    const p = await pulse({ stages: ['delivery', 'sales'] });
    expect(p).toMatchObject({ queued: 9, withoutEmail: 0 });
    const links = await mailedLinks(9);
    expect(links.size).toBe(9);

    kit.clock.set('2026-03-19T09:00:00Z');
    const scores = [10, 9, 3, 7];
    for (const [i, e] of delivery.entries())
      expect(
        (await post(links.get(e.email!)!, { score: String(scores[i]), comment: `доставка ${i}` }))
          .statusCode,
      ).toBe(200);
    for (const [i, e] of sales.entries())
      await post(links.get(e.email!)!, {
        score: String([10, 10, 9, 6, 8][i]),
        comment: `продажи ${i}`,
      });

    // 1. Four answers: hidden, with the reason, no value, no comments.
    const results = (
      await api('GET', `/api/v1/pulses/${p.id}/results?from=2026-03-01&to=2026-04-01`)
    ).json();
    const cell = (stage: string) => results.items.find((c: { stage: string }) => c.stage === stage);
    expect(cell('delivery')).toEqual({
      stage: 'delivery',
      period: '2026-03',
      answers: 4,
      hidden: true,
      reason: 'fewer_than_5_answers',
      enps: null,
      marginOfError: null,
      comments: [],
    });
    // Five answers: 3 promoters, 1 detractor of 5 → 40.0; comments in text order.
    expect(cell('sales')).toMatchObject({
      answers: 5,
      hidden: false,
      enps: 40,
      comments: ['продажи 0', 'продажи 1', 'продажи 2', 'продажи 3', 'продажи 4'],
    });
    const card = (
      await api('GET', '/api/v1/scorecard/employees?from=2026-03-01&to=2026-04-01')
    ).json();
    expect(card.items.find((c: { stage: string }) => c.stage === 'delivery')).toMatchObject({
      hidden: true,
      enps: null,
      answers: 4,
      target: null,
      status: null,
    });

    // 2. The schema: the answers table's columns, indexes and foreign keys.
    const db = kit.t.deps.db;
    const tables = await db.introspection.getTables();
    const answers = tables.find((t) => t.name === 'pulse_answers')!;
    expect(answers.columns.map((c) => c.name).sort()).toEqual(ANSWER_COLUMNS);
    for (const c of answers.columns)
      expect(c.name).not.toMatch(/employee|invit|token|user|contact|person|email|_at$|time/);
    const indexes = await answerIndexes(db, dialect);
    expect(indexes.length).toBeGreaterThan(0);
    for (const cols of indexes) for (const col of cols) expect(INDEXABLE).toContain(col);
    expect(await answerForeignTables(db, dialect)).toEqual(['orgs', 'pulses']);
    // The invitation keeps a hash and a flag: no time of use, no answer.
    const invitation = tables.find((t) => t.name === 'pulse_invitations')!;
    expect(invitation.columns.map((c) => c.name).sort()).toEqual([
      'created_at',
      'employee_id',
      'id',
      'org_id',
      'pulse_id',
      'stage_key',
      'token_hash',
      'used',
    ]);
    // No shared column joins the two besides the team and the pulse (many answers to many invitations).
    const shared = answers.columns
      .map((c) => c.name)
      .filter((n) => invitation.columns.some((c) => c.name === n));
    expect(shared.sort()).toEqual(['id', 'org_id', 'pulse_id', 'stage_key']);
    const rows = await db.selectFrom('pulse_answers').selectAll().execute();
    const invitationIds = new Set(
      (await db.selectFrom('pulse_invitations').select('id').execute()).map((r) => r.id),
    );
    for (const r of rows) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(invitationIds.has(r.id)).toBe(false);
      expect(r.day).toBe('2026-03-19');
    }
    if (dialect === 'sqlite') {
      const create = await sql<{
        sql: string;
      }>`select sql from sqlite_master where name = 'pulse_answers'`.execute(db);
      expect(create.rows[0]!.sql).toMatch(/without rowid\s*$/i);
    }

    // 3. Every API answer about pulses: no answer id, no answer day, no individual field.
    const responses = [
      (await api('GET', '/api/v1/pulses')).json(),
      (await api('GET', `/api/v1/pulses/${p.id}`)).json(),
      card,
      results,
    ];
    for (const period of ['month', 'quarter', 'year'])
      for (const url of [`/api/v1/pulses/${p.id}/results`, '/api/v1/scorecard/employees'])
        responses.push((await api('GET', `${url}?period=${period}`)).json());
    for (const stage of ['delivery', 'sales'])
      responses.push((await api('GET', `/api/v1/scorecard/employees?stage=${stage}`)).json());
    // The scorecard's drill-down: score counts of a shown team, nothing but the total of a hidden one.
    for (const [stage, items] of [
      ['delivery', 0],
      ['sales', 11],
    ] as const) {
      const drill = await api(
        'GET',
        `/api/v1/scorecard/records?stage=${stage}&metric=enps&period=2026-03`,
      );
      expect(drill.statusCode, drill.body).toBe(200);
      expect(drill.json().items).toHaveLength(items);
      responses.push(drill.json());
    }
    const keys = new Set<string>();
    const strings = new Set<string>();
    walk(responses, keys, strings);
    for (const k of [
      'score',
      'day',
      'employeeId',
      'invitationId',
      'token',
      'answeredAt',
      'employee',
    ])
      expect(keys).not.toContain(k);
    const everything = JSON.stringify(responses);
    for (const r of rows) expect(everything).not.toContain(r.id);
    for (const e of [...delivery, ...sales]) {
      expect(everything).not.toContain(e.id);
      expect(everything).not.toContain(e.email!);
    }
    expect(everything).not.toContain('2026-03-19');
    for (const c of ['доставка 0', 'доставка 1', 'доставка 2', 'доставка 3'])
      expect(everything).not.toContain(c);
    // The team counts say how many invitations were used, never which.
    expect((await api('GET', `/api/v1/pulses/${p.id}`)).json().teams).toEqual([
      { stage: 'delivery', invited: 4, answered: 4 },
      { stage: 'sales', invited: 5, answered: 5 },
    ]);
  });
});
