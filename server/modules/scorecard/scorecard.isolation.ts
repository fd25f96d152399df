import { call } from '../../../tests/support/app.ts';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';
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

/** The window from November 2026 to the end of the current month: the seeded rows are in it. */
function seededWindow(): string {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return `from=2026-11-01&to=${next.toISOString().slice(0, 10)}`;
}

/** Every counted point of the satisfaction and transactional layers (the client-filtered ones). */
const clientRows = (body: ScorecardOut) =>
  body.stages
    .flatMap((s) => [...s.layers.satisfaction, ...s.layers.transactional])
    .flatMap((m) => m.series)
    .filter((p) => p.n !== null && p.n > 0);

// managerId narrows the scorecard to a manager's clients: A's manager shows B nothing of A's.
export const idFieldFixtures: IdFieldFixtures = {
  'GET /api/v1/scorecard': async () => ({
    url: `/api/v1/scorecard?${seededWindow()}`,
    itemsOf: clientRows,
  }),
  'GET /api/v1/reports/scorecard.xlsx': async () => ({
    url: `/api/v1/reports/scorecard.xlsx?${seededWindow()}`,
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
    url: `/api/v1/reports/scorecard.pdf?${seededWindow()}&lang=ru`,
    // The seeded sale of 1 234,50 shows as the stage's revenue only to its manager's filter.
    itemsOfFile: async (bytes) => {
      const text = (await new PDFParse({ data: bytes }).getText()).text.replace(
        /[\u00a0\u202f]/g,
        ' ',
      );
      return text.match(/1 ?234,50/g) ?? [];
    },
  }),
};
