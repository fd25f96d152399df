// npm run bench:dashboards — the pages people work from all day (issue 20) at 1 000 000 feedback
// records with their cases: the case list as the inbox, board, stage page and week drill-downs
// ask for it, the care inbox, the feedback list, client search and the ⌘K search. The data set
// is bench/scorecard.ts's (loaded here the same way when BENCH_DIR / the PostgreSQL database has
// none; BENCH_CASES, BENCH_TX, BENCH_CALLS scale it). Over real HTTP, in process: p50/p95 of
// BENCH_REQUESTS sequential requests after BENCH_WARMUP for each line, as an API key, and the
// "assigned to me" lines as the signed-in admin, who owns every tenth open case (set once here).
// SQLite (BENCH_SQLITE=0 skips it) in BENCH_DIR (default /tmp/cl-scorecard-bench); PostgreSQL
// with BENCH_PG=1 in BENCH_PG_NAME (default cl_scorecard_bench). BENCH_ONLY=<regular expression>
// times only the matching lines; BENCH_REOPEN=1 first puts every case back in progress (the
// issue's board with ≈ 640 000 open cases; it changes the data set for later runs too);
// BENCH_ANALYZE=1 runs ANALYZE first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import {
  analyze,
  assignSomeCases,
  backdateClients,
  reopenAllCases,
  signIn,
} from './dashboards-prepare.ts';
import { generate, KEY, openDeps } from './scorecard-data.ts';
import { loadAverage, machine, pgDatabase, reuse, timeEndpoint } from './scorecard-http.ts';

const SQLITE = process.env.BENCH_SQLITE !== '0';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const DIR = process.env.BENCH_DIR ?? '/tmp/cl-scorecard-bench';
const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_NAME = process.env.BENCH_PG_NAME ?? 'cl_scorecard_bench';
const OPEN = 'new,acknowledged,in_progress,waiting_client';
const DAY = 86_400_000;

interface Line {
  url: string;
  /** As the signed-in admin rather than the API key. */
  session?: boolean;
  /** The URL of a later page: the cursor of the first answer of `url`. */
  nextOf?: string;
}

/** Each page's requests, as web/ makes them (web/api/*.ts, web/pages/**). */
function lines(data: { managerId: string; clientId: string }): Record<string, Line> {
  const now = Date.now();
  const week = (days: number) => new Date(now - days * DAY).toISOString();
  return {
    // Inbox (InboxPage): the open cases, one page of 200 (the API's default limit there).
    'cases: open, first page of 50': { url: '/api/v1/cases?open=true&limit=50' },
    'cases: open, page 2 of 50 (cursor)': {
      url: '/api/v1/cases?open=true&limit=50',
      nextOf: 'cursor',
    },
    'cases: inbox, open, 200': { url: '/api/v1/cases?open=true&limit=200' },
    // Board (CaseBoardPage): the open statuses page after page of 200, the recent resolutions.
    'cases: board, open statuses, 200': { url: `/api/v1/cases?limit=200&status=${OPEN}` },
    'cases: board, resolved in 14 days': {
      url: `/api/v1/cases?limit=200&status=resolved&resolvedFrom=${week(14)}`,
    },
    'cases: mine (open, owner = me), 50': {
      url: `/api/v1/cases?open=true&ownerId=${data.managerId}&limit=50`,
    },
    'cases: one stage, open (stage page), 200': {
      url: '/api/v1/cases?open=true&stage=support&limit=200',
    },
    'cases: one client (client page), 50': {
      url: `/api/v1/cases?clientId=${data.clientId}&limit=50`,
    },
    // The week's "overdue" figure's drill-down (CaseListPage, breachedFrom/To), last data week.
    'cases: overdue in a week (breached window), 200': {
      url: '/api/v1/cases?limit=200&breachedFrom=2026-11-22T21:00:00.000Z&breachedTo=2026-11-29T21:00:00.000Z',
    },
    // Care inbox (CareInboxPage): 14 days ahead, "all" and "assigned to me".
    'care inbox: reminders, 14 days': { url: '/api/v1/reminders?days=14&lang=ru' },
    'care inbox: reminders, assigned to me': {
      url: '/api/v1/reminders?days=14&lang=ru&mine=true',
      session: true,
    },
    // Feedback list (FeedbackListPage) and the inbox's records without a case.
    'feedback: first page of 50': { url: '/api/v1/feedback?limit=50' },
    'feedback: NPS detractors (score ≤ 6), 50': {
      url: '/api/v1/feedback?limit=50&scoreType=nps&scoreMax=6',
    },
    'feedback: one channel (none match), 50': { url: '/api/v1/feedback?limit=50&channel=email' },
    'feedback: without a case (inbox), 20': { url: '/api/v1/feedback?hasCase=false&limit=20' },
    // Clients (ClientsPage, NewCasePage) and ⌘K (GlobalSearch).
    'clients: search by name': { url: `/api/v1/clients?q=${encodeURIComponent('Клиент 1234')}` },
    'clients: search, 20 (new case form)': {
      url: `/api/v1/clients?q=${encodeURIComponent('клиент 77')}&limit=20`,
    },
    'search (⌘K): a name': { url: `/api/v1/search?q=${encodeURIComponent('Клиент 1234')}&limit=5` },
    'search (⌘K): a reference': { url: '/api/v1/search?q=CL-B4242&limit=5' },
  };
}

