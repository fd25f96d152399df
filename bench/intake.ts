// Single-record and batch intake against the naive one-insert server, alternately in the same
// process tree so the ratios hold on a noisy machine (issues 6 and 20). Three lines, each against
// the same naive slices: the real-traffic shape on ClientLoop as shipped (SERVICES=web,worker,
// acknowledgements sent to a real SMTP server), the same shape on a web-only process, and the
// light shape (bench/shapes.ts). Run by bench/run.ts.
import { startTestSmtp } from '../tests/support/smtp.ts';
import { BENCH_KEY } from './servers/key.ts';
import { combineSlices, load, median, peakMemoryMiB, startServer, type LoadResult } from './lib.ts';
import { lightFeedback, realFeedback, realHeaders } from './shapes.ts';

const feedback = lightFeedback;

type Line = 'real' | 'realWebOnly' | 'light';
const LINES: Line[] = ['real', 'realWebOnly', 'light'];

export interface IntakeResults {
  dialect: string;
  lines: Record<
    Line,
    {
      rounds: Array<{ naive: LoadResult; clientloop: LoadResult; ratio: number }>;
      ratioMedian: number;
    }
  >;
  /** Batches of 1000 real-shape records, every one naming a client by external id. */
  batch: { recordsPerSecond: number; p99: number; errors: number };
  batchWebOnly: { recordsPerSecond: number; p99: number; errors: number };
  /** Optional (BENCH_WORKER_LAG=1): the light load with the worker in the process or apart, and
   * how long after the load the last record waited for its sentiment. */
  withWorker?: Record<
    'inProcess' | 'separateProcess',
    { rps: number; p99: number; errors: number; analysisLagMs: number | null }
  >;
  peakMemoryMiB: { clientloop: number | null; naive: number | null };
  mailsReceived: number;
}

export async function benchIntake(opts: {
  rounds: number;
  seconds: number;
  connections: number;
  databaseUrl?: string;
  freshDatabaseUrl: () => Promise<string>;
}): Promise<IntakeResults> {
  const smtp = await startTestSmtp();
  const env = (services: string, databaseUrl?: string) => ({
    SERVICES: services,
    SMTP_URL: smtp.url,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const pg = opts.databaseUrl?.startsWith('postgres');
  const cl = await startServer(
    ['--import', 'tsx', 'bench/servers/clientloop.ts'],
    env('web,worker', opts.databaseUrl),
  );
  const clWeb = await startServer(
    ['--import', 'tsx', 'bench/servers/clientloop.ts'],
    env('web', pg ? await opts.freshDatabaseUrl() : undefined),
  );
  const naive = await startServer(['bench/servers/naive.mjs']);
  const run = `${Date.now()}`;
  const single = (url: string, shape: 'real' | 'light', offset: number, seconds: number) =>
    load({
      url,
      path: '/api/v1/feedback',
      connections: opts.connections,
      seconds,
      ...(url === naive.url ? {} : { key: BENCH_KEY }),
      body: (i) => (shape === 'real' ? realFeedback(i + offset) : feedback(i + offset)),
      ...(shape === 'real' && url !== naive.url
        ? { headers: (i: number) => realHeaders(run)(i + offset) }
        : {}),
    });
  try {
    // Warm every server first (JIT, SQLite page cache, pool connections): a cold first round
    // measured start-up, not intake (0.89× cold against 1.11–1.15× warm in one run).
    await single(naive.url, 'light', 80_000_000, 2);
    await single(cl.url, 'real', 80_000_000, 2);
    await single(clWeb.url, 'real', 80_000_000, 2);
    const raw: Record<Line | 'naiveReal' | 'naiveLight', LoadResult[][]> = {
      real: [],
      realWebOnly: [],
      light: [],
      naiveReal: [],
      naiveLight: [],
    };
    // Each round alternates the servers in slices of seconds/slices: the host's speed drifts
    // over seconds, and a drift then weighs on both sides of each ratio alike.
    const slices = Math.max(1, Number(process.env.BENCH_SLICES ?? 4));
    const sliceSeconds = opts.seconds / slices;
    for (let r = 0; r < opts.rounds; r++) {
      for (const list of Object.values(raw)) list.push([]);
      for (let s = 0; s < slices; s++) {
        const offset = r * 1_000_000 + s * 100_000;
        raw.naiveReal[r]!.push(await single(naive.url, 'real', offset, sliceSeconds));
        raw.real[r]!.push(await single(cl.url, 'real', offset, sliceSeconds));
        raw.realWebOnly[r]!.push(await single(clWeb.url, 'real', offset, sliceSeconds));
        raw.naiveLight[r]!.push(await single(naive.url, 'light', offset, sliceSeconds));
        raw.light[r]!.push(await single(cl.url, 'light', offset, sliceSeconds));
      }
    }
    const lines = {} as IntakeResults['lines'];
    for (const line of LINES) {
      const rounds = raw[line].map((slicesOfRound, r) => {
        const clRound = combineSlices(slicesOfRound);
        const naiveRound = combineSlices(line === 'light' ? raw.naiveLight[r]! : raw.naiveReal[r]!);
        return {
          naive: naiveRound,
          clientloop: clRound,
          ratio: Math.round((clRound.rps / naiveRound.rps) * 100) / 100,
        };
      });
      lines[line] = { rounds, ratioMedian: median(rounds.map((x) => x.ratio)) };
    }
    const items = (n: number) => ({
      items: Array.from({ length: 1000 }, (_, i) =>
        realFeedback(n * 1000 + i + 50_000_000, { allClients: true }),
      ),
    });
    const batchOn = async (url: string) => {
      const b = await load({
        url,
        path: '/api/v1/feedback/batch',
        connections: 2,
        seconds: opts.seconds,
        key: BENCH_KEY,
        body: items,
      });
      return { recordsPerSecond: b.rps * 1000, p99: b.p99, errors: b.errors + b.non2xx };
    };
    const batch = await batchOn(cl.url);
    const batchWebOnly = await batchOn(clWeb.url);
    // Fresh databases: the rounds above left their records unanalysed (no worker ran), and the
    // sweep works oldest first.
    const withWorker =
      process.env.BENCH_WORKER_LAG === '1'
        ? {
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
          }
        : undefined;
    return {
      withWorker,
      dialect: pg ? 'postgres' : 'sqlite',
      lines,
      batch,
      batchWebOnly,
      peakMemoryMiB: {
        clientloop: peakMemoryMiB(cl.child.pid!),
        naive: peakMemoryMiB(naive.child.pid!),
      },
      mailsReceived: smtp.messages.length,
    };
  } finally {
    await cl.stop();
    await clWeb.stop();
    await naive.stop();
    await smtp.close();
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
}): Promise<NonNullable<IntakeResults['withWorker']>['inProcess']> {
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
