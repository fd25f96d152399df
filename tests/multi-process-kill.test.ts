// Many processes on one database, killed with SIGKILL at random points (issue 20). Real
// `server/main.ts` processes — on PostgreSQL two SERVICES=web and one SERVICES=worker, on SQLite
// one of each on the same file — take real-shape intake over loopback HTTP while the harness
// kills and restarts web processes and the worker. Afterwards: every acknowledged request is one
// stored record (none lost, none twice, each key one record), every case the rules ask for is
// opened once, every acknowledgement mail reaches the SMTP server (a redelivery of the same
// Message-ID only across a worker kill), no job is stuck or failed. Then the SLA timers come due
// (the cases' due times moved into the past: the clock moved on), the worker is killed again
// mid-way, and every case is escalated exactly once.
// KILL_TEST_SEED=<n> replays a run's kill points (the seed is printed).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseRuleFor } from '../server/modules/cases/index.ts';
import { createTestDb, PG_URL, testDialects, type TestDb } from './support/db.ts';
import {
  Deployment,
  KILL_TEST_KEY,
  runTraffic,
  seeded,
  waitUntilQuiet,
  type Traffic,
} from './support/kill-harness.ts';
import { startTestSmtp, type TestSmtp } from './support/smtp.ts';

const TOTAL = 600;
/** Work still due this long after the traffic (or a kill) is stuck; generous for a busy machine. */
const QUIET_MS = 180_000;
const ROLES = {
  postgres: { web1: 'web', web2: 'web', worker: 'worker' },
  sqlite: { web1: 'web', worker: 'worker' },
};
const VICTIMS = {
  postgres: ['web1', 'worker', 'web2'],
  sqlite: ['web1', 'worker'],
};

