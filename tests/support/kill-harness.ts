// The multi-process kill test's moving parts (issue 20): a set of real ClientLoop processes on one
// database that can be SIGKILLed and restarted, and a client that sends real-shape intake
// traffic through the live web processes, remembering which requests were acknowledged and
// which are in doubt (connection lost, 5xx) and retrying those with their Idempotency-Key.
import { realFeedback, realHeaders } from '../../bench/shapes.ts';
import { startClientLoopProcess, type ClientLoopProcess } from './processes.ts';

export const KILL_TEST_KEY = 'cl_kill_test_key_0123456789abcdef';

/** A small seeded generator (mulberry32): the run's kill points follow from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface Kill {
  name: string;
  /** Date.now() just before the SIGKILL. */
  at: number;
  /** How long the process took to be back (ms). */
  downMs?: number;
}

/** The processes of one deployment, by name ("web1", "worker" …); web names start with "web". */
export class Deployment {
  readonly live = new Map<string, ClientLoopProcess>();
  readonly kills: Kill[] = [];
  private restarting: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: Record<string, string>,
    private readonly roles: Record<string, string>,
  ) {}

  async start(name: string): Promise<void> {
    const services = this.roles[name]!;
    this.live.set(name, await startClientLoopProcess(name, { ...this.env, SERVICES: services }));
  }

  /** All together: one of them bootstraps the organisation (the others find it made). */
  async startAll(): Promise<void> {
    await Promise.all(Object.keys(this.roles).map((n) => this.start(n)));
  }

  webUrls(): string[] {
    return [...this.live.values()].flatMap((p) => (p.url ? [p.url] : []));
  }

  /** SIGKILL `name` now and start it again; kills run one after the other. */
  killAndRestart(name: string): Promise<void> {
    const run = this.restarting.then(async () => {
      const victim = this.live.get(name)!;
      this.live.delete(name);
      const kill: Kill = { name, at: Date.now() };
      this.kills.push(kill);
      await victim.kill();
      await this.start(name);
      kill.downMs = Date.now() - kill.at;
    });
    this.restarting = run;
    return run;
  }

  settled(): Promise<void> {
    return this.restarting;
  }

  async stopAll(): Promise<void> {
    await this.restarting.catch(() => undefined);
    await Promise.all([...this.live.values()].map((p) => p.stop()));
    this.live.clear();
  }
}

export interface Traffic {
  /** Idempotency-Key → the body it carried (a repeat carries its original's). */
  bodies: Map<string, Record<string, unknown>>;
  /** Idempotency-Key → the record ids its 200/201 answers named. */
  acked: Map<string, Set<string>>;
  inDoubt: Set<string>;
  /** Answers that were neither 2xx nor a lost connection / 5xx (must stay empty). */
  refused: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function send(
  url: string,
  key: string,
  body: Record<string, unknown>,
  t: Traffic,
): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/feedback`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${KILL_TEST_KEY}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (res.status === 200 || res.status === 201) {
      const ids = t.acked.get(key) ?? new Set<string>();
      ids.add((JSON.parse(text) as { id: string }).id);
      t.acked.set(key, ids);
      return true;
    }
    if (res.status < 500) t.refused.push(`${key}: ${res.status} ${text.slice(0, 300)}`);
    return false;
  } catch {
    return false;
  }
}

/**
 * Sends `total` real-shape requests from `connections` loops over the live web processes; when
 * request n is a kill point, its process is killed and restarted. Then every request in doubt is
 * sent again with its key until it is answered.
 */
export async function runTraffic(
  deployment: Deployment,
  opts: { total: number; connections: number; run: string; killAt: Map<number, string> },
): Promise<Traffic> {
  const t: Traffic = { bodies: new Map(), acked: new Map(), inDoubt: new Set(), refused: [] };
  const headers = realHeaders(opts.run);
  const kills: Promise<void>[] = [];
  let next = 0;
  const pick = async (i: number): Promise<string> => {
    for (;;) {
      const urls = deployment.webUrls();
      if (urls.length) return urls[i % urls.length]!;
      await sleep(50);
    }
  };
  const loops = Array.from({ length: opts.connections }, async () => {
    while (next < opts.total) {
      const n = next++;
      const victim = opts.killAt.get(n);
      if (victim) kills.push(deployment.killAndRestart(victim));
      const key = headers(n)['idempotency-key'];
      const body = realFeedback(n);
      t.bodies.set(key, body);
      if (!(await send(await pick(n), key, body, t))) {
        t.inDoubt.add(key);
        await sleep(20);
      }
    }
  });
  await Promise.all(loops);
  await Promise.all(kills);
  for (const key of t.inDoubt)
    for (let attempt = 0; !t.acked.has(key) && attempt < 20; attempt++)
      if (!(await send(await pick(attempt), key, t.bodies.get(key)!, t))) await sleep(100);
  return t;
}

/** Polls `check` until it returns nothing twice in a row, or gives up with its last answer. */
export async function waitUntilQuiet(
  check: () => Promise<string | undefined>,
  timeoutMs: number,
): Promise<string | undefined> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  let last: string | undefined;
  while (Date.now() < until) {
    last = await check();
    quiet = last === undefined ? quiet + 1 : 0;
    if (quiet >= 2) return undefined;
    await sleep(250);
  }
  return last;
}
