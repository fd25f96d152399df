// Replaces the value list of a named CHECK constraint, on both dialects. PostgreSQL drops and adds
// the constraint. SQLite cannot alter a constraint, so the table is rebuilt the documented way
// (https://sqlite.org/lang_altertable.html#otheralter): a copy created from the stored CREATE
// statement with the new check, the rows copied, the old table dropped, the copy renamed and the
// indexes created again from their stored statements — column order and names stay as they were.
// Only for tables no other table references (the drop would cascade or fail otherwise).
import { sql, type Kysely } from 'kysely';
import { dialectOf, oneOf } from './_portable.ts';

/** The text between the parentheses of `constraint "<name>" check (…)`, and where it starts and ends. */
function checkBody(createSql: string, name: string): { start: number; end: number } {
  const re = new RegExp(`constraint "?${name}"? check \\(`, 'i');
  const m = re.exec(createSql);
  if (!m) throw new Error(`No check ${name} in ${createSql.slice(0, 80)}…`);
  const start = m.index + m[0].length;
  let depth = 1;
  let end = start;
  while (depth > 0 && end < createSql.length) {
    if (createSql[end] === '(') depth += 1;
    else if (createSql[end] === ')') depth -= 1;
    end += 1;
  }
  return { start, end: end - 1 };
}

export async function replaceCheckList(
  db: Kysely<unknown>,
  table: string,
  name: string,
  column: string,
  values: readonly string[],
): Promise<void> {
  const check = oneOf(column, values);
  if (dialectOf(db) === 'postgres') {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(name)} check (${sql.raw(check)})`.execute(
      db,
    );
    return;
  }
  const { rows } = await sql<{ type: string; sql: string }>`
    select type, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
  const create = rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`No table ${table}`);
  const { start, end } = checkBody(create, name);
  const copy = `${table}__rebuilt`;
  const createCopy = (create.slice(0, start) + check + create.slice(end)).replace(
    /^create table "?[a-z_0-9]+"?/i,
    `create table "${copy}"`,
  );
  await sql.raw(createCopy).execute(db);
  await sql`insert into ${sql.table(copy)} select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(copy)} rename to ${sql.table(table)}`.execute(db);
  for (const index of rows.filter((r) => r.type === 'index')) await sql.raw(index.sql).execute(db);
}
