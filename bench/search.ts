// Global search at scale (issue 21): one organisation with BENCH_FEEDBACK records (default
// 1 000 000, a third with text), 20 000 clients with a contact each and 50 000 cases, written
// with multi-row inserts into a SQLite file; then each query kind is timed through the search
// service (the route's work without HTTP): median and p95 of 30 runs. The record and case text
// search reads a fixed window of the newest rows, so its time should not follow the table size.
// Run: flock /tmp/bench.lock nice -n 10 npx tsx bench/search.ts
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemCtx } from '../server/context.ts';
import { newId } from '../server/lib/ids.ts';
import { searchClients, searchContacts } from '../server/modules/clients/index.ts';
import { searchFeedback } from '../server/modules/feedback/index.ts';
import { searchCases } from '../server/modules/cases/index.ts';
import type { Ctx } from '../server/context.ts';
import { createBenchOrg } from './lib.ts';
import { chunked, openDeps, seeded } from './scorecard-data.ts';

const FEEDBACK = Number(process.env.BENCH_FEEDBACK ?? 1_000_000);
const CLIENTS = 20_000;
const CASES = 50_000;
const TEXTS = [
  'Нормально, но доставка задержалась',
  'Курьер был вежлив, всё отлично',
  'Менеджер долго не перезванивал',
  'Счёт пришёл с ошибкой в реквизитах',
];

/**
 * BENCH_SEARCH_DB=<file> keeps the database: a first run with `--seed-only` writes it (no lock
 * needed), a second one under `flock /tmp/bench.lock` only times. Without it, a temporary file.
 */
async function main() {
  const kept = process.env.BENCH_SEARCH_DB;
  const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'cl-bench-search-'));
  const path = kept ?? `${dir}/db.sqlite`;
  const reuse = existsSync(path);
  const deps = await openDeps(`sqlite:${path}`);
  try {
    const orgId = reuse
      ? (await deps.db.selectFrom('orgs').select('id').executeTakeFirstOrThrow()).id
      : await seed(deps);
    if (process.argv.includes('--seed-only')) return;
    await time(deps, orgId);
  } finally {
    await deps.dbHandle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function seed(deps: Awaited<ReturnType<typeof openDeps>>): Promise<string> {
  const { orgId } = await createBenchOrg(deps, { name: 'Бенчмарк поиска' });
  const r = seeded(21);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const t0 = Date.now();
  const clientIds: string[] = [];
  for (let i = 0; i < CLIENTS; i += 1000) {
    const clients = [];
    const contacts = [];
    for (let k = i; k < i + 1000; k++) {
      const id = newId();
      clientIds.push(id);
      const at = iso(now);
      clients.push({
        ...{ id, org_id: orgId, name: `Клиент ${k}`, kind: 'company' as const },
        ...{
          external_id: null,
          segment: null,
          search_text: `клиент ${k}`,
          inn: `77${k}`.padEnd(10, '0'),
        },
        ...{ created_at: at, updated_at: at },
      });
      contacts.push({
        ...{ id: newId(), org_id: orgId, client_id: id, name: `Контакт ${k}` },
        ...{
          email: `c${k}@example.ru`,
          phone: `+7 (912) ${String(k)
            .padStart(7, '0')
            .replace(/(\d{3})(\d{2})(\d{2})/, '$1-$2-$3')}`,
        },
        ...{
          language: 'ru' as const,
          roles: '[]',
          external_id: null,
          created_at: at,
          updated_at: at,
        },
      });
    }
    await chunked(deps, 'clients', clients);
    await chunked(deps, 'contacts', contacts);
  }
  let batch: unknown[] = [];
  for (let i = 0; i < FEEDBACK; i++) {
    const at = iso(now - (FEEDBACK - i) * 60_000);
    batch.push({
      ...{ id: newId(), org_id: orgId, public_ref: `CL-S${i}`, ref_key: `S${i}`, channel: 'api' },
      ...{ client_id: clientIds[i % CLIENTS]!, contact_id: null, stage: null, survey_id: null },
      ...{ score_type: 'nps', score_value: Math.floor(r() * 11) },
      ...{ text: r() < 0.33 ? TEXTS[i % TEXTS.length]! : null, language: null },
      ...{
        sentiment_label: null,
        sentiment_score: null,
        topics: '[]',
        source_id: null,
        raw: null,
      },
      ...{
        case_id: null,
        acknowledged_at: null,
        received_at: at,
        created_at: at,
        analysed_at: at,
      },
    });
    if (batch.length === 2000) {
      await chunked(deps, 'feedback', batch);
      batch = [];
    }
  }
  if (batch.length) await chunked(deps, 'feedback', batch);
  batch = [];
  for (let i = 0; i < CASES; i++) {
    const at = iso(now - (CASES - i) * 600_000);
    batch.push({
      ...{ id: newId(), org_id: orgId, public_ref: `CL-${String(i).padStart(10, 'A')}` },
      ...{ title: `Обращение ${i}: ${TEXTS[i % TEXTS.length]}`, type: 'complaint' },
      ...{ priority: 'normal', status: 'new', stage: null, client_id: null, contact_id: null },
      ...{ feedback_id: null, owner_id: null, sla_policy_id: null, opened_by: 'system' },
      ...{ first_response_due_at: null, due_at: null, first_responded_at: null },
      ...{ resolved_at: null, closed_at: null, breached_at: null, resolution: null },
      ...{ followup_requested: 0, created_at: at, updated_at: at },
    });
    if (batch.length === 2000) {
      await chunked(deps, 'cases', batch);
      batch = [];
    }
  }
  if (batch.length) await chunked(deps, 'cases', batch);
  console.log(
    `data: ${FEEDBACK} records, ${CLIENTS} clients/contacts, ${CASES} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  return orgId;
}

async function time(deps: Awaited<ReturnType<typeof openDeps>>, orgId: string): Promise<void> {
  const ctx = systemCtx(deps, orgId);
  const queries: [string, string][] = [
    ['common word (hits at once)', 'доставка'],
    ['word in no record (whole window)', 'несуществующее'],
    ['hostile 200 chars', `${'а'.repeat(199)}б`],
    ['phone, other format', '8 912 000-12-34'],
    ['client name', 'клиент 1234'],
    ['INN prefix', '7712'],
    ['case reference', 'CL-AAAAAA12'],
  ];
  console.log(
    `loadavg before: ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`,
  );
  const parts: [string, (ctx: Ctx, q: string, limit: number) => Promise<unknown[]>][] = [
    ['clients', searchClients],
    ['contacts', searchContacts],
    ['records', searchFeedback],
    ['cases', searchCases],
  ];
  console.log(
    `${'query'.padEnd(34)} ${parts.map(([p]) => p.padStart(18)).join('')}   (median / p95 ms of 30)`,
  );
  for (const [label, q] of queries) {
    const cells: string[] = [];
    for (const [, run] of parts) {
      await run(ctx, q, 5); // warm
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const s = performance.now();
        await run(ctx, q, 5);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      cells.push(`${times[15]!.toFixed(1)} / ${times[28]!.toFixed(1)}`.padStart(18));
    }
    console.log(`${label.padEnd(34)} ${cells.join('')}`);
  }
  console.log(
    `loadavg after: ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`,
  );
}

await main();
