// Issue 21: "every page of the demo has something true to show". Checks on a loaded demo database
// that what it says hangs together — read with the product's own text analysis (server/lib/text)
// and its own SLA risk reading (less than 4 h left: at risk), never with the demo's tables.
import { expect } from 'vitest';
import type { createDb } from '../../server/db/create-db.ts';
import { detectLanguage } from '../../server/lib/text/language.ts';
import {
  classifySentiment,
  scorePolarity,
  scoreTextDisagreement,
} from '../../server/lib/text/sentiment.ts';

type Db = ReturnType<typeof createDb>['db'];
const HOUR = 3_600_000;
/** The demo may keep this share of records whose text and score disagree, all labelled. */
export const MAX_DISAGREEING_SHARE = 0.02;

/**
 * Every text agrees with its score band by the product's text analysis — promoters write
 * positive or neutral texts, detractors negative ones, passives nothing negative — except the
 * labelled `demo-disagree-*` records (at most 2 %), which the product flags as disagreeing.
 * English contacts write in English.
 */
export async function expectTextsMatchScores(db: Db) {
  const rows = await db
    .selectFrom('feedback as f')
    .leftJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.source_id', 'f.score_type', 'f.score_value', 'f.text', 'c.language'])
    .where('f.text', 'is not', null)
    .where('f.score_type', 'is not', null)
    .execute();
  expect(rows.length).toBeGreaterThan(300);
  const disagreeing: string[] = [];
  for (const r of rows) {
    const label = classifySentiment(r.text!).label;
    const polarity = scorePolarity({ type: r.score_type!, value: r.score_value! });
    const fits =
      polarity > 0
        ? label !== 'negative'
        : polarity < 0
          ? label === 'negative'
          : label !== 'negative';
    if (!fits) disagreeing.push(`${r.source_id}: ${r.score_type} ${r.score_value} «${r.text}»`);
    if (r.language === 'en') expect(detectLanguage(r.text!), r.text!).toBe('en');
  }
  const unlabelled = disagreeing.filter((d) => !d.startsWith('demo-disagree-'));
  expect(unlabelled).toEqual([]);
  expect(disagreeing.length).toBeGreaterThan(0);
  expect(disagreeing.length / rows.length).toBeLessThanOrEqual(MAX_DISAGREEING_SHARE);
  // The labelled ones are NPS records the product flags (record page, text trends).
  const labelled = rows.filter((r) => r.source_id?.startsWith('demo-disagree-'));
  for (const r of labelled) {
    const label = classifySentiment(r.text!).label;
    expect(scoreTextDisagreement({ type: r.score_type!, value: r.score_value! }, label)).not.toBe(
      null,
    );
  }
}

/**
 * Open cases: at least 70 % on time (4 h or more left), some at risk, a few overdue — by hours or
 * days, not months — and owned by several people; every client has a manager, who owns its
 * cases. Resolved cases carry a resolution and a first response, mostly within their due time.
 * Every case runs under one of the organisation's SLA policies.
 */
