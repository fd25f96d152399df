// The care inbox's bounded reads (issue 20, migration 0047) against a hand-computed example:
// silent clients from the window of activity only, detractors without follow-up from two reads
// merged by id, SLA risk along the open cases' due index; and the plans that walk those indexes.
// Both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { insertRows } from '../../db/bulk.ts';
import { newId } from '../../lib/ids.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { capturing, planOf } from '../../../tests/support/plans.ts';
import { DETRACTOR_PREDICATE, OPEN_PREDICATE } from '../../../migrations/0047_work_page_indexes.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';
import * as coverage from './coverage.repo.ts';
import * as reads from './reminders.repo.ts';

const NOW = '2026-11-23T09:00:00.000Z';
const CUTOFF = '2026-09-24T09:00:00.000Z'; // 60 days of silence
const SINCE = '2026-08-25T09:00:00.000Z'; // detractors of 90 days
const STALE = '2026-11-21T09:00:00.000Z'; // a case new for 2 days
const DUE_BEFORE = '2026-11-24T09:00:00.000Z'; // at risk within a day

describe.each(testDialects())('care inbox reads at scale on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function world() {
    t = await createTestApp({ dialect, clock: fixedClock(NOW) });
    const { orgId } = await createTestOrg(t.deps, 'Ромашка');
    const db = t.deps.db;
    // Ids in creation order (UUIDv7): the order by id below is the order of these lines.
    const client = async (name: string, extra: { status?: string; created_at?: string } = {}) => {
      const id = newId();
      await insertRows(db, 'clients', [
        {
          id,
          org_id: orgId,
          name,
          kind: 'company',
          search_text: name.toLowerCase(),
          created_at: extra.created_at ?? '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
          ...(extra.status ? { status: extra.status } : {}),
        } as never,
      ]);
      return id;
    };
    let n = 0;
    const feedback = async (
      clientId: string | null,
      receivedAt: string,
      score: ['nps' | 'csat', number] | null,
      caseId: string | null = null,
    ) => {
      const id = newId();
      n += 1;
      await insertRows(db, 'feedback', [
        {
          id,
          org_id: orgId,
          public_ref: `CL-T${n}`,
          ref_key: `T${n}`,
          channel: 'api',
          client_id: clientId,
          contact_id: null,
          stage: null,
          survey_id: null,
          score_type: score?.[0] ?? null,
          score_value: score?.[1] ?? null,
          text: null,
          language: null,
          sentiment_label: null,
          sentiment_score: null,
          topics: '[]',
          source_id: null,
          raw: null,
          case_id: caseId,
          acknowledged_at: null,
          received_at: receivedAt,
          created_at: receivedAt,
          analysed_at: receivedAt,
        },
      ]);
      return id;
    };
    const kase = async (
      clientId: string,
      status: string,
      at: { created: string; updated?: string; due?: string | null },
    ) => {
      const id = newId();
      n += 1;
      await insertRows(db, 'cases', [
        {
          id,
          org_id: orgId,
          public_ref: `C-T${n}`,
          title: 'Обращение',
          type: 'complaint',
          priority: 'normal',
          status,
          stage: null,
          client_id: clientId,
          contact_id: null,
          feedback_id: null,
          owner_id: null,
          sla_policy_id: null,
          opened_by: 'system',
          first_response_due_at: null,
          due_at: at.due === undefined ? null : at.due,
          first_responded_at: null,
          resolved_at: null,
          closed_at: null,
          breached_at: null,
          resolution: null,
          followup_requested: 0,
          created_at: at.created,
          updated_at: at.updated ?? at.created,
        } as never,
      ]);
      return id;
    };
    return { orgId, db, client, feedback, kase };
  }

  it('silent clients: no feedback and no case change since the cutoff, by id, with the newest', async () => {
    const { orgId, db, client, feedback, kase } = await world();
    const quiet = await client('Без активности');
    const old = await client('Давно');
    await feedback(old, '2026-09-01T10:00:00.000Z', ['nps', 9]);
    await kase(old, 'closed', {
      created: '2026-08-01T00:00:00.000Z',
      updated: '2026-09-10T12:00:00.000Z',
    });
    const heard = await client('Отзыв после');
    await feedback(heard, '2026-10-01T00:00:00.000Z', ['nps', 10]);
    const worked = await client('Обращение после');
    await feedback(worked, '2026-05-01T00:00:00.000Z', null);
    await kase(worked, 'resolved', {
      created: '2026-05-01T00:00:00.000Z',
      updated: '2026-11-01T00:00:00.000Z',
    });
    await client('Ушёл', { status: 'churned' });
    await client('Новый', { created_at: '2026-11-01T00:00:00.000Z' });
    const edge = await client('Ровно на границе');
    await feedback(edge, CUTOFF, ['csat', 5]);

    const all = await reads.silentClients(db, orgId, CUTOFF, 200);
    expect(all).toEqual([
      { id: quiet, name: 'Без активности', lastActivityAt: null },
      { id: old, name: 'Давно', lastActivityAt: expect.stringMatching(/^2026-09-10T12:00:00/) },
    ]);
    expect((await reads.silentClients(db, orgId, CUTOFF, 1)).map((c) => c.id)).toEqual([quiet]);
    // Another organisation's activity never makes these clients active.
    const other = await createTestOrg(t.deps, 'Чужая');
    expect(await reads.silentClients(db, other.orgId, CUTOFF, 200)).toEqual([]);
  });

  it('detractors without follow-up: no case, or a case still new past two days; newest id first', async () => {
    const { orgId, db, client, feedback, kase } = await world();
    const c = await client('Клиент');
    const fresh = await kase(c, 'new', { created: '2026-11-22T00:00:00.000Z' });
    const stale = await kase(c, 'new', { created: '2026-11-20T00:00:00.000Z' });
    const working = await kase(c, 'in_progress', { created: '2026-11-01T00:00:00.000Z' });
    const f1 = await feedback(c, '2026-11-01T00:00:00.000Z', ['nps', 3]);
    await feedback(c, '2026-11-02T00:00:00.000Z', ['nps', 7]); // passive
    const f3 = await feedback(c, '2026-11-10T00:00:00.000Z', ['csat', 2]);
    await feedback(c, '2026-11-11T00:00:00.000Z', ['csat', 3]); // neutral
    await feedback(c, '2026-08-01T00:00:00.000Z', ['nps', 0]); // before the 90 days
    const f6 = await feedback(c, '2026-11-19T00:00:00.000Z', ['nps', 5], stale);
    await feedback(c, '2026-11-21T12:00:00.000Z', ['nps', 4], fresh); // its case is 1 day old
    await feedback(c, '2026-11-01T00:00:00.000Z', ['nps', 2], working); // followed up
    await feedback(null, '2026-11-15T00:00:00.000Z', ['nps', 6]); // no client
    const f10 = await feedback(c, '2026-11-20T00:00:00.000Z', ['nps', 1]);

    const ids = async (limit: number) =>
      (await reads.detractorsWithoutFollowUp(db, orgId, SINCE, STALE, limit)).map((f) => f.id);
    expect(await ids(200)).toEqual([f10, f6, f3, f1]);
    // The limit cuts the merge of both reads, not each alone.
    expect(await ids(2)).toEqual([f10, f6]);
    const other = await createTestOrg(t.deps, 'Чужая');
    expect(await reads.detractorsWithoutFollowUp(db, other.orgId, SINCE, STALE, 200)).toEqual([]);
  });

  it('SLA risk: open cases due within a day or past due, soonest first', async () => {
    const { orgId, db, client, kase } = await world();
    const c = await client('Клиент');
    const at = { created: '2026-11-01T00:00:00.000Z' };
    const k1 = await kase(c, 'new', { ...at, due: '2026-11-22T00:00:00.000Z' });
    const k2 = await kase(c, 'acknowledged', { ...at, due: '2026-11-24T08:00:00.000Z' });
    await kase(c, 'in_progress', { ...at, due: '2026-11-25T00:00:00.000Z' }); // not yet
    await kase(c, 'resolved', { ...at, due: '2026-11-01T00:00:00.000Z' }); // done
    const k5 = await kase(c, 'waiting_client', { ...at, due: '2026-11-10T00:00:00.000Z' });
    await kase(c, 'in_progress', { ...at, due: null });
    const ids = async (limit: number) =>
      (await reads.casesAtSlaRisk(db, orgId, DUE_BEFORE, limit)).map((k) => k.id);
    expect(await ids(200)).toEqual([k5, k1, k2]);
    expect(await ids(2)).toEqual([k5, k1]);
  });

  it('walks the indexes of migration 0047 (plans)', async () => {
    const { orgId, db, client, kase } = await world();
    const c = await client('Клиент');
    await kase(c, 'new', { created: '2026-11-01T00:00:00.000Z' });
    const cap = capturing(db);
    await reads.casesAtSlaRisk(cap.db, orgId, DUE_BEFORE, 200);
    await reads.detractorsWithoutFollowUp(cap.db, orgId, SINCE, STALE, 200);
    await coverage.lastTouches(cap.db, orgId, [c]);
    await reads.silentClients(cap.db, orgId, CUTOFF, 200);
    const plans = await Promise.all(cap.queries.map((q) => planOf(db, dialect, q)));
    // The newest touch per contact: by contact, never through every row of the organisation.
    expect(plans.join('\n')).toMatch(
      /feedback_org_contact_idx[^]*cases_org_contact_idx[^]*messages_org_contact_idx[^]*calls_org_contact_idx/,
    );
    // Silent clients: the window of activity only, through indexes that carry the client. On
    // SQLite (no statistics: the same plan at any size); PostgreSQL's pick on empty tables is
    // arbitrary, its plan at 1 000 000 records is in docs/BENCHMARKS.md.
    if (dialect === 'sqlite')
      expect(plans.join('\n')).toMatch(/feedback_org_received_idx[^]*cases_org_updated_idx/);
    expect(plans[0]).toContain('cases_open_due_idx');
    expect(plans[1]).toContain('feedback_detractors_idx');
    expect(plans[2]).toContain('cases_unanswered_idx');
    expect(plans[3]).toContain('feedback_org_case_idx');
  });

  it('the partial indexes state what the reads say', () => {
    expect(OPEN_PREDICATE).toBe(
      `status in (${OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(', ')})`,
    );
    expect(DETRACTOR_PREDICATE).toBe(
      "case_id is null and ((score_type = 'nps' and score_value <= 6) or (score_type = 'csat' and score_value <= 2))",
    );
  });
});
