// Single-record and batch intake against the naive one-insert server, alternately in the same
// process tree so the ratio holds on a noisy machine (issue 6). Run by bench/run.ts.
import { BENCH_KEY } from './servers/key.ts';
import { load, median, peakMemoryMiB, startServer, type LoadResult } from './lib.ts';

const feedback = (n: number) => ({ channel: 'api', score: { type: 'nps', value: 9 }, text: `Всё хорошо, спасибо — отзыв ${n}`, sourceId: `bench-${process.pid}-${n}` });

export interface IntakeResults {
  dialect: string;
  rounds: Array<{ naive: LoadResult; clientloop: LoadResult; ratio: number }>;
  ratioMedian: number;
  batch: { recordsPerSecond: number; p99: number; errors: number };
  peakMemoryMiB: { clientloop: number | null; naive: number | null };
}

export async function benchIntake(opts: { rounds: number; seconds: number; connections: number; databaseUrl?: string }): Promise<IntakeResults> {
  const env = { SERVICES: 'web', ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}) };
  const cl = await startServer(['--import', 'tsx', 'bench/servers/clientloop.ts'], env);
  const naive = await startServer(['bench/servers/naive.mjs']);
  try {
    const rounds: IntakeResults['rounds'] = [];
    for (let r = 0; r < opts.rounds; r++) {
      const n = await load({ url: naive.url, path: '/api/v1/feedback', connections: opts.connections, seconds: opts.seconds, body: feedback });
      const c = await load({ url: cl.url, path: '/api/v1/feedback', connections: opts.connections, seconds: opts.seconds, key: BENCH_KEY, body: (i) => feedback(i + r * 1_000_000) });
      rounds.push({ naive: n, clientloop: c, ratio: Math.round((c.rps / n.rps) * 100) / 100 });
    }
    const items = (n: number) => ({ items: Array.from({ length: 1000 }, (_, i) => feedback(n * 1000 + i + 50_000_000)) });
    const batch = await load({ url: cl.url, path: '/api/v1/feedback/batch', connections: 2, seconds: opts.seconds, key: BENCH_KEY, body: items });
    return {
      dialect: opts.databaseUrl?.startsWith('postgres') ? 'postgres' : 'sqlite',
      rounds,
      ratioMedian: median(rounds.map((r) => r.ratio)),
      batch: { recordsPerSecond: batch.rps * 1000, p99: batch.p99, errors: batch.errors + batch.non2xx },
      peakMemoryMiB: { clientloop: peakMemoryMiB(cl.child.pid!), naive: peakMemoryMiB(naive.child.pid!) },
    };
  } finally {
    await cl.stop();
    await naive.stop();
  }
}
