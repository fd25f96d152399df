// createTestApp({ dialect }): the real app on a real database, driven with app.inject().
// Only the clock is fake when a test asks for it.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { startWalCheckpointer } from '../../server/db/checkpointer.ts';
import { createDeps, type Deps } from '../../server/deps.ts';
import type { Dialect } from '../../server/db/create-db.ts';
import type { Clock } from '../../server/lib/clock.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { loadStatusLinkKeys } from '../../server/lib/status-link.ts';
import { loadSecretKeys } from '../../server/lib/secret-box-start.ts';
import { createOrganisation } from '../../server/modules/orgs/index.ts';
import { createTestDb, type TestDb } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  testDb: TestDb;
  close(): Promise<void>;
}

export async function createTestApp(opts: {
  dialect: Dialect;
  clock?: Clock;
  env?: Record<string, string>;
  sqlitePath?: string;
}): Promise<TestApp> {
  const testDb = await createTestDb(opts.dialect, { sqlitePath: opts.sqlitePath });
  const config = loadConfig({
    DATABASE_URL: testDb.url,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...opts.env,
  });
  const deps = createDeps(config, {
    dbHandle: testDb,
    clock: opts.clock,
    log: createLogger('silent'),
  });
  await loadStatusLinkKeys(deps);
  await loadSecretKeys(deps);
  // As in production (server/main.ts): a SQLite file checkpoints its WAL on a thread of its own.
  const checkpointer = startWalCheckpointer(deps.dbHandle, { log: deps.log });
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  return {
    app,
    deps,
    testDb,
    async close() {
      await app.close();
      deps.mailer?.close();
      await checkpointer?.stop();
      await testDb.drop();
    },
  };
}

export interface TestOrg {
  orgId: string;
  adminEmail: string;
  adminPassword: string;
  apiKey: string;
}

let seq = 0;
/** An organisation with an admin and an admin API key. */
export async function createTestOrg(deps: Deps, name = 'Org'): Promise<TestOrg> {
  seq += 1;
  const adminEmail = `admin${seq}.${Date.now()}@example.com`;
  const adminPassword = 'correct-horse-battery';
  const created = await deps.db.transaction().execute((trx) =>
    createOrganisation(trx, deps.clock, {
      name,
      admin: { email: adminEmail, name: 'Admin', password: adminPassword },
      apiKey: { role: 'admin' },
    }),
  );
  return { orgId: created.orgId, adminEmail, adminPassword, apiKey: created.apiKey!.secret };
}

/** app.inject with a Bearer key and a JSON body. */
export function call(
  app: FastifyInstance,
  key: string | undefined,
  opts: InjectOptions,
): Promise<LightMyRequestResponse> {
  return app.inject({
    ...opts,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(opts.headers ?? {}) },
  });
}
