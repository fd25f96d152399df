// SQL of the stage-money rollup (migration 0035, ADR 014): increments of member, buy and group
// rows, the lookups a change needs, the grouped read of the scorecard, and the set-based rebuild.
// orgId first.
import { sql } from 'kysely';
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

/** Adds the deltas to member rows; returns each row's sales after the change. */
export async function addMembers(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (MemberKey & MemberSums)[],
): Promise<(MemberKey & { sales: number })[]> {
  const out: (MemberKey & { sales: number })[] = [];
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

/** Adds the deltas to buy rows; returns each row's sales after the change. */
export async function addBuys(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (BuyKey & { sales: number })[],
): Promise<(BuyKey & { sales: number })[]> {
  const out: (BuyKey & { sales: number })[] = [];
  for (const part of chunks(rows))
    out.push(
      ...(await db
        .insertInto('economics_client_buys')
        .values(part.map((r) => ({ org_id: orgId, ...r })))
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'client_id', 'span', 'period'])
            .doUpdateSet(increment('economics_client_buys', ['sales'])),
        )
        .returning(['client_id', 'span', 'period', 'sales'])
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

/** Member rows (every stage) of the (client, span, period) cells. */
export async function membersAt(db: DbOrTrx, orgId: string, cells: readonly BuyKey[]) {
  const out: (MemberKey & MemberSums)[] = [];
  for (const part of chunks(cells, 300))
    out.push(
      ...(await db
        .selectFrom('economics_stage_members')
        .select(['client_id', 'span', 'period', 'stage', ...MEMBER_SUMS])
        .where((eb) =>
          eb.or(
            part.map((c) =>
              eb.and([
                eb('org_id', '=', orgId),
                eb('client_id', '=', c.client_id),
                eb('span', '=', c.span),
                eb('period', '=', c.period),
              ]),
            ),
          ),
        )
        .execute()),
    );
  return out;
}

/** Buy rows of the (client, span, period) cells (cells without one are left out). */
export async function buysAt(db: DbOrTrx, orgId: string, cells: readonly BuyKey[]) {
  const out: (BuyKey & { sales: number })[] = [];
  for (const part of chunks(cells, 300))
    out.push(
      ...(await db
        .selectFrom('economics_client_buys')
        .select(['client_id', 'span', 'period', 'sales'])
        .where((eb) =>
          eb.or(
            part.map((c) =>
              eb.and([
                eb('org_id', '=', orgId),
                eb('client_id', '=', c.client_id),
                eb('span', '=', c.span),
                eb('period', '=', c.period),
              ]),
            ),
          ),
        )
        .execute()),
    );
  return out;
}

/** Every member and buy row of the clients (a client moving to another group). */
export async function clientRows(db: DbOrTrx, orgId: string, clientIds: readonly string[]) {
  const members: (MemberKey & MemberSums)[] = [];
  const buys: (BuyKey & { sales: number })[] = [];
  for (const part of chunks(clientIds)) {
    members.push(
      ...(await db
        .selectFrom('economics_stage_members')
        .select(['client_id', 'span', 'period', 'stage', ...MEMBER_SUMS])
        .where('org_id', '=', orgId)
        .where('client_id', 'in', part)
        .execute()),
    );
    buys.push(
      ...(await db
        .selectFrom('economics_client_buys')
        .select(['client_id', 'span', 'period', 'sales'])
        .where('org_id', '=', orgId)
        .where('client_id', 'in', part)
        .execute()),
    );
  }
  return { members, buys };
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
