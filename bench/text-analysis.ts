// Analysis throughput of the text sweep (issue 22): how many records per second the worker
// analyses (language, sentiment, topic model, aspect sentiment) on this machine, beside the
// measured intake rates in docs/BENCHMARKS.md, and so whether it keeps pace at 1 000 000 records.
// npm run bench:text   (SQLite file database; BENCH_PG=1 adds PostgreSQL; BENCH_TEXT_N=20000)
// Big runs in two steps, so loading stays outside the bench lock (docs/BENCHMARKS.md):
//   BENCH_TEXT_PHASE=load  BENCH_TEXT_SQLITE=/tmp/x/text.db [BENCH_TEXT_PG=<url>] nice npm run …
//   BENCH_TEXT_PHASE=sweep BENCH_TEXT_SQLITE=… [BENCH_TEXT_PG=…] flock /tmp/bench.lock npm run …
// Texts: the eval sets' texts, every other one joined with a second, each with an order-number-
// like word made of random letters, so the per-word caches meet a new word in every record.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { createDb } from '../server/db/create-db.ts';
import type { FeedbackTable } from '../server/db/types.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createDeps } from '../server/deps.ts';
import { newId } from '../server/lib/ids.ts';
import { createLogger } from '../server/lib/logger.ts';
import { loadMainSet, loadTopicSet, loadUnseenSet } from '../server/lib/text/eval-dataset.ts';
import { DEFAULT_TOPICS } from '../server/lib/text/topics.ts';
import { analyseText } from '../server/modules/text/analyse.ts';
import { sweepTextAnalysis } from '../server/modules/text/sweep.ts';
import { createBenchOrg, dropBenchDatabases, freshPgDatabase } from './lib.ts';

const N = Number(process.env.BENCH_TEXT_N ?? 20_000);
const PHASE = process.env.BENCH_TEXT_PHASE ?? 'all';
const ROUND = Number(process.env.BENCH_TEXT_ROUND ?? 0) || undefined;
/** Stop a sweep after this many seconds (a shared machine: the bench lock is held ≤ 15 min). */
const BUDGET_MS = Number(process.env.BENCH_TEXT_SECONDS ?? 0) * 1000 || Infinity;
const POOL = [...loadMainSet(), ...loadUnseenSet(), ...loadTopicSet()].map((i) => i.text);
const load = () => execSync('cat /proc/loadavg').toString().trim().split(' ').slice(0, 3).join(' ');
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

const LETTERS = ['abcdefghijklmnopqrstuvwxyz', 'абвгдежзиклмнопрстуфхцчшэюя'];
function textOf(j: number): string {
  let x = (j * 2654435761) >>> 0;
  const alphabet = LETTERS[j % 2]!;
  let word = '';
  for (let k = 0; k < 6 + (j % 5); k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    word += alphabet[x % alphabet.length];
  }
  const first = POOL[j % POOL.length]!;
  const second = j % 2 ? ` ${POOL[(j * 7 + 3) % POOL.length]}` : '';
  return `${first}${second} ${word}`;
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);
console.log(`texts: ${POOL.length} eval texts combined (see header); N = ${N}, phase ${PHASE}`);

// 1. The engine alone, no database.
if (PHASE !== 'load' && process.env.BENCH_TEXT_ENGINE !== '0') {
  const n = Math.min(N, 20_000);
  const started = performance.now();
  for (let i = 0; i < n; i++)
    await analyseText({
      text: textOf(i),
      score: i % 3 ? { type: 'nps', value: i % 11 } : null,
      topics: DEFAULT_TOPICS,
    });
  const ms = performance.now() - started;
  console.log(
    `engine only:   ${rate(n, ms)} records/s over ${n} (${((ms / n) * 1000).toFixed(0)} µs/record), load ${load()}`,
  );
}

function row(orgId: string, j: number, now: string): FeedbackTable {
  return {
    id: newId(),
    org_id: orgId,
    public_ref: `CL-B${j}`,
    ref_key: `B${j}`,
    channel: 'api',
    client_id: null,
    contact_id: null,
    stage: null,
    survey_id: null,
    score_type: j % 3 ? 'nps' : null,
    score_value: j % 3 ? j % 11 : null,
    text: textOf(j),
    language: null,
    sentiment_label: null,
    sentiment_score: null,
    topics: '[]',
    source_id: null,
    raw: null,
    case_id: null,
    acknowledged_at: null,
    received_at: now,
    created_at: now,
  };
}

// 2. The sweep on a database: N pending records, rounds until none is left.
async function sweepOn(label: string, url: string) {
  const handle = createDb(url);
  await migrateToLatest(handle.db);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const deps = createDeps(config, { dbHandle: handle, log: createLogger('silent') });
  if (PHASE !== 'sweep') {
    const org = await createBenchOrg(deps);
    const now = new Date().toISOString();
    const started = performance.now();
    for (let i = 0; i < N; i += 500) {
      const rows: FeedbackTable[] = [];
      for (let j = i; j < Math.min(N, i + 500); j++) rows.push(row(org.orgId, j, now));
      await deps.db.insertInto('feedback').values(rows).execute();
    }
    console.log(
      `loaded ${label}: ${N} pending records in ${Math.round(performance.now() - started)} ms`,
    );
  }
  if (PHASE !== 'load') {
    const rounds: number[] = [];
    const started = performance.now();
    let total = 0;
    let report = started + 60_000;
    for (;;) {
      const t0 = performance.now();
      const n = await sweepTextAnalysis(deps, ROUND);
      if (!n) break;
      rounds.push(performance.now() - t0);
      total += n;
      if (t0 >= report) {
        console.log(`  … ${total} records, ${rate(total, t0 - started)}/s, load ${load()}`);
        report += 60_000;
      }
      if (t0 - started >= BUDGET_MS) break;
    }
    const ms = performance.now() - started;
    rounds.sort((a, b) => a - b);
    const r = rate(total, ms);
    const left = await deps.db
      .selectFrom('feedback')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('analysed_at', 'is', null)
      .where('text', 'is not', null)
      .executeTakeFirstOrThrow();
    console.log(`  table: ${left.n} records still pending after this run`);
    console.log(
      `sweep ${label.padEnd(10)} ${r} records/s over ${total} records in ${(ms / 1000).toFixed(0)} s, round: median ${rounds[rounds.length >> 1]?.toFixed(0)} ms, max ${rounds[rounds.length - 1]?.toFixed(0)} ms; 1 000 000 records ≈ ${(1_000_000 / r / 60).toFixed(1)} min; load ${load()}`,
    );
  }
  await handle.close();
}

const sqliteFile =
  process.env.BENCH_TEXT_SQLITE ?? join(mkdtempSync(join(tmpdir(), 'cl-bench-text-')), 'b.db');
if (process.env.BENCH_TEXT_SKIP_SQLITE !== '1') await sweepOn('sqlite', `sqlite:${sqliteFile}`);
if (process.env.BENCH_PG === '1' || process.env.BENCH_TEXT_PG) {
  await sweepOn('postgres', process.env.BENCH_TEXT_PG ?? (await freshPgDatabase('cl_bench_text')));
  if (!process.env.BENCH_TEXT_PG) await dropBenchDatabases();
}
