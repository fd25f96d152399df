// npm run demo: loads a realistic Russian demo organisation into DATABASE_URL (default SQLite):
// clients with contacts and roles, a year of feedback from several channels, and cases — open,
// in progress and resolved — opened by the same rules as real intake; then three years of
// transactions consistent with that feedback, and monthly marketing spend (economics.ts); 40
// employees on the five stages and three months of calls that name them (employees.ts); the
// journey stages with ru/en names, owners and targets (stages.ts); six months of anonymous eNPS
// pulse answers per team, one team below 5 answers (pulses.ts); half a year of
// process KPIs per stage (kpis.ts); the contacts' roles, strategic fit and two quarters of
// portfolio snapshots (portfolio.ts); a strategy map whose KPIs follow those figures (strategy.ts).
import { loadConfig } from '../../server/config.ts';
import { ctxFor, type Ctx } from '../../server/context.ts';
import { loadStatusLinkKeys } from '../../server/lib/status-link.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { createDeps } from '../../server/deps.ts';
import { fixedClock } from '../../server/lib/clock.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { createOrganisation } from '../../server/modules/orgs/index.ts';
import { recordFeedback } from '../../server/modules/feedback/index.ts';
import { updateCase } from '../../server/modules/cases/cases.service.ts';
import {
  CLIENTS,
  DEMO_ADMIN,
  DEMO_ORG,
  RESOLUTION_CODES,
  RESOLUTIONS,
  STAGES,
  TEXTS,
} from './data.ts';
import { loadEconomicsDemo, type EconomicsClient } from './economics.ts';
import { loadEmployeesDemo } from './employees.ts';
import { loadStagesDemo } from './stages.ts';
import { loadPulsesDemo } from './pulses.ts';
import { loadKpisDemo } from './kpis.ts';
import { loadPortfolioDemo } from './portfolio.ts';
import { loadStrategyDemo } from './strategy.ts';
import { loadCompetenciesDemo } from './competencies.ts';
import { loadBacklogDemo } from './backlog.ts';
import { dispositions, MORE_CLIENTS } from './more-clients.ts';

const ALL_CLIENTS = [...CLIENTS, ...MORE_CLIENTS];
const FEEDBACK_RECORDS = 600;

