// How the worker paces CPU-heavy sweep rounds while requests store work (server/worker.ts), on
// this machine, in real time: moved here from server/jobs/queue.test.ts, whose assertions on
// counts per 400 ms depended on the machine's speed. The decisions themselves (isUnderLoad,
// sweepPauseMs) are unit-tested there. Prints what it saw beside what the design expects.
// npm run bench:pacing   (SQLite file database in a temporary directory)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../server/config.ts';
import { createDb } from '../server/db/create-db.ts';
import { loadStatusLinkKeys } from '../server/lib/status-link.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createDeps, type Deps } from '../server/deps.ts';
import { defineJob } from '../server/jobs/queue.ts';
import { createLogger } from '../server/lib/logger.ts';
import { createWorker } from '../server/worker.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sweep with an endless backlog that costs ~10 ms of CPU per round; counts its rounds. */
function busySweep() {
  const sweep = {
    name: 'busy',
    rounds: 0,
    run: async () => {
      const until = performance.now() + 10;
      while (performance.now() < until);
      sweep.rounds += 1;
      return 1;
    },
  };
  return sweep;
}

function report(label: string, seen: number, expected: string, ok: boolean): void {
  process.stdout.write(`${label.padEnd(48)} ${String(seen).padStart(4)}   ${expected}`);
  process.stdout.write(ok ? '\n' : '   <- outside the expectation\n');
}

async function underIntake(deps: Deps): Promise<void> {
  const done: number[] = [];
  const sweep = busySweep();
  const job = defineJob({
    name: 'ok',
    payload: z.object({ n: z.number() }),
    handler: async (_ctx, p) => void done.push(p.n),
  });
  const worker = createWorker(deps, [job], {}, [], [sweep]);
  worker.start();
  try {
    // A request every 2 ms; the ones due during a blocking sweep round all arrive after it,
    // like HTTP requests queued in the socket (a plain setInterval would coalesce them).
    let due = performance.now();
    const requests = setInterval(() => {
      for (; due <= performance.now(); due += 2) deps.jobs.notify();
    }, 2);
    await sleep(100);
    const before = sweep.rounds;
    await deps.jobs.enqueue(deps.db, { name: 'ok', orgId: null, payload: { n: 1 } });
    await sleep(400);
    clearInterval(requests);
    const underLoad = sweep.rounds - before;
    report(
      'sweep rounds in 400 ms under intake',
      underLoad,
      '1..12 (flat out ~40)',
      underLoad >= 1 && underLoad <= 12,
    );
    report('jobs run during the burst', done.length, '1', done.length === 1);
    const quietStart = sweep.rounds;
    await sleep(300);
    const quiet = sweep.rounds - quietStart;
    report('sweep rounds in 300 ms after it', quiet, `more than ${underLoad}`, quiet > underLoad);
  } finally {
    await worker.stop();
  }
}

async function underTrickle(deps: Deps): Promise<void> {
  const sweep = busySweep();
  const worker = createWorker(deps, [], {}, [], [sweep]);
  worker.start();
  try {
    // 20 requests a second, a tenth of BUSY_REQUESTS_PER_SECOND: changes nothing.
    const requests = setInterval(() => deps.jobs.notify(), 50);
    await sleep(50);
    const before = sweep.rounds;
    await sleep(400);
    clearInterval(requests);
    const rounds = sweep.rounds - before;
    report('sweep rounds in 400 ms under a trickle', rounds, 'more than 20 (~40)', rounds > 20);
  } finally {
    await worker.stop();
  }
}

async function withDeps(run: (deps: Deps) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-pacing-'));
  const url = `sqlite:${join(dir, 'pacing.db')}`;
  const handle = createDb(url);
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', JOBS_POLL_MS: '1000' });
    const deps = createDeps(config, { dbHandle: handle, log: createLogger('silent') });
    await loadStatusLinkKeys(deps);
    await run(deps);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await withDeps(underIntake);
await withDeps(underTrickle);
