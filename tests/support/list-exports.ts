// Helpers of the list-export suite (tests/list-exports.test.ts): a small organisation whose
// names and texts look like spreadsheet formulas, a CSV reader for what the exports write, and
// the ids of a list read page by page through its JSON endpoint.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { call, type TestApp, type TestOrg } from './app.ts';

/** Text a spreadsheet would run: each must come back with a leading apostrophe. */
export const RISKY = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)'] as const;

export interface Seeded {
  managerId: string;
  clients: string[];
  feedback: string[];
  cases: string[];
  employees: string[];
  transactions: string[];
}

/**
 * Six clients (the first four named by RISKY; three of segment vip, the first with a manager, a
 * budget of 1 234,50 and a fit of 70), feedback of the first client with RISKY texts and NPS 9,
 * 3 (a detractor: it opens a case), 7, and one of the fifth client; two cases by hand; two
 * employees; three transactions (two of the first client at stage «доставка» in 2026-11).
 */
export async function seedLists(t: TestApp, org: TestOrg): Promise<Seeded> {
  const ok = async (method: 'POST', url: string, payload: object) => {
    const res = await call(t.app, org.apiKey, { method, url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const manager = await ok('POST', '/api/v1/users', {
    email: `manager-${org.orgId.slice(-8)}@example.com`,
    name: 'Мария Менеджер',
    password: 'long-enough-1',
    role: 'manager',
  });
  const names = [...RISKY, 'ООО Обычный', 'ИП Второй'];
  const clients: string[] = [];
  for (const [i, name] of names.entries()) {
    const extra =
      i === 0 ? { managerId: manager.id, estimatedAnnualBudget: 1234.5, strategicFit: 70 } : {};
    clients.push(
      (await ok('POST', '/api/v1/clients', { name, segment: i < 3 ? 'vip' : 'other', ...extra }))
        .id,
    );
  }
  const feedback: string[] = [];
  for (const [text, value, client] of [
    ['+1', 9, 0],
    ['-2', 3, 0],
    ['@SUM(A1)', 7, 0],
    ['Всё хорошо', 10, 4],
  ] as const) {
    const body = {
      clientId: clients[client],
      text,
      score: { type: 'nps', value },
      stage: 'доставка',
    };
    feedback.push((await ok('POST', '/api/v1/feedback', body)).id);
  }
  const cases = [
    (await ok('POST', '/api/v1/cases', { title: '=1+1', clientId: clients[0] })).id,
    (await ok('POST', '/api/v1/cases', { title: 'Обычное обращение' })).id,
  ];
  const employees = [
    (await ok('POST', '/api/v1/employees', { name: '=cmd|calc', hireDate: '2026-01-15' })).id,
    (await ok('POST', '/api/v1/employees', { name: 'Иван Петров', position: 'Кладовщик' })).id,
  ];
  const transactions: string[] = [];
  for (const [externalId, kind, date, amount, client] of [
    ['РН-1', 'sale', '2026-11-20', 1234.5, 0],
    ['ВЗ-1', 'refund', '2026-11-21', 100, 0],
    ['РН-2', 'sale', '2026-10-05', 50, 4],
  ] as const) {
    const body = { externalId, kind, date, amount, clientId: clients[client], stage: 'доставка' };
    transactions.push((await ok('POST', '/api/v1/transactions', body)).id);
  }
  return { managerId: manager.id, clients, feedback, cases, employees, transactions };
}

/** RFC 4180 fields (quotes doubled) with the given separator; the BOM is checked and dropped. */
export function readCsv(body: string, separator: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = body.slice(1);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    } else field += c;
  }
  return rows;
}

/** The worksheet's rows as values (row 1 = headers). */
export async function readXlsx(bytes: Buffer): Promise<ExcelJS.CellValue[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).value ?? null);
    out.push(cells);
  });
  return out;
}

/** The ids of a JSON list, read two at a time so its cursor is walked. */
export async function listIds(t: TestApp, key: string, url: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const page = `${url}${sep}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await call(t.app, key, { method: 'GET', url: page });
    expect(res.statusCode, `${page}: ${res.body}`).toBe(200);
    const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...body.items.map((i) => i.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}
