// Every SQLite transaction begins IMMEDIATE: it takes the write lock at BEGIN, waiting up to
// busy_timeout for another process (a separate worker, a second web process during a restart).
// Kysely begins with a plain (deferred) BEGIN, and a deferred transaction that reads before it
// writes fails at its first write with SQLITE_BUSY, without waiting, when another process
// committed in between: its snapshot is stale. That is how a web process restarted beside a busy
// worker failed to start ("database is locked", multi-process kill test). Within one process
// nothing changes: Kysely's SQLite driver runs one transaction at a time on its one connection.
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
