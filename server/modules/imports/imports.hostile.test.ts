// Hostile uploads through HTTP (issue 19): a zip bomb is a 413 problem for both file imports, and
// a large file is parsed off the event loop, so other requests are answered while it is read.
import ExcelJS from 'exceljs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBombSheet } from '../../lib/tabular/zip-fixtures.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function bomb(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Отзывы').addRow(['Текст']);
  return withBombSheet(Buffer.from(await workbook.xlsx.writeBuffer()), 64 * 1024 * 1024);
}

describe.each(testDialects())('hostile uploads on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
  });
  afterAll(async () => t?.close());

  const upload = (url: string, body: Buffer, type: string) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url,
      headers: { 'content-type': type },
      payload: body,
    });

  it.each([
    ['a feedback import', '/api/v1/imports?filename=bomb.xlsx'],
    ['a call log import', '/api/v1/calls/import?filename=bomb.xlsx'],
  ])('answers a zip bomb sent as %s with a 413 problem and stores nothing', async (_what, url) => {
    const res = await upload(url, await bomb(), XLSX);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('payload_too_large');
    const stored = await t.deps.db
      .selectFrom('imports')
      .select('id')
      .where('org_id', '=', org.orgId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('answers other requests while a large file is parsed', async () => {
    const line = 'Иван Петров;ivan@example.ru;Курьер опоздал на два дня;3\n';
    const csv = Buffer.from(`Имя;Почта;Текст;Оценка\n${line.repeat(100_000)}`);
    const started = performance.now();
    let uploadDoneAt = Infinity;
    const uploading = upload('/api/v1/imports?filename=big.csv', csv, 'text/csv').then((res) => {
      uploadDoneAt = performance.now();
      return res;
    });
    await sleep(20);
    const timerLateBy = performance.now() - started - 20;
    const health = await t.app.inject({ url: '/health' });
    const healthDoneAt = performance.now();
    expect(health.statusCode).toBe(200);
    expect((await uploading).statusCode).toBe(201);
    // On the event loop the parse would hold the timer and the request until it ended.
    expect(healthDoneAt).toBeLessThan(uploadDoneAt);
    expect(timerLateBy).toBeLessThan((uploadDoneAt - started) / 2);
  });
});
