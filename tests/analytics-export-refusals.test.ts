// The analytics files refuse what their JSON reports refuse (issue 16): a managerId of another
// organisation's person or of nobody, or an unknown stage, is the JSON report's 4xx
// application/problem+json with the same code and parameter — never a 200 file of other figures
// (the scorecard PDF/XLSX, the drill-down export, the profit formula and NPS groups files).
// Both dialects; a second organisation supplies the foreign ids.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';

const ECON = 'from=2026-01-01&to=2026-03-01';
const FORMULA = 'aFrom=2026-01-01&aTo=2026-02-01&bFrom=2026-02-01&bTo=2026-03-01';
const DRILL = 'stage=доставка&metric=nps&period=2026-11';

/** Each JSON report beside the files that must answer as it does, for one filter. */
function pairs(filter: string): Array<[json: string, files: string[]]> {
  return [
    [
      `/api/v1/scorecard?${filter}`,
      [`/api/v1/reports/scorecard.pdf?${filter}`, `/api/v1/reports/scorecard.xlsx?${filter}`],
    ],
    [
      `/api/v1/scorecard/records?${DRILL}&${filter}`,
      [
        `/api/v1/scorecard/records/export?${DRILL}&${filter}&format=csv`,
        `/api/v1/scorecard/records/export?${DRILL}&${filter}&format=xlsx`,
      ],
    ],
    [
      `/api/v1/economics/summary?${ECON}&${filter}`,
      [
        `/api/v1/economics/export/profit-formula?${FORMULA}&${filter}&format=csv`,
        `/api/v1/economics/export/profit-formula?${FORMULA}&${filter}&format=xlsx`,
      ],
    ],
    [
      `/api/v1/economics/by-satisfaction?${ECON}&${filter}`,
      [
        `/api/v1/economics/export/by-satisfaction?${ECON}&${filter}&format=csv`,
        `/api/v1/economics/export/by-satisfaction?${ECON}&${filter}&format=xlsx`,
      ],
    ],
  ];
}

describe.each(testDialects())('analytics exports refuse as their reports on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let ownManager = '';
  let foreignManager = '';
  const get = (url: string) => call(t.app, org.apiKey, { method: 'GET', url });
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
    other = await createTestOrg(t.deps, 'Чужая');
    const stage = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/stages',
      payload: { key: 'доставка' },
    });
    expect(stage.statusCode, stage.body).toBe(201);
    const userOf = async (orgId: string) =>
      (
        await t.deps.db
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).id;
    ownManager = await userOf(org.orgId);
    foreignManager = await userOf(other.orgId);
  });
  afterAll(async () => t?.close());

  it.each([
    ['a person of another organisation', () => `managerId=${foreignManager}`, 'query.managerId'],
    ['an id of nobody', () => `managerId=${randomUUID()}`, 'query.managerId'],
  ])('managerId of %s: every file answers its report’s 404', async (_, filter, param) => {
    for (const [json, files] of pairs(filter())) {
      const report = await get(json);
      expect(report.statusCode, json).toBe(404);
      expect(report.json().code).toBe('not_found');
      expect(report.json().invalidParams?.[0]?.name ?? report.json().detail).toContain(param);
      for (const url of files) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(report.statusCode);
        expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
        expect(res.json().code, url).toBe(report.json().code);
        expect(res.json().invalidParams, url).toEqual(report.json().invalidParams);
      }
    }
  });

  it('an unknown stage: the scorecard files answer the scorecard’s 404', async () => {
    for (const [json, files] of pairs('stage=nope').slice(0, 1)) {
      const report = await get(json);
      expect(report.statusCode).toBe(404);
      for (const url of files) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json().code, url).toBe('not_found');
        expect(res.json().invalidParams, url).toEqual([
          { name: 'query.stage', reason: expect.any(String) },
        ]);
      }
    }
    const drill = await get(
      '/api/v1/scorecard/records/export?stage=nope&metric=nps&period=2026-11',
    );
    expect(drill.statusCode).toBe(404);
    expect(drill.json().invalidParams[0].name).toBe('query.stage');
  });

  it('the organisation’s own manager: every file is a 200 attachment', async () => {
    for (const [json, files] of pairs(`managerId=${ownManager}`)) {
      expect((await get(json)).statusCode, json).toBe(200);
      for (const url of files) {
        const res = await get(url);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        expect(res.headers['content-disposition'], url).toMatch(/^attachment/);
      }
    }
  });
});
