// How fast a worker empties a backlog of outbound mail: the ceiling of the acknowledgement rate
// (issue 20: acknowledgements fell seconds behind at half the real-shape capacity). A web-only
// process stores MAIL_DRAIN_RECORDS records with a contact (each queues an acknowledgement),
// then a worker-only process on the same database sends them to a real SMTP server; the rate
// is counted from the first mail received to the last, so the worker's start is not in it.
//   npm run bench:mail-drain   (MAIL_DRAIN_RECORDS=3000, JOBS_BATCH_SIZE=50, DATABASE_URL=sqlite file)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSmtp } from '../tests/support/smtp.ts';
import { startServer } from './lib.ts';
import { BENCH_KEY } from './servers/key.ts';

const RECORDS = Number(process.env.MAIL_DRAIN_RECORDS ?? 3000);
const BATCH = Number(process.env.JOBS_BATCH_SIZE ?? 50);

async function storeRecords(url: string): Promise<void> {
  for (let start = 0; start < RECORDS; start += 1000) {
    const items = Array.from({ length: Math.min(1000, RECORDS - start) }, (_, k) => ({
      contact: { email: `client${start + k}@example.ru`, language: (start + k) % 3 ? 'ru' : 'en' },
      score: { type: 'nps', value: 9 },
    }));
    const response = await fetch(`${url}/api/v1/feedback/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    if (!response.ok) throw new Error(`batch: ${response.status} ${await response.text()}`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-mail-drain-'));
  const databaseUrl = process.env.DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`;
  const smtp = await startTestSmtp();
  // MAIL_DRAIN_PROFILE=<dir>: a CPU profile of each server process (node --cpu-prof).
  const profile = process.env.MAIL_DRAIN_PROFILE;
  const server = [
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ...(process.env.BENCH_SQL_TIME ? ['--import', './bench/sql-time.mjs'] : []),
    '--import',
    'tsx',
    'bench/servers/clientloop.ts',
  ];
  const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, JOBS_BATCH_SIZE: String(BATCH) };
  try {
    const web = await startServer(server, { ...env, SERVICES: 'web' });
    await storeRecords(web.url);
    await web.stop();
    const cpuBefore = process.cpuUsage();
    const worker = await startServer(server, { ...env, SERVICES: 'web,worker' });
    await smtp.waitFor(RECORDS, 600_000);
    await worker.stop();
    const first = Math.min(...smtp.receivedAt);
    const last = Math.max(...smtp.receivedAt);
    const seconds = (last - first) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      JSON.stringify({
        records: RECORDS,
        batchSize: BATCH,
        received: smtp.messages.length,
        seconds: Number(seconds.toFixed(2)),
        mailsPerSecond: Math.round(RECORDS / seconds),
        smtpReceiverCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      }),
    );
  } finally {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
