// npm run demo: loads a realistic Russian demo organisation into DATABASE_URL (default SQLite):
// clients with contacts, roles and account managers (parties.ts), two SLA policies, nine surveys
// (surveys.ts), a year of feedback whose texts match their scores (feedback.ts, texts.ts), and
// cases opened by the same rules as real intake and worked by their owners — most open ones
// within SLA, two at risk, two overdue (cases.ts); client requirements and important dates
// (care.ts); then three years of transactions consistent with that feedback, and monthly
// marketing spend (economics.ts); 40 employees on the five stages and three months of calls that
// name them, missed calls mostly called back (employees.ts); the journey stages with ru/en names,
// owners and targets (stages.ts); six months of anonymous eNPS pulse answers per team, one team
// below 5 answers (pulses.ts); half a year of process KPIs per stage (kpis.ts); the contacts'
// roles, strategic fit and two quarters of portfolio snapshots (portfolio.ts); a strategy map
// whose KPIs follow those figures (strategy.ts). Nothing is dated after the load (issue 21;
// tests/demo.test.ts checks the whole on both databases).
import { loadConfig } from '../../server/config.ts';
import { ctxFor, type Ctx } from '../../server/context.ts';
import { loadStatusLinkKeys } from '../../server/lib/status-link.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { createDeps } from '../../server/deps.ts';
import { fixedClock } from '../../server/lib/clock.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { createOrganisation } from '../../server/modules/orgs/index.ts';
import { updateCase } from '../../server/modules/cases/cases.service.ts';
import { CLIENTS, DEMO_ADMIN, DEMO_ORG } from './data.ts';
import { loadSlaPoliciesDemo, workDemoCases } from './cases.ts';
import { loadCareDemo } from './care.ts';
import { loadFeedbackDemo } from './feedback.ts';
import { loadPartiesDemo } from './parties.ts';
import { loadSurveysDemo } from './surveys.ts';
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
  const now = Date.now();
  // The organisation, its people and settings date from before the year of feedback.
  const clock = fixedClock(new Date(now - 370 * 86_400_000));
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
  const created = await deps.db.transaction().execute((trx) =>
    createOrganisation(trx, clock, {
      name: DEMO_ORG,
      language: 'ru',
      admin: DEMO_ADMIN,
      apiKey: { name: 'Демо-ключ', role: 'admin' },
    }),
  );
  const ctx: Ctx = ctxFor(deps, { type: 'system', id: null, orgId: created.orgId, role: 'admin' });
  const userIdOf = async (email: string) =>
    (
      await deps.db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', created.orgId)
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  // Stages and their owners, the SLA policies, the clients with their managers and the surveys
  // first, so the cases below are routed and timed as real intake would (issues 15, 21).
  const stages = await loadStagesDemo(ctx, created.userId!);
  const policies = await loadSlaPoliciesDemo(ctx, new Date(now));
  const parties = await loadPartiesDemo(ctx, ALL_CLIENTS, userIdOf);
  const log = createLogger('warn');
  const surveys = await loadSurveysDemo(deps, ctx, clock, log, seeded(20261221), now);
  const rand = seeded(20261123);
  const moods = dispositions(ALL_CLIENTS.length, seeded(20261203));
  const feedback = await loadFeedbackDemo(ctx, clock, rand, {
    clients: ALL_CLIENTS,
    parties,
    moods,
    surveys,
    now,
  });
  const economics: EconomicsClient[] = ALL_CLIENTS.map((c, i) => ({
    externalId: `demo-${i}`,
    name: c.name,
    segment: c.segment,
    disposition: moods[i]!,
    nps: feedback.nps[i]!,
  }));
  const worked = await workDemoCases(deps, created.orgId, clock, seeded(20261222), now);
  // The demo admin also works cases, so their "Сегодня" page has some of its own (issue 21).
  // She takes them herself, so the audit log names her rather than "System".
  const admin = ctxFor(deps, {
    type: 'user',
    id: created.userId!,
    orgId: created.orgId,
    role: 'admin',
  });
  for (const id of worked.onTimeOpen.slice(-4))
    await updateCase(admin, id, { ownerId: created.userId! });
  const care = await loadCareDemo(ctx, clock, parties, now);
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
      `Demo organisation «${DEMO_ORG}» loaded: ${ALL_CLIENTS.length} clients, ${feedback.count} feedback records, ${worked.resolved + worked.open} cases (${worked.resolved} resolved, ${worked.resolvedLate} of them late; ${worked.open} open, ${worked.overdue} overdue), ${money.transactions} transactions and ${money.months} months of marketing spend; ${stages} journey stages with owners, ${policies} SLA policies.`,
      `Surveys: ${surveys.counts().surveys}, ${surveys.counts().invites} invitations, ${surveys.counts().answers} answered; ${care.requirements} client requirements and ${care.dates} important dates.`,
      `Employees: ${staff.employees} (${staff.recent} hired in the last 45 days); calls: ${staff.calls}, ${staff.linkedCalls} of them linked to an employee, ${staff.callbacks} call-backs of missed calls.`,
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
