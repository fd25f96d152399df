// SQL of the stage-money rollup (migration 0035, ADR 014): increments of member and group rows, the lookups a change needs, the grouped read of the scorecard, and the set-based rebuild.
// orgId first.
import { sql } from 'kysely';
import { dialectOf } from '../../db/create-db.ts';
import type { DbOrTrx } from '../../db/types.ts';
import type { BuyKey, GroupKey, GroupSums, MemberKey, MemberSums } from './stage-rollup-deltas.ts';

const MEMBER_SUMS = ['revenue_minor', 'documents', 'sales', 'due', 'on_time'] as const;
const GROUP_SUMS = ['revenue_minor', 'documents', 'paying', 'retained', 'due', 'on_time'] as const;
const CHUNK = 500;
const chunks = <T>(list: readonly T[], size = CHUNK) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, i * size + size),
  );
const increment = (table: string, columns: readonly string[]) =>
  Object.fromEntries(
    columns.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + excluded.${sql.ref(c)}`]),
  );

/**
 * On PostgreSQL, the upsert of `rows` as one statement whatever their number: the columns go as
 * one array parameter each (`insert … select … from unnest(…)`), in the rows' order (key order:
 * StageDelta.changed), instead of 500-row VALUES lists built by the query builder — a batch of
 * 1000 staged sales of random clients writes 2000 member rows (a month's and a quarter's).
 */
async function pgUpsert<R>(
  db: DbOrTrx,
  orgId: string,
  table: string,
  keys: readonly (readonly [string, string])[],
  sums: readonly (readonly [string, string])[],
  rows: readonly Record<string, unknown>[],
  returning: readonly string[],
): Promise<R[]> {
  const columns = [...keys, ...sums];
  const arrays = columns.map(([c, type]) => sql`${rows.map((r) => r[c])}::${sql.raw(type)}[]`);
  const names = sql.join(columns.map(([c]) => sql.ref(c)));
  const res = await sql<R>`insert into ${sql.table(table)} (org_id, ${names})
    select ${orgId}, * from unnest(${sql.join(arrays)})
    on conflict (org_id, ${sql.join(keys.map(([c]) => sql.ref(c)))}) do update set ${sql.join(
      sums.map(([c]) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + excluded.${sql.ref(c)}`),
    )}
    returning ${sql.join(returning.map((c) => sql.ref(c)))}`.execute(db);
  return res.rows;
}

const MEMBER_KEYS = [
  ['client_id', 'uuid'],
  ['span', 'int'],
  ['period', 'int'],
  ['stage', 'text'],
] as const;
const MEMBER_TYPES = [
  ['revenue_minor', 'bigint'],
  ['documents', 'int'],
  ['sales', 'int'],
  ['due', 'int'],
  ['on_time', 'int'],
] as const;

/** Adds the deltas to member rows; returns each row's sales after the change. */
export async function addMembers(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (MemberKey & MemberSums)[],
): Promise<(MemberKey & { sales: number })[]> {
  const out: (MemberKey & { sales: number })[] = [];
  if (dialectOf(db) === 'postgres' && rows.length > 0)
    out.push(
      ...(await pgUpsert<MemberKey & { sales: number }>(
        db,
        orgId,
        'economics_stage_members',
        MEMBER_KEYS,
        MEMBER_TYPES,
        rows as unknown as Record<string, unknown>[],
        ['client_id', 'span', 'period', 'stage', 'sales'],
      )),
    );
  else
    for (const part of chunks(rows))
      out.push(
        ...(await db
          .insertInto('economics_stage_members')
          .values(part.map((r) => ({ org_id: orgId, ...r })))
          .onConflict((oc) =>
            oc
              .columns(['org_id', 'client_id', 'span', 'period', 'stage'])
              .doUpdateSet(increment('economics_stage_members', MEMBER_SUMS)),
          )
          .returning(['client_id', 'span', 'period', 'stage', 'sales'])
          .execute()),
      );
  return out.map((r) => ({ ...r, client_id: String(r.client_id), sales: Number(r.sales) }));
}

export async function addGroups(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (GroupKey & GroupSums)[],
): Promise<void> {
  for (const part of chunks(rows))
    await db
      .insertInto('economics_stage_groups')
      .values(part.map((r) => ({ org_id: orgId, ...r })))
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'span', 'period', 'stage', 'segment', 'manager'])
          .doUpdateSet(increment('economics_stage_groups', GROUP_SUMS)),
      )
      .execute();
}