/** Mulberry32: a small seeded generator, so the demo is the same on every machine. */
function seeded(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const config = loadConfig({ ...process.env, SMTP_URL: '', LOG_LEVEL: 'warn' });
  const clock = fixedClock(new Date());
  const deps = createDeps(config, { clock, log: createLogger('warn') });
  await migrateToLatest(deps.db);
  await loadStatusLinkKeys(deps);
  const existing = await deps.db
    .selectFrom('orgs')
    .select('id')
    .where('name', '=', DEMO_ORG)
    .executeTakeFirst();
  if (existing) {
    process.stdout.write(`The demo organisation is already loaded (${existing.id}).\n`);
    await deps.dbHandle.close();
    return;
  }
  const now = Date.now();
  const created = await deps.db.transaction().execute((trx) =>
    createOrganisation(trx, clock, {
      name: DEMO_ORG,
      language: 'ru',
      admin: DEMO_ADMIN,
      apiKey: { name: 'Демо-ключ', role: 'admin' },
    }),
  );
  const ctx: Ctx = ctxFor(deps, { type: 'system', id: null, orgId: created.orgId, role: 'admin' });
  // Stages and their owners first, so the cases below are routed to them (issue 15).
  const stages = await loadStagesDemo(ctx, created.userId!);
  const rand = seeded(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  let count = 0;
  const caseIds: Array<{ id: string; at: number }> = [];
  const moods = dispositions(ALL_CLIENTS.length, seeded(20261203));
  const economics: EconomicsClient[] = ALL_CLIENTS.map((c, i) => ({
    externalId: `demo-${i}`,
    name: c.name,
    segment: c.segment,
    disposition: moods[i]!,
    nps: [],
  }));

  for (let i = 0; i < FEEDBACK_RECORDS; i++) {
    const index = Math.floor(rand() * ALL_CLIENTS.length);
    const client = ALL_CLIENTS[index]!;
    const contact = pick(client.contacts);
    // The last 40 records fall in the past ten days, so the inbox has fresh work.
    const ageDays = i >= FEEDBACK_RECORDS - 40 ? Math.floor(rand() * 10) : Math.floor(rand() * 360);
    const at = now - ageDays * 86_400_000 - Math.floor(rand() * 8) * 3_600_000;
    clock.set(new Date(at));
    const metric = pick(['nps', 'nps', 'csat', 'ces'] as const);
    // A slow improvement over the year, so the NPS trend has a story; each client leans its way.
    const mood = rand() + (360 - ageDays) / 900 + moods[index]! * 0.3;
    const value =
      metric === 'nps'
        ? Math.min(10, Math.max(0, Math.round(mood * 11 - 0.5)))
        : metric === 'csat'
          ? Math.min(5, Math.max(1, Math.round(mood * 5)))
          : Math.min(7, Math.max(1, Math.round(8 - mood * 7)));
    const bad =
      (metric === 'nps' && value <= 6) ||
      (metric === 'csat' && value <= 2) ||
      (metric === 'ces' && value >= 5);
    const good =
      (metric === 'nps' && value >= 9) ||
      (metric === 'csat' && value >= 4) ||
      (metric === 'ces' && value <= 2);
    const english = contact.language === 'en';
    const text = english
      ? pick(TEXTS.english)
      : rand() < 0.2
        ? undefined
        : pick(bad ? TEXTS.negative : good ? TEXTS.positive : TEXTS.neutral);
    const result = await recordFeedback(
      ctx,
      {
        channel: pick(['survey', 'survey', 'email', 'api', 'phone', 'manual'] as const),
        client: {
          externalId: `demo-${index}`,
          name: client.name,
          segment: client.segment,
        },
        contact: { email: contact.email, name: contact.name, language: contact.language ?? 'ru' },
        stage: pick(STAGES),
        score: { type: metric, value },
        ...(text ? { text } : {}),
        receivedAt: new Date(at).toISOString(),
        sourceId: `demo-${i}`,
      },
      { skipAcknowledgement: true },
    );
    count += 1;
    if (metric === 'nps') economics[index]!.nps.push({ at, value });
    if (result.record.case_id) caseIds.push({ id: result.record.case_id, at });
  }

  // Older cases are resolved; recent ones stay open at various stages of work.
  let resolved = 0;
  const stillOpen: string[] = [];
  for (const c of caseIds) {
    const age = (now - c.at) / 86_400_000;
    // Worked a few hours after it opened, but never later than now (no events from the future).
    const workedAt = c.at + 3_600_000 * (2 + Math.floor(rand() * 30));
    clock.set(new Date(Math.min(workedAt, now - 60_000)));
    if (age > 14 && rand() < 0.92) {
      await updateCase(ctx, c.id, { status: 'in_progress' });
      const which = Math.floor(rand() * RESOLUTIONS.length);
      await updateCase(ctx, c.id, {
        status: 'resolved',
        resolution: RESOLUTIONS[which],
        resolutionCode: RESOLUTION_CODES[which],
      });
      resolved += 1;
      continue;
    }
    stillOpen.push(c.id);
    if (rand() < 0.5) {
      await updateCase(ctx, c.id, {
        status: 'in_progress',
        note: 'Связались с клиентом, уточняем детали.',
      });
    }
  }
  clock.set(new Date(now));
  // The demo admin also works cases, so their "Сегодня" page has some of its own (issue 21).
  for (const id of stillOpen.slice(-4)) await updateCase(ctx, id, { ownerId: created.userId! });
  const money = await loadEconomicsDemo(ctx, economics, rand, new Date(now));
  const staff = await loadEmployeesDemo(ctx, seeded(20261204), new Date(now));
  const pulses = await loadPulsesDemo(deps, ctx, clock, seeded(20261205), new Date(now));
  const kpiValues = await loadKpisDemo(ctx, seeded(20261215), new Date(now));
  const portfolio = await loadPortfolioDemo(ctx, ALL_CLIENTS, seeded(20261217), new Date(now));
  const people = await deps.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('org_id', '=', created.orgId)
    .execute();
  const idOf = (email: string) => people.find((p) => p.email === email)!.id;
  const strategy = await loadStrategyDemo(
    ctx,
    { orlov: idOf('orlov@clientloop.local'), kuznetsova: idOf('kuznetsova@clientloop.local') },
    new Date(now),
  );
  const skills = await loadCompetenciesDemo(ctx, seeded(20261218), new Date(now));
  const backlog = await loadBacklogDemo(ctx, clock, new Date(now));
  await deps.dbHandle.close();
  process.stdout.write(
    [
      `Demo organisation «${DEMO_ORG}» loaded: ${ALL_CLIENTS.length} clients, ${count} feedback records, ${caseIds.length} cases (${resolved} resolved), ${money.transactions} transactions and ${money.months} months of marketing spend; ${stages} journey stages with owners.`,
      `Employees: ${staff.employees} (${staff.recent} hired in the last 45 days); calls: ${staff.calls}, ${staff.linkedCalls} of them linked to an employee.`,
      `eNPS: ${pulses.pulses} monthly pulses, ${pulses.answers} anonymous answers; process KPIs: ${kpiValues} values.`,
      `Portfolio: ${portfolio.roles} contact roles, snapshots ${portfolio.snapshots.join(' and ')}, ${portfolio.moves} clients moved cell between them.`,
      `Strategy map: ${strategy.goals} goals, ${strategy.arrows} arrows, ${strategy.kpis} KPIs (one manual).`,
      `Competencies: ${skills.assessed} support employees assessed, ${skills.training} training items, one onboarding checklist.`,
      `Improvement backlog: ${backlog.initiatives} initiatives (${backlog.done} done with public notes), ${backlog.linked} feedback records linked.`,
      `Sign in: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
      `API key: ${created.apiKey!.secret}`,
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
