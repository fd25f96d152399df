// ClientLoop as a benchmark target: a fresh database, a bootstrap API key, web + worker.
// Prints "READY <url>" when listening. DATABASE_URL may point at PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { startClientLoop } from '../../server/main.ts';

import { BENCH_KEY } from './key.ts';
import { walSyncFor } from '../../server/db/wal-sync.ts';
import { faults, groupCommitFor } from '../../server/modules/feedback/group-commit.ts';

// The crash harness's negative control (bench/crash.ts): answer before the commit.
faults.ackBeforeCommitMs = Number(process.env.BENCH_FAULT_ACK_BEFORE_COMMIT_MS ?? 0);

const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
const running = await startClientLoop(
  loadConfig({
    ...process.env,
    // The bench database role is the trust-auth superuser `postgres`, refused in production mode.
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`,
    PORT: '0',
    LOG_LEVEL: 'warn',
    CLIENTLOOP_ADMIN_EMAIL: 'bench@example.com',
    CLIENTLOOP_ADMIN_PASSWORD: 'bench-password-1',
    CLIENTLOOP_API_KEY: BENCH_KEY,
    BODY_LIMIT_BYTES: String(8 * 1024 * 1024),
  }),
);
process.stdout.write(`READY ${running.url}\n`);
process.on('SIGTERM', () => {
  // How the intake grouped its commits, for the benchmark notes.
  const wal = walSyncFor(running.deps.db);
  process.stderr.write(
    `STATS ${JSON.stringify({ groupCommit: groupCommitFor(running.deps.db).stats, walSync: wal?.stats ?? null })}\n`,
  );
  void running.stop().then(() => process.exit(0));
});
