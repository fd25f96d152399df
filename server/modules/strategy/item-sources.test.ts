// The contract a module's lookup meets once wired into item-sources.ts (issue 18): an id the
// lookup does not return for the caller's organisation is a 404 and nothing is linked; an id it
// returns is linked and shown with its title, status and due date. A stand-in lookup plays the
// backlog here (one initiative of organisation A); strategy-map.test.ts links real ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { ITEM_SOURCES } from './item-sources.ts';

const OURS = '01a206ea-dd6a-7001-8c1b-5f588a061b01';
const THEIRS = '01a206ea-dd6a-7001-8c1b-5f588a061b02';

describe.each(testDialects())('items under goals through a wired source on %s', (dialect) => {
  let t: TestApp;
  let api: (method: string, url: string, key?: string) => Promise<any>;
  let a: string;
  let b: string;
  const wired = ITEM_SOURCES.initiative;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-10T09:00:00.000Z') });
    const orgA = await createTestOrg(t.deps, 'A');
    const orgB = await createTestOrg(t.deps, 'B');
    [a, b] = [orgA.apiKey, orgB.apiKey];
    // The stand-in backlog: A owns OURS, B owns THEIRS.
    ITEM_SOURCES.initiative = {
      lookup: async (ctx, ids) => {
        const own = ctx.orgId === orgA.orgId ? OURS : THEIRS;
        return new Map(
          ids
            .filter((id) => id === own)
            .map((id) => [
              id,
              { id, title: 'Курьеры с терминалами', status: 'doing', dueDate: '2027-02-01' },
            ]),
        );
      },
    };
    api = (method, url, key = a) => call(t.app, key, { method: method as 'GET', url });
  });
  afterAll(async () => {
    ITEM_SOURCES.initiative = wired;
    await t?.close();
  });

  it('links only the organisation’s own items, and shows them as their module does', async () => {
    const goal = (
      await call(t.app, a, {
        method: 'POST',
        url: '/api/v1/strategy/goals',
        payload: { perspective: 'processes', title: 'Доставка вовремя' },
      })
    ).json().id;
    const foreign = await api('PUT', `/api/v1/strategy/goals/${goal}/items/initiative/${THEIRS}`);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'not_found']);
    expect(
      (await api('PUT', `/api/v1/strategy/goals/${goal}/items/initiative/${OURS}`)).statusCode,
    ).toBe(204);
    const map = (await api('GET', '/api/v1/strategy/map')).json();
    expect(map.goals[0].items).toEqual([
      {
        kind: 'initiative',
        itemId: OURS,
        title: 'Курьеры с терминалами',
        status: 'doing',
        dueDate: '2027-02-01',
      },
    ]);
    // B cannot hang A's goal anything, even its own item.
    expect(
      (await api('PUT', `/api/v1/strategy/goals/${goal}/items/initiative/${THEIRS}`, b)).statusCode,
    ).toBe(404);
  });
});
