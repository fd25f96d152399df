import { call } from '../../../tests/support/app.ts';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import {
  type IdFieldFixtures,
  type IsolationFixtures,
  csvExportRows,
} from '../../../tests/support/isolation.ts';
import type { ScorecardOut } from '../../../shared/api/scorecard-layers.ts';

let made = 0;
/** A KPI of A's with a value on one of A's stages; its key is fresh, so B has no KPI by it. */
async function kpiOf(t: Parameters<IsolationFixtures[string]>[0], apiKey: string) {
  made += 1;
  const key = `iso.kpi-${made}-${Date.now()}`;
  const stage = `iso-этап-${made}-${Date.now()}`;
  const api = (method: 'POST' | 'PUT', url: string, payload: object) =>
    call(t.app, apiKey, { method, url, payload });
  await api('POST', '/api/v1/stages', { key: stage });
  await api('PUT', `/api/v1/kpis/${key}`, { name: 'Доставка вовремя', direction: 'up' });
  await api('PUT', `/api/v1/kpis/${key}/values`, {
    values: [{ stage, period: '2026-01', value: 90 }],
  });
  return { key, stage };
}

export const isolationFixtures: IsolationFixtures = {
  // A KPI is named by its key, not an id: B's PUT defines B's own KPI of that key (A's reads the
  // same afterwards), B's GET and DELETE find nothing.
  '/api/v1/kpis/:key': async (t, a) => {
    const { key } = await kpiOf(t, a.apiKey);
    return {
      params: { key },
      bodies: { PUT: { name: 'Взломано', direction: 'down' } },
      ownResource: { readBack: `/api/v1/kpis/${key}` },
    };
  },
  '/api/v1/kpis/:key/values': async (t, a) => {
    const { key, stage } = await kpiOf(t, a.apiKey);
    return {
      params: { key },
      bodies: { PUT: { values: [{ stage, period: '2026-01', value: 1 }] } },
    };
  },
};

const WINDOW = 'from=2026-11-01&to=2026-12-01';

// managerId in the query: the seeded sale of A's client (managed by A's user) at the stage
// `seeded` on 2026-11-20 is what A's own filter finds; B naming A's user gets a 404.
export const idFieldFixtures: IdFieldFixtures = {
  'GET /api/v1/scorecard': async () => ({
    url: `/api/v1/scorecard?${WINDOW}&stage=seeded`,
    itemsOf: (body: Partial<ScorecardOut>) =>
      (body.stages ?? []).flatMap((s) => s.layers.transactional.filter((m) => m.n !== null)),
  }),
  'GET /api/v1/reports/scorecard.xlsx': async () => ({
    url: `/api/v1/reports/scorecard.xlsx?${WINDOW}&stage=seeded`,
    // The numbers of the satisfaction and transactional sheets (the first two).
    itemsOfFile: async (bytes) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const numbers: unknown[] = [];
      book.worksheets.slice(0, 2).forEach((sheet) =>
        sheet.eachRow((row, i) => {
          if (i > 1)
            row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value));
        }),
      );
      return numbers;
    },
  }),
  'GET /api/v1/reports/scorecard.pdf': async () => ({
    url: `/api/v1/reports/scorecard.pdf?${WINDOW}&stage=seeded&lang=ru`,
    // The seeded sale of 1 234,50 shows as the stage's revenue only to its manager's filter.
    itemsOfFile: async (bytes) => {
      const text = (await new PDFParse({ data: bytes }).getText()).text.replace(
        /[\u00a0\u202f]/g,
        ' ',
      );
      return text.match(/1 ?234,50/g) ?? [];
    },
  }),
  'GET /api/v1/scorecard/records': async () => ({
    url: '/api/v1/scorecard/records?stage=seeded&metric=revenue&period=2026-11',
  }),
  'GET /api/v1/scorecard/records/export': async () => ({
    url: '/api/v1/scorecard/records/export?stage=seeded&metric=revenue&period=2026-11',
    itemsOfFile: csvExportRows,
  }),
};
