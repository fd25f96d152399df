// The open case list on the partial indexes of migration 0047 (issue 20): the same rows in the
// same order (newest opened first, ties by id) page after page, for the whole open set however it
// is asked for, a part of it, a person's own and the closed statuses; and the plans that walk the
// open cases' indexes without sorting. A hand-made example; both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { insertRows } from '../../db/bulk.ts';
import { newId } from '../../lib/ids.ts';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { capturing, planOf } from '../../../tests/support/plans.ts';
import { listCases } from './case-list.repo.ts';

describe.each(testDialects())('the open case list on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  /** Cases as [label, status, created_at, owned by the admin]; ids in this order (UUIDv7). */
  const CASES: [string, string, string, boolean][] = [
    ['a', 'new', '2026-11-01T10:00:00.000Z', false],
    ['b', 'resolved', '2026-11-02T10:00:00.000Z', false],
    ['c', 'in_progress', '2026-11-03T10:00:00.000Z', true],
    ['d', 'acknowledged', '2026-11-03T10:00:00.000Z', false], // same instant as c: d first (id)
    ['e', 'closed', '2026-11-04T10:00:00.000Z', true],
    ['f', 'waiting_client', '2026-11-05T10:00:00.000Z', true],
    ['g', 'new', '2026-11-06T10:00:00.000Z', false],
  ];

  async function setup() {
    t = await createTestApp({ dialect, clock: fixedClock('2026-11-23T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const admin = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    const ids: Record<string, string> = {};
    for (const [label, status, at, mine] of CASES) {
      ids[label] = newId();
      await insertRows(t.deps.db, 'cases', [
        {
          id: ids[label],
          org_id: org.orgId,
          public_ref: `C-${label}`,
          title: label,
          type: 'request',
          priority: 'normal',
          status,
          stage: null,
          client_id: null,
          contact_id: null,
          feedback_id: null,
          owner_id: mine ? admin.id : null,
          sla_policy_id: null,
          opened_by: 'user',
          first_response_due_at: null,
          due_at: null,
          first_responded_at: null,
          resolved_at: null,
          closed_at: null,
          breached_at: null,
          resolution: null,
          followup_requested: 0,
          created_at: at,
          updated_at: at,
        } as never,
      ]);
    }
    const label = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    /** Every page of `query` (two cases a page), as labels. */
    const pages = async (query: string) => {
      const out: string[][] = [];
      let cursor = '';
      for (;;) {
        const res = await call(t.app, org.apiKey, {
          method: 'GET',
          url: `/api/v1/cases?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
        out.push(body.items.map((c) => label.get(c.id)!));
        if (!body.nextCursor) return out;
        cursor = encodeURIComponent(body.nextCursor);
      }
    };
    return { org, admin, pages };
  }

  it('pages the open cases newest first, however the open set is asked for', async () => {
    const { admin, pages } = await setup();
    const open = [['g', 'f'], ['d', 'c'], ['a']];
    expect(await pages('open=true')).toEqual(open);
    expect(await pages('status=waiting_client,new,in_progress,acknowledged')).toEqual(open);
    // A part of the open set, a person's own, and statuses that are not open at all.
    expect(await pages('status=new,acknowledged')).toEqual([['g', 'd'], ['a']]);
    expect(await pages(`open=true&ownerId=${admin.id}`)).toEqual([['f', 'c']]);
    expect(await pages('status=resolved,closed')).toEqual([['e', 'b']]);
    expect(await pages('status=new,closed')).toEqual([['g', 'e'], ['a']]);
    expect(await pages('')).toEqual([['g', 'f'], ['e', 'd'], ['c', 'b'], ['a']]);
  });

  it('walks the open cases’ partial indexes in order (plans)', async () => {
    const { org, admin } = await setup();
    const cap = capturing(t.deps.db);
    await listCases(cap.db, org.orgId, {
      status: ['new', 'acknowledged', 'in_progress', 'waiting_client'],
      limit: 50,
    });
    await listCases(cap.db, org.orgId, { status: ['new'], limit: 50 });
    await listCases(cap.db, org.orgId, {
      status: ['new', 'acknowledged', 'in_progress', 'waiting_client'],
      ownerId: admin.id,
      limit: 50,
    });
    const plans = await Promise.all(cap.queries.map((q) => planOf(t.deps.db, dialect, q)));
    expect(plans[0]).toContain('cases_open_created_idx');
    // PostgreSQL may take the smaller index of the cases nobody answered yet: also in order.
    expect(plans[1]).toMatch(/cases_open_created_idx|cases_unanswered_idx/);
    expect(plans[2]).toContain('cases_open_owner_idx');
    // Walked in the list's order: no sort step.
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
  });
});
