// A client's estimated annual budget and strategic fit: stored exactly (minor units), shown as
// decimals, refused with the field named when out of range, filtered, and read by the modules
// above through the lookups.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { clientEconomicsFields, clientEconomicsFieldsWhere } from './index.ts';

const NOBODY = '01a206ea-dd6a-7001-8c1b-5f588a061bc6';

describe.each(testDialects())('client economics fields on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  const post = (key: string, payload: object) =>
    call(t.app, key, { method: 'POST', url: '/api/v1/clients', payload });
  const patch = (key: string, id: string, payload: object) =>
    call(t.app, key, { method: 'PATCH', url: `/api/v1/clients/${id}`, payload });

  it('stores the budget in kopecks and shows it as a decimal; both fields update and clear', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const created = await post(org.apiKey, {
      name: 'ООО Альфа',
      estimatedAnnualBudget: 1234567.89,
      strategicFit: 80,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ estimatedAnnualBudget: 1234567.89, strategicFit: 80 });
    const row = await t.deps.db
      .selectFrom('clients')
      .select(['estimated_annual_budget_minor', 'strategic_fit'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ estimated_annual_budget_minor: 123456789, strategic_fit: 80 });

    // A client without them has nulls, not zeros.
    const plain = await post(org.apiKey, { name: 'ООО Бета' });
    expect(plain.json()).toMatchObject({ estimatedAnnualBudget: null, strategicFit: null });

    const updated = await patch(org.apiKey, id, { estimatedAnnualBudget: 0.1, strategicFit: 0 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ estimatedAnnualBudget: 0.1, strategicFit: 0 });
    // A patch of another field leaves them as they are.
    const renamed = await patch(org.apiKey, id, { name: 'ООО Альфа-2' });
    expect(renamed.json()).toMatchObject({ estimatedAnnualBudget: 0.1, strategicFit: 0 });
    const cleared = await patch(org.apiKey, id, {
      estimatedAnnualBudget: null,
      strategicFit: null,
    });
    expect(cleared.json()).toMatchObject({ estimatedAnnualBudget: null, strategicFit: null });
    const read = await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/clients/${id}` });
    expect(read.json()).toMatchObject({
      name: 'ООО Альфа-2',
      estimatedAnnualBudget: null,
      strategicFit: null,
    });
  });

  it('refuses a negative or over-precise budget and a fit outside 0–100, naming the field, writing nothing', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const cases: [object, string[]][] = [
      [{ estimatedAnnualBudget: -1 }, ['body.estimatedAnnualBudget']],
      [{ estimatedAnnualBudget: 10.005 }, ['body.estimatedAnnualBudget']],
      [{ strategicFit: 101 }, ['body.strategicFit']],
      [{ strategicFit: -1 }, ['body.strategicFit']],
      [{ strategicFit: 50.5 }, ['body.strategicFit']],
      [
        { estimatedAnnualBudget: -0.5, strategicFit: 200 },
        ['body.estimatedAnnualBudget', 'body.strategicFit'],
      ],
    ];
    for (const [fields, names] of cases) {
      const res = await post(org.apiKey, { name: 'Гамма', ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(422);
      expect(res.json().code).toBe('unprocessable');
      expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(names);
    }
    expect(await t.deps.db.selectFrom('clients').selectAll().execute()).toHaveLength(0);

    const id = (await post(org.apiKey, { name: 'Гамма', strategicFit: 10 })).json().id;
    const bad = await patch(org.apiKey, id, { name: 'Гамма-2', estimatedAnnualBudget: 1.234 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().invalidParams).toEqual([
      { name: 'body.estimatedAnnualBudget', reason: 'at most 2 decimals' },
    ]);
    // Nothing of the refused patch was written, not even the valid name.
    const read = await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/clients/${id}` });
    expect(read.json()).toMatchObject({ name: 'Гамма', strategicFit: 10 });

    // Over the cap or not a number at all: the schema's 400, still naming the field.
    const huge = await post(org.apiKey, { name: 'Дельта', estimatedAnnualBudget: 1e13 });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().invalidParams[0].name).toBe('body.estimatedAnnualBudget');
    const text = await patch(org.apiKey, id, { strategicFit: 'high' });
    expect(text.statusCode).toBe(400);
    expect(text.json().invalidParams[0].name).toBe('body.strategicFit');
  });

  it('filters the list by a minimum strategic fit, leaving out clients without one', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    for (const [name, strategicFit] of [
      ['Низкий', 20],
      ['Средний', 70],
      ['Высокий', 95],
      ['Без оценки', null],
    ] as const)
      expect((await post(org.apiKey, { name, strategicFit })).statusCode).toBe(201);
    const names = async (qs: string) =>
      (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/clients?${qs}` }))
        .json()
        .items.map((c: { name: string }) => c.name)
        .sort();
    expect(await names('minStrategicFit=70')).toEqual(['Высокий', 'Средний']);
    expect(await names('minStrategicFit=0')).toEqual(['Высокий', 'Низкий', 'Средний']);
    expect(await names('')).toHaveLength(4);
    const bad = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/clients?minStrategicFit=101',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('querystring.minStrategicFit');
  });

  it('gives the modules above minor units and the fit, within the organisation only', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'A');
    const other = await createTestOrg(t.deps, 'B');
    const mine = (
      await post(org.apiKey, {
        name: 'Свой',
        segment: 'A',
        estimatedAnnualBudget: 500000.5,
        strategicFit: 60,
      })
    ).json().id;
    const plain = (await post(org.apiKey, { name: 'Без полей', segment: 'B' })).json().id;
    const theirs = (await post(other.apiKey, { name: 'Чужой', estimatedAnnualBudget: 1 })).json()
      .id;
    const scope = { db: t.deps.db, orgId: org.orgId };
    expect(await clientEconomicsFields(scope, mine)).toEqual({
      estimatedAnnualBudgetMinor: 50000050,
      strategicFit: 60,
    });
    expect(await clientEconomicsFields(scope, plain)).toEqual({
      estimatedAnnualBudgetMinor: null,
      strategicFit: null,
    });
    expect(await clientEconomicsFields(scope, theirs)).toBeUndefined();
    expect(await clientEconomicsFields(scope, NOBODY)).toBeUndefined();
    const all = await clientEconomicsFieldsWhere(scope, {});
    expect([...all.keys()].sort()).toEqual([mine, plain].sort());
    const segmentA = await clientEconomicsFieldsWhere(scope, { segment: 'A' });
    expect([...segmentA.entries()]).toEqual([
      [mine, { estimatedAnnualBudgetMinor: 50000050, strategicFit: 60 }],
    ]);
  });
});
