// Single-record and batch intake against the naive one-insert server, alternately in the same
// process tree so the ratio holds on a noisy machine (issue 6). Run by bench/run.ts.
import { BENCH_KEY } from './servers/key.ts';
import { combineSlices, load, median, peakMemoryMiB, startServer, type LoadResult } from './lib.ts';

const feedback = (n: number) => ({
  channel: 'api',
  score: { type: 'nps', value: 9 },
  text: `Всё хорошо, спасибо — отзыв ${n}`,
  sourceId: `bench-${process.pid}-${n}`,
});

export interface IntakeResults {
  dialect: string;
  rounds: Array<{ naive: LoadResult; clientloop: LoadResult; ratio: number }>;
  ratioMedian: number;
  batch: { recordsPerSecond: number; p99: number; errors: number };
  /** The same single-record load with the worker in the process (text sweep on), and how long
   * after the load the last record waited for its sentiment. */
  withWorker: Record<
    'inProcess' | 'separateProcess',
    { rps: number; p99: number; errors: number; analysisLagMs: number | null }
  >;
  peakMemoryMiB: { clientloop: number | null; naive: number | null };
}

export async function benchIntake(opts: {
  rounds: number;
  seconds: number;
  connections: number;
  databaseUrl?: string;
  freshDatabaseUrl: () => Promise<string>;
}): Promise<IntakeResults> {
  const env = { SERVICES: 'web', ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}) };
  const cl = await startServer(['--import', 'tsx', 'bench/servers/clientloop.ts'], env);
  const naive = await startServer(['bench/servers/naive.mjs']);
  try {
    // Warm both servers first (JIT, SQLite page cache, pool connections): a cold first round
    // measured start-up, not intake (0.89× cold against 1.11–1.15× warm in one run).
    await load({
      url: naive.url,
      path: '/api/v1/feedback',
      connections: opts.connections,
      seconds: 2,
      body: (i) => feedback(i + 80_000_000),
    });
    await load({
      url: cl.url,
      path: '/api/v1/feedback',
      connections: opts.connections,
      seconds: 2,
      key: BENCH_KEY,
      body: (i) => feedback(i + 80_000_000),
    });
    const rounds: IntakeResults['rounds'] = [];
    // Each round alternates the two servers in slices of seconds/slices: the host's speed drifts
    // over seconds (the naive server alone went 4 600 → 5 900 req/s between rounds of one run),
    // and a drift then weighs on both sides of the ratio alike.
    const slices = Math.max(1, Number(process.env.BENCH_SLICES ?? 4));
    const sliceSeconds = opts.seconds / slices;
    for (let r = 0; r < opts.rounds; r++) {
      const n: LoadResult[] = [];
      const c: LoadResult[] = [];
      for (let s = 0; s < slices; s++) {
        const offset = r * 1_000_000 + s * 100_000;
        n.push(
          await load({
            url: naive.url,
            path: '/api/v1/feedback',
            connections: opts.connections,
            seconds: sliceSeconds,
            body: (i) => feedback(i + offset),
          }),
        );
        c.push(
          await load({
            url: cl.url,
            path: '/api/v1/feedback',
            connections: opts.connections,
            seconds: sliceSeconds,
            key: BENCH_KEY,
            body: (i) => feedback(i + offset),
          }),
        );
      }
      const naiveRound = combineSlices(n);
      const clRound = combineSlices(c);
      rounds.push({
        naive: naiveRound,
        clientloop: clRound,
        ratio: Math.round((clRound.rps / naiveRound.rps) * 100) / 100,
      });
    }
    const items = (n: number) => ({
      items: Array.from({ length: 1000 }, (_, i) => feedback(n * 1000 + i + 50_000_000)),
    });
    const batch = await load({
      url: cl.url,
      path: '/api/v1/feedback/batch',
      connections: 2,
      seconds: opts.seconds,
      key: BENCH_KEY,
      body: items,
    });
    // Fresh databases: the rounds above left their records unanalysed (no worker ran), and the
    // sweep works oldest first.
    const withWorker = {
      inProcess: await benchWithWorker({
        ...opts,
        databaseUrl: await opts.freshDatabaseUrl(),
        inProcess: true,
      }),
      separateProcess: await benchWithWorker({
        ...opts,
        databaseUrl: await opts.freshDatabaseUrl(),
        inProcess: false,
      }),
    };
    return {
      withWorker,
      dialect: opts.databaseUrl?.startsWith('postgres') ? 'postgres' : 'sqlite',
      rounds,
      ratioMedian: median(rounds.map((r) => r.ratio)),
      batch: {
        recordsPerSecond: batch.rps * 1000,
        p99: batch.p99,
        errors: batch.errors + batch.non2xx,
      },
      peakMemoryMiB: {
        clientloop: peakMemoryMiB(cl.child.pid!),
        naive: peakMemoryMiB(naive.child.pid!),
      },
    };
  } finally {
    await cl.stop();
    await naive.stop();
  }
}

/**
 * `inProcess`: one process with SERVICES=web,worker. Otherwise the deployment for high intake: a
 * web process and a worker process on the same database (SQLite in WAL allows both).
 */
async function benchWithWorker(opts: {
  seconds: number;
  connections: number;
  databaseUrl: string;
  inProcess: boolean;
}): Promise<IntakeResults['withWorker']['inProcess']> {
  const cl = await startServer(['--import', 'tsx', 'bench/servers/clientloop.ts'], {
    SERVICES: opts.inProcess ? 'web,worker' : 'web',
    DATABASE_URL: opts.databaseUrl,
  });
  const worker = opts.inProcess
    ? undefined
    : await startServer(['--import', 'tsx', 'bench/servers/clientloop.ts'], {
        SERVICES: 'worker',
        DATABASE_URL: opts.databaseUrl,
      });
  try {
    const r = await load({
      url: cl.url,
      path: '/api/v1/feedback',
      connections: opts.connections,
      seconds: opts.seconds,
      key: BENCH_KEY,
      body: (i) => feedback(i + 90_000_000),
    });
    const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
    const last = (await (
      await fetch(`${cl.url}/api/v1/feedback`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ text: 'Последний отзыв: всё отлично' }),
      })
    ).json()) as { id: string };
    const started = Date.now();
    let analysisLagMs: number | null = null;
    while (Date.now() - started < 60_000) {
      const row = (await (
        await fetch(`${cl.url}/api/v1/feedback/${last.id}`, { headers })
      ).json()) as { sentiment: unknown };
      if (row.sentiment) {
        analysisLagMs = Date.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { rps: r.rps, p99: r.p99, errors: r.errors + r.non2xx, analysisLagMs };
  } finally {
    await cl.stop();
    await worker?.stop();
  }
}
