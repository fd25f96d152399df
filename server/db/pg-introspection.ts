// Kysely's PostgreSQL introspector reads the tables of every schema in the database and calls
// pg_get_serial_sequence('schema.table', …) on each. A schema dropped meanwhile by another
// process — a parallel test file, another tenant's tooling — makes that call fail with 42P01
// ("relation … does not exist") although nothing of ours is missing; the migrator's table check
// then fails a migration at random. A column renamed meanwhile in another schema (a migration
// running there: 0042 renames webhooks.secret) fails the same call with 42703 ("column … of
// relation … does not exist", seen in CI). The catalogue read is retried: the race lasts one
// DROP or ALTER.
import {
  PostgresDialect,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
} from 'kysely';

/** undefined_table, undefined_column: another schema's object vanished between catalogue reads. */
const RACE_CODES = new Set(['42P01', '42703']);
const ATTEMPTS = 5;

async function retried<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (!RACE_CODES.has((err as { code?: string }).code ?? '') || attempt >= ATTEMPTS) throw err;
    }
  }
}

export class RetryingIntrospector implements DatabaseIntrospector {
  constructor(private readonly inner: DatabaseIntrospector) {}
  getSchemas() {
    return retried(() => this.inner.getSchemas());
  }
  getTables(options?: DatabaseMetadataOptions) {
    return retried(() => this.inner.getTables(options));
  }
  getMetadata(options?: DatabaseMetadataOptions) {
    return retried(() => this.inner.getMetadata(options));
  }
}

export class PostgresDialectWithStableIntrospection extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new RetryingIntrospector(super.createIntrospector(db));
  }
}