/**
 * Rows of `table` at the (client, span, period) cells: on PostgreSQL one query with the cells as
 * three array parameters (an OR chain of 1000 cells took ≈ 175 ms there), on SQLite OR chains
 * of 300 cells, each branch on the primary key.
 */
async function rowsAt<T>(
  db: DbOrTrx,
  table: 'economics_stage_members',
  columns: readonly string[],
  orgId: string,
  cells: readonly BuyKey[],
): Promise<T[]> {
  const unique = [...new Map(cells.map((c) => [`${c.client_id}|${c.span}|${c.period}`, c]))];
  const list = unique.map(([, c]) => c);
  if (list.length === 0) return [];
  const cols = sql.join(columns.map((c) => sql.ref(`t.${c}`)));
  if (dialectOf(db) === 'postgres') {
    const ids = list.map((c) => c.client_id);
    const spans = list.map((c) => c.span);
    const periods = list.map((c) => c.period);
    // Each cell probed through the primary key whatever the statistics say: OFFSET 0 keeps the
    // lateral subquery from being flattened into a join the planner could make a scan.
    const res = await sql<T>`select t.* from
      unnest(${ids}::uuid[], ${spans}::int[], ${periods}::int[]) as k(c, s, p)
      cross join lateral (select ${cols} from ${sql.table(table)} t
        where t.org_id = ${orgId} and t.client_id = k.c and t.span = k.s and t.period = k.p
        offset 0) t`.execute(db);
    return res.rows;
  }
  const out: T[] = [];
  for (const part of chunks(list, 300)) {
    const branches = part.map(
      (c) =>
        sql`(t.org_id = ${orgId} and t.client_id = ${c.client_id} and t.span = ${c.span} and t.period = ${c.period})`,
    );
    const res = await sql<T>`select ${cols} from ${sql.table(table)} t
      where ${sql.join(branches, sql` or `)}`.execute(db);
    out.push(...res.rows);
  }
  return out;
}

/** Member rows (every stage) of the (client, span, period) cells. */
export const membersAt = (db: DbOrTrx, orgId: string, cells: readonly BuyKey[]) =>
  rowsAt<MemberKey & MemberSums>(
    db,
    'economics_stage_members',
    ['client_id', 'span', 'period', 'stage', ...MEMBER_SUMS],
    orgId,
    cells,
  );

/** Every member row of the clients (a client moving to another group). */
export async function clientMembers(db: DbOrTrx, orgId: string, clientIds: readonly string[]) {
  const members: (MemberKey & MemberSums)[] = [];
  for (const part of chunks(clientIds))
    members.push(
      ...(await db
        .selectFrom('economics_stage_members')
        .select(['client_id', 'span', 'period', 'stage', ...MEMBER_SUMS])
        .where('org_id', '=', orgId)
        .where('client_id', 'in', part)
        .execute()),
    );
  return members;
}

/** Per stage and period of [from, to) (periods of `span`): the sums of the matching groups. */
export async function groupSums(
  db: DbOrTrx,
  orgId: string,
  q: { span: number; from: number; to: number; stage?: string; segment?: string; manager?: string },
) {
  let query = db
    .selectFrom('economics_stage_groups')
    .select((eb) => ['stage', 'period', ...GROUP_SUMS.map((c) => eb.fn.sum<number>(c).as(c))])
    .where('org_id', '=', orgId)
    .where('span', '=', q.span)
    .where('period', '>=', q.from)
    .where('period', '<', q.to)
    .groupBy(['stage', 'period']);
  if (q.stage !== undefined) query = query.where('stage', '=', q.stage);
  if (q.segment !== undefined) query = query.where('segment', '=', q.segment);
  if (q.manager !== undefined) query = query.where('manager', '=', q.manager);
  return (await query.execute()).map((r) => ({
    stage: r.stage,
    period: Number(r.period),
    ...(Object.fromEntries(GROUP_SUMS.map((c) => [c, Number(r[c] ?? 0)])) as unknown as GroupSums),
  }));
}
