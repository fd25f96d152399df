// Refuse to run as a PostgreSQL superuser in production (issue 19): a superuser bypasses row
// rules, can read the server's files and run programs (COPY … PROGRAM), so one SQL injection would
// own the database host. Development and test may use one (the test database does).
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { DbHandle } from './create-db.ts';

export class SuperuserRefused extends Error {}

export async function refuseSuperuser(config: Config, handle: DbHandle): Promise<void> {
  if (handle.dialect !== 'postgres' || config.env !== 'production') return;
  const { rows } = await sql<{
    superuser: boolean;
    role: string;
  }>`select rolsuper as superuser, current_user as role from pg_roles where rolname = current_user`.execute(
    handle.db,
  );
  if (rows[0]?.superuser)
    throw new SuperuserRefused(
      `The database role "${rows[0].role}" is a PostgreSQL superuser; in production ClientLoop ` +
        'runs only as an ordinary role that owns its database (see README, PostgreSQL mode). ' +
        'Set NODE_ENV=development to run as a superuser anyway on a machine of your own.',
    );
}
