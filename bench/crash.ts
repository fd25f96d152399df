// Crash safety (issue 6), Jepsen "set" style: load the server at full speed, kill -9 it five
// times, restart it on the same database, then retry every request in doubt with its own
// Idempotency-Key. Every acknowledged record must be stored (lost = 0) and none twice.
// npm run bench:crash   (BENCH_PG=1 runs it on PostgreSQL)
// Negative control: CRASH_FAULT_MS=50 npm run bench:crash makes the server answer each group
// before its commit and hold the transaction 50 ms; the harness must then report lost records
// (it exits 0 only if it did), or it could not be trusted to find them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../server/db/create-db.ts';
import { dropBenchDatabases, freshPgDatabase, startServer, type Server } from './lib.ts';
import { BENCH_KEY } from './servers/key.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const FAULT_MS = Number(process.env.CRASH_FAULT_MS ?? 0);
const WORKERS = 32;

async function databaseUrl(): Promise<string> {
  if (process.env.BENCH_PG !== '1')
    return `sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-crash-')), 'crash.db')}`;
  return freshPgDatabase('cl_crash');
}

const url = await databaseUrl();
const start = () =>
  startServer(['--import', 'tsx', 'bench/servers/clientloop.ts'], {
    DATABASE_URL: url,
    SERVICES: 'web',
    ...(FAULT_MS ? { BENCH_FAULT_ACK_BEFORE_COMMIT_MS: String(FAULT_MS) } : {}),
  });
let server: Server | undefined = await start();
const ok = new Set<number>();
const inDoubt = new Set<number>();
let next = 0;
let running = true;

async function send(n: number): Promise<'ok' | 'doubt'> {
  const target = server;
  if (!target) return 'doubt';
  try {
    const res = await fetch(`${target.url}/api/v1/feedback`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${BENCH_KEY}`,
        'content-type': 'application/json',
        'idempotency-key': `crash-${n}`,
      },
      body: JSON.stringify({ text: `Проверка ${n}`, sourceId: `crash-${n}` }),
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status === 200 || res.status === 201) return 'ok';
    throw new Error(`unexpected status ${res.status}: ${await res.text()}`);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('unexpected status')) throw err;
    return 'doubt';
  }
}

const workers = Array.from({ length: WORKERS }, async () => {
  while (running) {
    const n = next++;
    if ((await send(n)) === 'ok') ok.add(n);
    else {
      inDoubt.add(n);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
});

for (let k = 0; k < KILLS; k++) {
  await new Promise((r) => setTimeout(r, 1_000 + Math.random() * 2_000));
  const victim = server!;
  server = undefined;
  await new Promise<void>((resolve) => {
    victim.child.once('exit', () => resolve());
    victim.child.kill('SIGKILL');
  });
  server = await start();
}
await new Promise((r) => setTimeout(r, 1_000));
running = false;
await Promise.all(workers);

// Retry every request in doubt with its key until the answer is definite.
for (const n of inDoubt) {
  for (let attempt = 0; attempt < 5 && !ok.has(n); attempt++)
    if ((await send(n)) === 'ok') ok.add(n);
}
await server!.stop();

const h = createDb(url);
const rows = await h.db.selectFrom('feedback').select('source_id').execute();
await h.close();
await dropBenchDatabases();
const stored = new Map<string, number>();
for (const r of rows) stored.set(r.source_id!, (stored.get(r.source_id!) ?? 0) + 1);
const lost = [...ok].filter((n) => !stored.has(`crash-${n}`));
const duplicates = [...stored.values()].filter((c) => c > 1).length;
const unexpected = [...stored.keys()].filter((id) => {
  const n = Number(id.slice(6));
  return !ok.has(n) && !inDoubt.has(n);
});
const result = {
  dialect: url.startsWith('postgres') ? 'postgres' : 'sqlite',
  faultAckBeforeCommitMs: FAULT_MS,
  kills: KILLS,
  requests: next,
  acknowledged: ok.size,
  inDoubtRetried: inDoubt.size,
  stored: rows.length,
  lost: lost.length,
  duplicates,
  unexpected: unexpected.length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
const clean = lost.length === 0 && duplicates === 0 && unexpected.length === 0;
// With the fault switched on, success means the harness caught the lost acknowledgements.
process.exit((FAULT_MS ? lost.length > 0 : clean) ? 0 : 1);