describe.each(testDialects())('many processes killed at random points (%s)', (dialect) => {
  let testDb: TestDb;
  let smtp: TestSmtp;
  let deployment: Deployment;

  beforeEach(async () => {
    testDb = await createTestDb(dialect);
    smtp = await startTestSmtp();
    const url =
      dialect === 'postgres'
        ? `${PG_URL}?options=${encodeURIComponent(`-c search_path=${testDb.pgSchema}`)}`
        : testDb.url;
    deployment = new Deployment(
      {
        NODE_ENV: 'test',
        DATABASE_URL: url,
        DB_AUTO_MIGRATE: 'false',
        SMTP_URL: smtp.url,
        JOBS_POLL_MS: '50',
        JOBS_LEASE_MS: '2000',
        CLIENTLOOP_ADMIN_EMAIL: 'admin@kill.example',
        CLIENTLOOP_ADMIN_PASSWORD: 'kill-test-password-1',
        CLIENTLOOP_API_KEY: KILL_TEST_KEY,
      },
      ROLES[dialect],
    );
  });

  afterEach(async () => {
    await deployment?.stopAll();
    await smtp?.close();
    await testDb?.drop();
  });

  /** What is still to do: due jobs (queued or claimed), queued mails. */
  async function pending(): Promise<string | undefined> {
    const now = new Date().toISOString();
    const jobs = await testDb.db
      .selectFrom('jobs')
      .select(['name', 'status'])
      .where('status', '=', 'queued')
      .where('run_at', '<=', now)
      .execute();
    const mails = await testDb.db
      .selectFrom('messages')
      .select('id')
      .where('status', '=', 'queued')
      .execute();
    if (jobs.length || mails.length)
      return `${jobs.length} due jobs (${[...new Set(jobs.map((j) => j.name))].join(', ')}), ${mails.length} queued mails`;
    return undefined;
  }

  /** Each mail row sent reached the SMTP server; a second copy only across a worker kill. */
  async function mailProblems(): Promise<string[]> {
    const problems: string[] = [];
    const rows = await testDb.db.selectFrom('messages').select(['id', 'status']).execute();
    const arrivals = new Map<string, number[]>();
    smtp.messages.forEach((m, i) =>
      arrivals.set(m.messageId ?? '', [
        ...(arrivals.get(m.messageId ?? '') ?? []),
        smtp.receivedAt[i]!,
      ]),
    );
    const known = new Set(rows.map((r) => `<${r.id}@clientloop>`));
    for (const r of rows) {
      if (r.status !== 'sent') problems.push(`message ${r.id} is ${r.status}`);
      else if (!arrivals.has(`<${r.id}@clientloop>`))
        problems.push(`message ${r.id} never arrived`);
    }
    const workerKills = deployment.kills.filter((k) => k.name === 'worker').map((k) => k.at);
    for (const [id, times] of arrivals) {
      if (!known.has(id)) problems.push(`mail ${id} has no message row`);
      if (times.length < 2) continue;
      const across = workerKills.some((at) => times[0]! <= at && at <= times[times.length - 1]!);
      if (times.length > 2 || !across) problems.push(`mail ${id} arrived ${times.length} times`);
    }
    return problems;
  }

  async function intakeProblems(t: Traffic): Promise<string[]> {
    const problems = [...t.refused];
    const feedback = await testDb.db
      .selectFrom('feedback')
      .select(['id', 'case_id', 'acknowledged_at'])
      .execute();
    const byId = new Map(feedback.map((f) => [f.id, f]));
    const cases = await testDb.db.selectFrom('cases').select(['id', 'feedback_id']).execute();
    const acks = await testDb.db
      .selectFrom('messages')
      .select('feedback_id')
      .where('kind', '=', 'ack')
      .execute();
    const acksOf = new Map<string, number>();
    for (const a of acks) acksOf.set(a.feedback_id!, (acksOf.get(a.feedback_id!) ?? 0) + 1);
    let wantCases = 0;
    for (const [key, body] of t.bodies) {
      const ids = t.acked.get(key);
      if (!ids) {
        problems.push(`${key} was never acknowledged`);
        continue;
      }
      if (ids.size !== 1) problems.push(`${key} answered with ${ids.size} records`);
      const row = byId.get([...ids][0]!);
      if (!row) {
        problems.push(`${key}: acknowledged record is not stored (lost)`);
        continue;
      }
      const score = body.score as { type: 'nps'; value: number };
      const wantCase = caseRuleFor(score, body.text as string | undefined) !== null;
      if (wantCase) wantCases += 1;
      if (wantCase !== (row.case_id !== null)) problems.push(`${key}: case ${row.case_id}`);
      const wantAck = body.contact ? 1 : 0;
      if ((acksOf.get(row.id) ?? 0) !== wantAck)
        problems.push(`${key}: ${acksOf.get(row.id) ?? 0} acknowledgements, want ${wantAck}`);
      if (wantAck && !row.acknowledged_at) problems.push(`${key}: not marked acknowledged`);
    }
    if (feedback.length !== t.bodies.size)
      problems.push(`${feedback.length} records stored for ${t.bodies.size} keys`);
    if (cases.length !== wantCases) problems.push(`${cases.length} cases, want ${wantCases}`);
    if (new Set(cases.map((c) => c.feedback_id)).size !== cases.length)
      problems.push('a record has two cases');
    return problems;
  }

  async function jobProblems(): Promise<string[]> {
    const problems: string[] = [];
    const failed = await testDb.db
      .selectFrom('jobs')
      .select(['name', 'last_error'])
      .where('status', '=', 'failed')
      .execute();
    for (const j of failed) problems.push(`job ${j.name} failed: ${j.last_error}`);
    const timers = await testDb.db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', 'cases.sla.check')
      .execute();
    const perCase = new Map<string, number>();
    for (const j of timers) {
      const id = (JSON.parse(j.payload) as { caseId: string }).caseId;
      perCase.set(id, (perCase.get(id) ?? 0) + 1);
    }
    const cases = await testDb.db.selectFrom('cases').select('id').execute();
    for (const c of cases)
      if (perCase.get(c.id) !== 1)
        problems.push(`case ${c.id}: ${perCase.get(c.id) ?? 0} SLA timers`);
    return problems;
  }

  it(
    'keeps every acknowledged record, case, mail and timer exactly once',
    { timeout: 600_000 },
    async () => {
      const seed = Number(process.env.KILL_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
      console.info(`multi-process kill test (${dialect}): KILL_TEST_SEED=${seed}`);
      const random = seeded(seed);
      const killAt = new Map<number, string>();
      for (const victim of VICTIMS[dialect]) {
        let at: number;
        do at = Math.floor(TOTAL * (0.1 + 0.8 * random()));
        while (killAt.has(at));
        killAt.set(at, victim);
      }
      const t0 = Date.now();
      const mark = (what: string) =>
        process.stderr.write(`${dialect} ${what} at ${Date.now() - t0} ms\n`);
      await deployment.startAll();
      mark('started');
      const traffic = await runTraffic(deployment, {
        total: TOTAL,
        connections: 8,
        run: `k${seed}`,
        killAt,
      });
      mark('traffic answered');
      expect(await waitUntilQuiet(pending, QUIET_MS)).toBeUndefined();
      mark('quiet');
      expect(await intakeProblems(traffic)).toEqual([]);
      expect(await jobProblems()).toEqual([]);
      expect(await mailProblems()).toEqual([]);

      // The SLA timers come due; the worker is killed once while it escalates.
      const cases = await testDb.db.selectFrom('cases').select('id').execute();
      const past = new Date(Date.now() - 60_000).toISOString();
      await testDb.db.updateTable('cases').set({ due_at: past }).execute();
      await testDb.db
        .updateTable('jobs')
        .set({ run_at: past })
        .where('name', '=', 'cases.sla.check')
        .execute();
      const before = smtp.messages.length;
      const killAfter = Math.floor(cases.length * (0.1 + 0.5 * random()));
      const giveUp = Date.now() + 30_000;
      while (smtp.messages.length - before < killAfter && Date.now() < giveUp)
        await new Promise((r) => setTimeout(r, 5));
      mark('killing the worker among escalations');
      await deployment.killAndRestart('worker');
      expect(await waitUntilQuiet(pending, QUIET_MS)).toBeUndefined();
      mark('escalated');
      const kills = deployment.kills.map((k) => ({ ...k, at: k.at - t0 }));
      process.stderr.write(`${dialect} kills ${JSON.stringify(kills)}\n`);
      const breached = await testDb.db
        .selectFrom('cases')
        .select('id')
        .where('breached_at', 'is not', null)
        .execute();
      const events = await testDb.db
        .selectFrom('case_events')
        .select('case_id')
        .where('kind', '=', 'sla_breached')
        .execute();
      const escalations = await testDb.db
        .selectFrom('messages')
        .select('case_id')
        .where('kind', '=', 'escalation')
        .execute();
      expect(breached.length).toBe(cases.length);
      expect(events.length).toBe(cases.length);
      expect(new Set(events.map((e) => e.case_id)).size).toBe(cases.length);
      expect(escalations.length).toBe(cases.length);
      expect(new Set(escalations.map((e) => e.case_id)).size).toBe(cases.length);
      expect(await jobProblems()).toEqual([]);
      expect(await mailProblems()).toEqual([]);
    },
  );
});
