// Acknowledgement latency: from the 201 of an intake request to the SMTP server's acceptance of
// its acknowledgement, at a steady rate, with a real SMTP server; also counts missing and
// duplicate mails (exactly once from the client's point of view).
import { startTestSmtp } from '../tests/support/smtp.ts';
import { median, peakMemoryMiB, startServer } from './lib.ts';
import { BENCH_KEY } from './servers/key.ts';

export interface AckResults {
  rate: number;
  sent: number;
  received: number;
  missing: number;
  duplicates: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  peakMemoryMiB: number | null;
}

export async function benchAckLatency(opts: {
  rate: number;
  seconds: number;
  databaseUrl?: string;
}): Promise<AckResults> {
  const smtp = await startTestSmtp();
  const arrivals = new Map<string, number[]>();
  const seen = new Set<unknown>();
  const poll = setInterval(() => {
    for (const mail of smtp.messages) {
      if (seen.has(mail)) continue;
      seen.add(mail);
      const ref = /CL-[A-Z0-9]{10}/.exec(mail.subject ?? '')?.[0];
      if (ref) arrivals.set(ref, [...(arrivals.get(ref) ?? []), Date.now()]);
    }
  }, 5);
  const server = await startServer(['--import', 'tsx', 'bench/servers/clientloop.ts'], {
    SMTP_URL: smtp.url,
    JOBS_POLL_MS: '50',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  });
  const accepted = new Map<string, number>();
  try {
    const total = opts.rate * opts.seconds;
    const started = Date.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / opts.rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(
        fetch(`${server.url}/api/v1/feedback`, {
          method: 'POST',
          headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            contact: {
              email: `client${i}@example.ru`,
              name: `Клиент ${i}`,
              language: i % 3 ? 'ru' : 'en',
            },
            score: { type: 'nps', value: 9 },
            text: 'Спасибо',
          }),
        }).then(async (res) => {
          const at = Date.now();
          if (res.status === 201)
            accepted.set(((await res.json()) as { publicRef: string }).publicRef, at);
        }),
      );
    }
    await Promise.all(inflight);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && [...accepted.keys()].some((ref) => !arrivals.has(ref)))
      await new Promise((r) => setTimeout(r, 50));
    const latencies = [...accepted]
      .filter(([ref]) => arrivals.has(ref))
      .map(([ref, at]) => Math.max(0, arrivals.get(ref)![0]! - at));
    latencies.sort((a, b) => a - b);
    return {
      rate: opts.rate,
      sent: accepted.size,
      received: latencies.length,
      missing: accepted.size - latencies.length,
      duplicates: [...arrivals.values()].filter((times) => times.length > 1).length,
      p50Ms: median(latencies),
      p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
      maxMs: latencies[latencies.length - 1] ?? 0,
      peakMemoryMiB: peakMemoryMiB(server.child.pid!),
    };
  } finally {
    clearInterval(poll);
    await server.stop();
    await smtp.close();
  }
}
