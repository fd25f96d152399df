// Query plans in tests (issue 20, migration 0047): the SQL a repo function runs, captured through
// a plugin, and the plan each dialect makes for it — EXPLAIN QUERY PLAN on SQLite, EXPLAIN on
// PostgreSQL with sequential scans priced out (a test table is tiny: a sequential scan would win
// whatever the indexes), so a test can say which index a read walks.
import { CompiledQuery, sql, type Kysely, type KyselyPlugin } from 'kysely';
import type { DB } from '../../server/db/types.ts';

/** `db` with every query it compiles kept in `queries`, in order. */
export function capturing(db: Kysely<DB>): { db: Kysely<DB>; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), queries };
}

/** The plan's text, one line per step. */
export async function planOf(
  db: Kysely<DB>,
  dialect: 'sqlite' | 'postgres',
  q: CompiledQuery,
): Promise<string> {
  if (dialect === 'sqlite') {
    const r = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
    );
    return r.rows.map((x) => x.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]),
    );
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
}
