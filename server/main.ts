// Entry point: loadConfig → createDeps → migrate → bootstrap → start web and/or worker.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { startWalCheckpointer } from './db/checkpointer.ts';
import { migrateToLatest } from './db/migrate.ts';
import { refuseSuperuser } from './db/superuser.ts';
import { createDeps, type Deps } from './deps.ts';
import { allJobs, allSweeps, schedules } from './modules/registry.ts';
import { modules } from './modules/index.ts';
import { bootstrapFromConfig } from './modules/orgs/index.ts';
import { loadStatusLinkKeys } from './lib/status-link.ts';
import { loadSecretKeys } from './lib/secret-box-start.ts';
import { createWorker, type Worker } from './worker.ts';

export interface Running {
  deps: Deps;
  app?: FastifyInstance;
  worker?: Worker;
  url?: string;
  stop(): Promise<void>;
}

export async function startClientLoop(
  config: Config,
  overrides: Parameters<typeof createDeps>[1] = {},
): Promise<Running> {
  const deps = createDeps(config, overrides);
  try {
    await refuseSuperuser(config, deps.dbHandle);
  } catch (err) {
    if (!overrides.dbHandle) await deps.dbHandle.close();
    throw err;
  }
  if (config.db.autoMigrate) {
    const applied = await migrateToLatest(deps.db);
    if (applied.length) deps.log.info({ applied }, 'migrations applied');
  }
  await loadStatusLinkKeys(deps);
  await loadSecretKeys(deps);
  await bootstrapFromConfig(deps);
  // SQLite file databases: WAL checkpoints on a thread of their own, off the event loop (ADR 006).
  const checkpointer = startWalCheckpointer(deps.dbHandle, { log: deps.log });

  const running: Running = { deps, stop: async () => undefined };
  if (config.services.includes('worker')) {
    running.worker = createWorker(deps, allJobs(deps), {}, schedules, allSweeps(deps));
    running.worker.start();
  }
  const stoppers: Array<() => Promise<void>> = [];
  if (config.services.includes('web')) {
    for (const m of modules) if (m.start) stoppers.push(await m.start(deps));
    running.app = await buildApp(deps);
    running.url = await running.app.listen({ port: config.http.port, host: config.http.host });
    deps.log.info({ url: running.url, dialect: deps.dbHandle.dialect }, 'ClientLoop is listening');
  }
  running.stop = async () => {
    // Stop taking requests, let in-flight ones finish, stop claiming jobs, then close the database.
    await running.app?.close();
    for (const stop of stoppers) await stop();
    await running.worker?.stop();
    deps.mailer?.close();
    await checkpointer?.stop();
    await deps.dbHandle.close();
  };
  return running;
}

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const running = await startClientLoop(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.deps.log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (err) => {
        running.deps.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

const isEntry =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/server\//, '/server/'));
if (isEntry) {
  main().catch((err) => {
    process.stderr.write(
      `ClientLoop failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}
