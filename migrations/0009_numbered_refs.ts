// Numbered public references (issue 6). A feedback record's reference was 50 random bits, and the
// unique index on it took one random page per record, written whole to the WAL at every commit.
// Now a record gets a number from a counter; its reference is the number under a keyed
// permutation (server/lib/public-ref.ts), and the unique index holds 'N' + the number, so new
// entries append at its right edge. The column keeps its index under the name ref_key; records
// stored before keep their random reference as their key. public_ref becomes a plain column with
// the reference shown to people, filled for every record.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feedback').renameColumn('public_ref', 'ref_key').execute();
  // Nullable only because SQLite cannot add a NOT NULL column without a default; intake fills it.
  await db.schema.alterTable('feedback').addColumn('public_ref', 'text').execute();
  await sql`update feedback set public_ref = ref_key`.execute(db);

  // Settings that must never change once used: the references' key and, on SQLite, the last
  // record number given. PostgreSQL numbers from a sequence, which no transaction holds locked.
  const at = new Date().toISOString();
  const setting = (key: string, value: string) =>
    sql`insert into instance_settings (key, value, updated_at) values (${key}, ${value}, ${at})`.execute(
      db,
    );
  await setting('feedback_ref_key', randomBytes(16).toString('hex'));
  if (dialectOf(db) === 'postgres') await sql`create sequence feedback_ref_numbers`.execute(db);
  else await setting('feedback_ref_last', '0');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`drop sequence feedback_ref_numbers`.execute(db);
  await sql`delete from instance_settings where key in ('feedback_ref_key', 'feedback_ref_last')`.execute(
    db,
  );
  // The reference people were given becomes the key again.
  await sql`update feedback set ref_key = public_ref`.execute(db);
  await db.schema.alterTable('feedback').dropColumn('public_ref').execute();
  await db.schema.alterTable('feedback').renameColumn('ref_key', 'public_ref').execute();
}
