// The job queue's backlog as Prometheus gauges, read from the database at scrape time. Shared by
// every process on one database, so any one of them reports the whole queue: what an operator
// alerts on when mail, webhooks or SLA timers fall behind (docs/deploy.md).
import { Gauge, type Registry } from 'prom-client';
import type { Deps } from '../deps.ts';

export function registerQueueMetrics(registry: Registry, deps: Deps): void {
  const readDue = async () => {
    const now = deps.clock.now();
    const row = await deps.db
      .selectFrom('jobs')
      .select((eb) => [eb.fn.countAll<number>().as('due'), eb.fn.min('run_at').as('oldest')])
      .where('status', '=', 'queued')
      .where('run_at', '<=', now.toISOString())
      .executeTakeFirst();
    const oldest = row?.oldest ? new Date(String(row.oldest)).getTime() : undefined;
    return {
      due: Number(row?.due ?? 0),
      ageSeconds: oldest === undefined ? 0 : Math.max(0, (now.getTime() - oldest) / 1000),
    };
  };
  // Both due gauges are collected together in one scrape: they share the query in flight
  // instead of reading the queue twice (nothing is kept once it has answered).
  let inFlight: ReturnType<typeof readDue> | undefined;
  const dueNow = () =>
    (inFlight ??= readDue().finally(() => {
      inFlight = undefined;
    }));
  new Gauge({
    name: 'clientloop_jobs_due',
    help: 'Queued jobs whose time has come (mail, webhooks, SLA timers, reports), all processes',
    registers: [registry],
    async collect() {
      this.set((await dueNow()).due);
    },
  });
  new Gauge({
    name: 'clientloop_jobs_due_oldest_seconds',
    help: 'How long the oldest due job has waited; 0 when none is due',
    registers: [registry],
    async collect() {
      this.set((await dueNow()).ageSeconds);
    },
  });
  new Gauge({
    name: 'clientloop_jobs_failed',
    help: 'Jobs that failed for good (attempts used up or a permanent error), ever',
    registers: [registry],
    async collect() {
      const row = await deps.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'failed')
        .executeTakeFirst();
      this.set(Number(row?.n ?? 0));
    },
  });
}
