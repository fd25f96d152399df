// The writes of the satisfaction report's counts (ADR 020): rows added to the three tables (a
// negative count takes away). SQL text is built here and cached, as db/bulk.ts does for the
// intake's inserts: Kysely's builder compiled every row of every intake group anew (issue 20).
// - PostgreSQL: one statement for the tables of a call — an upsert per table from `unnest` of
//   column arrays, the first ones as data-modifying CTEs — run as a named prepared statement, so
//   an intake group costs one round trip and one plan whatever its row counts.
// - SQLite: one multi-row upsert per table and chunk (chunkSize); the text per chunk size is
//   cached here and its prepared statement by create-db.ts.
// Rows of one table must have distinct keys (an upsert may not touch a row twice): addFacts in
// report-counts.ts sums them first. Identifiers come from the code, values are bound.
import { CompiledQuery } from 'kysely';
import { dialectOf, preparedOnPostgres } from '../../db/create-db.ts';
import type { DbOrTrx, ScoreType } from '../../db/types.ts';

export interface ReportCountKey {
  utcMonth: string;
  stage: string;
  channel: string;
  scoreType: ScoreType;
  score: number;
  count: number;
}

/** The three tables: months, months by segment, days. */
export type ReportTable = 'months' | 'segments' | 'days';

export type ReportRow = ReportCountKey & { month?: string; segment?: string; day?: string };

const NAMES = {
  months: 'feedback_report_months',
  segments: 'feedback_report_segments',
  days: 'feedback_report_days',
} as const;

/** Columns after org_id, with their PostgreSQL types, and how a row gives each. */
const TAIL: [string, string, (r: ReportRow) => unknown][] = [
  ['utc_month', 'text', (r) => r.utcMonth],
  ['stage', 'text', (r) => r.stage],
  ['channel', 'text', (r) => r.channel],
  ['score_type', 'text', (r) => r.scoreType],
  ['score_value', 'integer', (r) => r.score],
];
const COLUMNS: Record<ReportTable, [string, string, (r: ReportRow) => unknown][]> = {
  months: [['month', 'text', (r) => r.month], ...TAIL],
  segments: [['month', 'text', (r) => r.month], ['segment', 'text', (r) => r.segment], ...TAIL],
  days: [['day', 'text', (r) => r.day], ...TAIL],
};
const N: [string, string, (r: ReportRow) => unknown] = ['n', 'integer', (r) => r.count];

const quoted = (cols: readonly [string, ...unknown[]][]) => cols.map(([c]) => `"${c}"`).join(', ');
const onConflict = (table: ReportTable) =>
  `on conflict ("org_id", ${quoted(COLUMNS[table])}) do update set "n" = "${NAMES[table]}"."n" + excluded."n"`;

const texts = new Map<string, string>();

/** The one PostgreSQL statement for these tables (in this order): $1 the organisation. */
function pgText(tables: readonly ReportTable[]): string {
  const key = `p|${tables.join(',')}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 1;
    const upserts = tables.map((table) => {
      const cols = [...COLUMNS[table], N];
      const arrays = cols.map(([, type]) => `$${++n}::${type}[]`).join(', ');
      return `insert into "${NAMES[table]}" ("org_id", ${quoted(cols)}) select $1::uuid, * from unnest(${arrays}) ${onConflict(table)}`;
    });
    const last = upserts.pop()!;
    text = upserts.length
      ? `with ${upserts.map((u, i) => `w${i} as (${u})`).join(', ')} ${last}`
      : last;
    preparedOnPostgres(text);
    texts.set(key, text);
  }
  return text;
}

function sqliteText(table: ReportTable, rows: number): string {
  const key = `s|${table}|${rows}`;
  let text = texts.get(key);
  if (text === undefined) {
    const cols = [...COLUMNS[table], N];
    const tuple = `(${['org_id', ...cols].map(() => '?').join(', ')})`;
    text = `insert into "${NAMES[table]}" ("org_id", ${quoted(cols)}) values ${Array(rows).fill(tuple).join(', ')} ${onConflict(table)}`;
    texts.set(key, text);
  }
  return text;
}

/**
 * Rows in the next SQLite statement: a small table of an intake group goes whole (one statement),
 * a larger one in power-of-two chunks up to 512 rows (nine parameters each, under SQLite's
 * 32 766) — so each table has at most 16 + 6 statement texts, and the cache here and the
 * prepared statements of create-db.ts (500) are not filled with one text per row count.
 */
const chunkSize = (left: number) => {
  if (left <= 16) return left;
  let size = 512;
  while (size > left) size /= 2;
  return size;
};

/** Adds the rows of each table given (counts summed onto the stored ones). */
export async function upsertReportRows(
  db: DbOrTrx,
  orgId: string,
  byTable: Partial<Record<ReportTable, readonly ReportRow[]>>,
): Promise<void> {
  const tables = (Object.keys(NAMES) as ReportTable[]).filter((t) => byTable[t]?.length);
  if (tables.length === 0) return;
  if (dialectOf(db) === 'postgres') {
    const params: unknown[] = [orgId];
    for (const table of tables)
      for (const [, , value] of [...COLUMNS[table], N]) params.push(byTable[table]!.map(value));
    await db.executeQuery(CompiledQuery.raw(pgText(tables), params));
    return;
  }
  for (const table of tables) {
    const rows = byTable[table]!;
    const cols = [...COLUMNS[table], N];
    for (let at = 0; at < rows.length;) {
      const chunk = rows.slice(at, (at += chunkSize(rows.length - at)));
      const params: unknown[] = [];
      for (const r of chunk) {
        params.push(orgId);
        for (const [, , value] of cols) params.push(value(r));
      }
      await db.executeQuery(CompiledQuery.raw(sqliteText(table, chunk.length), params));
    }
  }
}