export async function expectCasesWithinSla(db: Db, now: number) {
  const cases = await db
    .selectFrom('cases as k')
    .leftJoin('clients as c', 'c.id', 'k.client_id')
    .select([
      'k.status',
      'k.due_at',
      'k.owner_id',
      'k.resolution',
      'k.resolved_at',
      'k.first_responded_at',
      'k.sla_policy_id',
      'c.manager_id',
    ])
    .execute();
  const open = cases.filter((c) => c.status !== 'resolved' && c.status !== 'closed');
  const left = (c: (typeof cases)[number]) => Date.parse(c.due_at!) - now;
  const onTime = open.filter((c) => left(c) >= 4 * HOUR);
  const atRisk = open.filter((c) => left(c) > 0 && left(c) < 4 * HOUR);
  const overdue = open.filter((c) => left(c) <= 0);
  expect(open.length).toBeGreaterThanOrEqual(10);
  expect(onTime.length / open.length).toBeGreaterThanOrEqual(0.7);
  expect(atRisk.length).toBeGreaterThan(0);
  expect(overdue.length).toBeGreaterThan(0);
  expect(overdue.every((c) => -left(c) < 7 * 24 * HOUR)).toBe(true);
  expect(new Set(open.map((c) => c.owner_id)).size).toBeGreaterThanOrEqual(3);
  expect(cases.filter((c) => c.owner_id === c.manager_id).length / cases.length).toBeGreaterThan(
    0.9,
  );
  const resolved = cases.filter((c) => c.status === 'resolved');
  expect(resolved.length).toBeGreaterThan(open.length);
  expect(resolved.every((c) => c.resolution && c.first_responded_at)).toBe(true);
  const inTime = resolved.filter((c) => c.resolved_at! <= c.due_at!);
  expect(inTime.length / resolved.length).toBeGreaterThan(0.8);
  expect(inTime.length).toBeLessThan(resolved.length);
  const policies = await db.selectFrom('sla_policies').select(['id', 'is_default']).execute();
  expect(policies.some((p) => Number(p.is_default) === 1)).toBe(true);
  const ids = new Set(policies.map((p) => p.id));
  expect(cases.every((c) => c.sla_policy_id && ids.has(c.sla_policy_id))).toBe(true);
  const clients = await db.selectFrom('clients').select('manager_id').execute();
  expect(clients.every((c) => c.manager_id)).toBe(true);
  const managers = await db.selectFrom('users').select(['id', 'role']).execute();
  const roleOf = new Map(managers.map((u) => [u.id, u.role]));
  expect(clients.every((c) => roleOf.get(c.manager_id!) === 'manager')).toBe(true);
}

/**
 * Surveys with invitations, most answered (the answer is a feedback record of the survey), some
 * not; missed calls, most called back; client requirements and important dates.
 */
export async function expectSurveysCallsAndCare(db: Db) {
  const surveys = await db.selectFrom('surveys').select('id').execute();
  expect(surveys.length).toBeGreaterThan(0);
  const invites = await db
    .selectFrom('survey_invites as i')
    .leftJoin('feedback as f', 'f.id', 'i.feedback_id')
    .select(['i.survey_id', 'i.answered_at', 'f.survey_id as answer_survey'])
    .execute();
  const answered = invites.filter((i) => i.answered_at);
  expect(answered.length).toBeGreaterThan(50);
  expect(answered.length).toBeLessThan(invites.length);
  expect(answered.every((i) => i.answer_survey === i.survey_id)).toBe(true);
  const calls = await db
    .selectFrom('calls')
    .select(['direction', 'answered', 'called_back_call_id'])
    .execute();
  const missed = calls.filter((c) => c.direction === 'in' && Number(c.answered) === 0);
  const calledBack = missed.filter((c) => c.called_back_call_id);
  expect(calledBack.length).toBeGreaterThan(missed.length / 2);
  expect(calledBack.length).toBeLessThan(missed.length);
  expect((await db.selectFrom('requirements').select('id').execute()).length).toBeGreaterThan(5);
  expect((await db.selectFrom('important_dates').select('id').execute()).length).toBeGreaterThan(5);
}

/** Nothing that happened is dated after the load (planned dates such as renewals aside). */
export async function expectNothingInTheFuture(db: Db, now: number) {
  const latest = async (table: string, column: string): Promise<unknown> => {
    const rows = await db
      .selectFrom(table as 'cases')
      .select((eb) => eb.fn.max(column as 'created_at').as('m'))
      .execute();
    return rows[0]?.m ?? null;
  };
  const instants: Array<[string, string]> = [
    ['feedback', 'received_at'],
    ['feedback', 'created_at'],
    ['cases', 'created_at'],
    ['cases', 'updated_at'],
    ['cases', 'resolved_at'],
    ['cases', 'first_responded_at'],
    ['case_events', 'created_at'],
    ['audit_log', 'created_at'],
    ['calls', 'started_at'],
    ['survey_invites', 'created_at'],
    ['survey_invites', 'answered_at'],
    ['requirements', 'created_at'],
  ];
  for (const [table, column] of instants) {
    const m = await latest(table, column);
    const at = m instanceof Date ? m.getTime() : Date.parse(String(m));
    expect(at, `${table}.${column}`).toBeLessThanOrEqual(now);
  }
  const today = new Date(now).toISOString().slice(0, 10);
  for (const column of ['date', 'paid_at']) {
    const m = await latest('transactions', column);
    const day = m instanceof Date ? m.toISOString().slice(0, 10) : String(m).slice(0, 10);
    expect(day <= today, `transactions.${column} ${day}`).toBe(true);
  }
}
