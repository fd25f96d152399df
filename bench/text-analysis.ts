// Analysis throughput of the text sweep (issue 22): how many records per second the worker
// analyses (language, sentiment, topic model, aspect sentiment) on this machine, beside the
// measured intake rates in docs/BENCHMARKS.md, and so how long 1 000 000 records take.
// npm run bench:text   (SQLite file database; BENCH_PG=1 adds PostgreSQL; BENCH_TEXT_N=20000)
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
const TEXTS = [...loadMainSet(), ...loadUnseenSet(), ...loadTopicSet()].map((i) => i.text);
const load = () => execSync('cat /proc/loadavg').toString().trim().split(' ').slice(0, 3).join(' ');
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);
console.log(
  `texts: ${TEXTS.length} distinct (eval sets), mean ${Math.round(
    TEXTS.reduce((s, t) => s + t.length, 0) / TEXTS.length,
  )} chars; N = ${N}`,
);

// 1. The engine alone, no database.
{
  const started = performance.now();
  for (let i = 0; i < N; i++)
    await analyseText({
      text: TEXTS[i % TEXTS.length]!,
      score: i % 3 ? { type: 'nps', value: i % 11 } : null,
      topics: DEFAULT_TOPICS,
    });
  const ms = performance.now() - started;
  console.log(
    `engine only:   ${rate(N, ms)} records/s (${((ms / N) * 1000).toFixed(0)} µs/record), load ${load()}`,
  );
}

// 2. The sweep on a database: N pending records, rounds of 200 until none is left.
async function sweepOn(label: string, url: string) {
  const handle = createDb(url);
  await migrateToLatest(handle.db);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const deps = createDeps(config, { dbHandle: handle, log: createLogger('silent') });
  const org = await createBenchOrg(deps);
  const now = new Date().toISOString();
  for (let i = 0; i < N; i += 500) {
    const rows: FeedbackTable[] = [];
    for (let j = i; j < Math.min(N, i + 500); j++)
      rows.push({
        id: newId(),
        org_id: org.orgId,
        public_ref: `CL-B${j}`,
        ref_key: `B${j}`,
        channel: 'api',
        client_id: null,
        contact_id: null,
        stage: null,
        survey_id: null,
        score_type: j % 3 ? 'nps' : null,
        score_value: j % 3 ? j % 11 : null,
        text: TEXTS[j % TEXTS.length]!,
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
      });
    await deps.db.insertInto('feedback').values(rows).execute();
  }
  const rounds: number[] = [];
  const started = performance.now();
  let total = 0;
  for (;;) {
    const t0 = performance.now();
    const n = await sweepTextAnalysis(deps);
    if (!n) break;
    rounds.push(performance.now() - t0);
    total += n;
  }
  const ms = performance.now() - started;
  rounds.sort((a, b) => a - b);
  console.log(
    `sweep ${label.padEnd(10)} ${rate(total, ms)} records/s over ${total} records, round of 200: median ${rounds[rounds.length >> 1]!.toFixed(0)} ms, max ${rounds[rounds.length - 1]!.toFixed(0)} ms; 1 000 000 records ≈ ${Math.round(1_000_000 / rate(total, ms) / 60)} min; load ${load()}`,
  );
  await handle.close();
}

await sweepOn('sqlite', `sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-bench-text-')), 'b.db')}`);
if (process.env.BENCH_PG === '1') {
  await sweepOn('postgres', await freshPgDatabase('cl_bench_text'));
  await dropBenchDatabases();
}
