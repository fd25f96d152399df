// The composition root's bag of shared parts. Services get these through ctx, never by import.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createDb, type DbHandle } from './db/create-db.ts';
import type { Db } from './db/types.ts';
import { JobQueue } from './jobs/queue.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';
import { createMailer, type Mailer } from './lib/mailer.ts';

export interface Deps {
  config: Config;
  db: Db;
  dbHandle: DbHandle;
  log: Logger;
  clock: Clock;
  jobs: JobQueue;
  /** Undefined when SMTP_URL is unset: messages then stay in the outbox as not_sent. */
  mailer?: Mailer;
}

export interface DepsOverrides {
  clock?: Clock;
  log?: Logger;
  dbHandle?: DbHandle;
  mailer?: Mailer;
}

export function createDeps(config: Config, overrides: DepsOverrides = {}): Deps {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.log ?? createLogger(config.logLevel);
  const dbHandle = overrides.dbHandle ?? createDb(config.db.url);
  const mailer = overrides.mailer ?? createMailer(config.mail.smtpUrl, config.mail.from);
  return {
    config,
    db: dbHandle.db,
    dbHandle,
    log,
    clock,
    jobs: new JobQueue(dbHandle.dialect, clock),
    mailer,
  };
}