async function benchOne(label: string, databaseUrl: string) {
  const deps = await openDeps(databaseUrl);
  let data = await reuse(deps);
  let loadSeconds: number | null = null;
  if (!data) {
    console.log(`${label}: loading the data set (minutes)…`);
    const t0 = Date.now();
    data = await generate(deps);
    loadSeconds = (Date.now() - t0) / 1000;
  } else console.log(`${label}: reusing the data set in ${databaseUrl}`);
  await backdateClients(deps, data.orgId);
  const owned = await assignSomeCases(deps, data.orgId, data.managerId);
  const prepared: Record<string, number> = { ownedByAdmin: owned };
  if (process.env.BENCH_REOPEN === '1')
    prepared.openAfterReopen = await reopenAllCases(deps, data.orgId);
  if (process.env.BENCH_ANALYZE === '1') await analyze(deps);
  console.log(`${label}: ${JSON.stringify(prepared)}`);
  const app = await buildApp(deps, { serveWeb: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const session = await signIn(base);
  const timings: Record<string, { p50: number; p95: number }> = {};
  for (const [name, line] of Object.entries(lines(data))) {
    if (ONLY && !ONLY.test(name)) continue;
    let url = line.url;
    if (line.nextOf) {
      const first = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${KEY}` } });
      const cursor = ((await first.json()) as { nextCursor: string | null }).nextCursor;
      if (!cursor) throw new Error(`${name}: the first page has no next page`);
      url = `${url}&cursor=${encodeURIComponent(cursor)}`;
    }
    let rows = 0;
    timings[name] = await timeEndpoint(base, line.session ? session : KEY, url, {
      requests: REQUESTS,
      warmup: WARMUP,
      check: (body) => {
        // A page's items, or the ⌘K search's groups of them.
        const json = JSON.parse(body) as Record<string, unknown>;
        rows = Object.values(json).reduce<number>(
          (n, v) => n + (Array.isArray(v) ? v.length : 0),
          0,
        );
      },
    });
    console.log(
      `${label} ${name}: p50 ${timings[name]!.p50} ms, p95 ${timings[name]!.p95} ms (${rows} rows)`,
    );
  }
  await app.close();
  await deps.db.destroy();
  return { loadSeconds, prepared, timings };
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: machine(),
  settings: { requests: REQUESTS, warmup: WARMUP, only: ONLY?.source ?? null },
};
if (SQLITE) {
  mkdirSync(DIR, { recursive: true });
  results.sqlite = await benchOne('sqlite', `sqlite:${join(DIR, 'bench.db')}`);
}
if (process.env.BENCH_PG === '1')
  results.postgres = await benchOne('postgres', await pgDatabase(PG_BASE, PG_NAME, false));
results.loadAverageAtEnd = loadAverage();
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/dashboards-${Date.now()}.json`;
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`written ${out}`);
