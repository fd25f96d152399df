// The call log imported end to end through HTTP on both dialects: CSV and XLSX imports (all or
// nothing, idempotent, dry runs), contact matching by phone, and refused media types and columns.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ctxFor } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { listClientCalls } from './index.ts';
import { HEADER, SALES_CSV } from './telephony.fixtures.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDialects())('telephony on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const NOW = '2026-11-20T12:00:00Z';
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  // Each test gets organisations of its own and the clock at NOW: no test leans on the calls,
  // settings or time another one left behind, so any of them runs alone or in any order.
  beforeEach(async () => {
    clock.set(NOW);
    org = await createTestOrg(t.deps, 'Ромашка');
    other = await createTestOrg(t.deps, 'Лютик');
  });
  afterAll(async () => t?.close());

  const upload = (body: string | Buffer, query = '', type = 'text/csv', key = org.apiKey) =>
    call(t.app, key, {
      method: 'POST',
      url: `/api/v1/calls/import?filename=calls.csv${query}`,
      headers: { 'content-type': type },
      payload: body,
    });
  const callsOf = (orgId: string) =>
    t.deps.db
      .selectFrom('calls')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('started_at')
      .execute();
  const ctxOf = (o: TestOrg) =>
    ctxFor(t.deps, { type: 'system', id: null, orgId: o.orgId, role: 'admin' });

  it('rejects a CSV with a bad row as a whole: 422 naming the rows, nothing stored, and a dry run reports the same', async () => {
    const csv = [
      HEADER,
      '20.11.2026 09:00;входящий;12;да;95;Анна;8 912 345-67-89;продажи',
      'вчера;куда-то;-;может быть;1;Анна;123;продажи',
      '20.11.2026 09:10;исходящий;0;нет;0;Анна;+7 912 345 67 89;',
    ].join('\n');
    const res = await upload(csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('unprocessable');
    const names = res.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual([
      'rows.3.Дата/Время',
      'rows.3.Направление',
      'rows.3.Отвечен',
      'rows.3.Ожидание, с',
      'rows.3.Телефон',
    ]);
    expect(await callsOf(org.orgId)).toHaveLength(0);

    const dry = await upload(csv, '&dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      valid: 2,
      invalid: 1,
      errorCount: 5,
      created: 0,
    });
    expect(dry.json().errors[0]).toMatchObject({
      row: 3,
      column: 'Дата/Время',
      value: 'вчера',
      code: 'invalid_date',
    });
    expect(await callsOf(org.orgId)).toHaveLength(0);
  });

  it('rejects an XLSX with a bad row as a whole', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Звонки');
    ws.addRow(['Date/Time', 'Direction', 'Wait, s', 'Answered', 'Duration', 'Employee', 'Phone']);
    ws.addRow([new Date('2026-11-20T08:00:00Z'), 'in', 5, 'yes', 60, 'Anna', '89120000001']);
    ws.addRow([new Date('2026-11-20T08:05:00Z'), 'sideways', 5, 'yes', 60, 'Anna', '89120000001']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), '', XLSX);
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams).toEqual([
      { name: 'rows.3.Direction', reason: expect.stringContaining('invalid_direction') },
    ]);
    expect(await callsOf(org.orgId)).toHaveLength(0);
  });

  it('stores a clean XLSX and a clean CSV, matched to contacts by phone; importing again stores nothing new', async () => {
    const client = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 'ООО Ромашка' },
      })
    ).json();
    const contact = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: `/api/v1/clients/${client.id}/contacts`,
        payload: { name: 'Иван', phone: '8 (912) 345-67-89' },
      })
    ).json();
    // The same number in another organisation must not match.
    const otherClient = (
      await call(t.app, other.apiKey, {
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 'Чужой' },
      })
    ).json();
    await call(t.app, other.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${otherClient.id}/contacts`,
      payload: { name: 'Пётр', phone: '+79123456789' },
    });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Звонки');
    ws.addRow([
      'Date/Time',
      'Direction',
      'Wait, s',
      'Answered',
      'Duration',
      'Employee',
      'Phone',
      'Stage',
    ]);
    ws.addRow([
      new Date('2026-11-19T08:00:00Z'),
      'in',
      5,
      'yes',
      60,
      'Anna',
      '89120000001',
      'delivery',
    ]);
    const xlsx = await upload(Buffer.from(await wb.xlsx.writeBuffer()), '', XLSX);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.json()).toMatchObject({
      created: 1,
      duplicates: 0,
      columns: { startedAt: 'Date/Time', phone: 'Phone', stage: 'Stage' },
    });

    const csv = SALES_CSV;
    const res = await upload(csv, '&timeZone=Europe/Moscow');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: false,
      valid: 2,
      invalid: 0,
      created: 2,
      duplicates: 0,
    });
    const rows = await callsOf(org.orgId);
    expect(rows).toHaveLength(3);
    const [, missedCall, callback] = rows;
    expect(missedCall).toMatchObject({
      started_at: '2026-11-20T06:00:00.000Z',
      direction: 'in',
      answered: 0,
      wait_seconds: 12,
      client_phone: '+79123456789',
      contact_id: contact.id,
      client_id: client.id,
      stage: 'продажи',
      employee: 'Анна',
    });
    expect(missedCall!.called_back_call_id).toBe(callback!.id);
    expect(rows[0]).toMatchObject({ client_phone: '+79120000001', contact_id: null });
    const clientCalls = await listClientCalls(ctxOf(org), client.id);
    expect(clientCalls.map((c) => c.id)).toEqual([callback!.id, missedCall!.id]);

    const again = await upload(csv, '&timeZone=Europe/Moscow');
    expect(again.json()).toMatchObject({ created: 0, duplicates: 2 });
    expect(await callsOf(org.orgId)).toHaveLength(3);
    expect(await callsOf(other.orgId)).toHaveLength(0);
  });

  it('answers text/plain and JSON bodies to the import with 415, and unknown columns with 422', async () => {
    expect((await upload('a;b', '', 'text/plain')).statusCode).toBe(415);
    expect(
      (
        await call(t.app, org.apiKey, {
          method: 'POST',
          url: '/api/v1/calls/import',
          payload: { a: 1 },
        })
      ).statusCode,
    ).toBe(415);
    const res = await upload('Когда;Куда\n20.11.2026 09:00;in\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'query.startedAtColumn',
      'query.directionColumn',
      'query.answeredColumn',
    ]);
    const named = await upload(
      'Когда;Куда;Ответ\n20.11.2026 09:00;in;да\n',
      '&dryRun=true&startedAtColumn=Когда&directionColumn=Куда&answeredColumn=Ответ',
    );
    expect(named.json()).toMatchObject({ valid: 1, invalid: 0 });
  });
});
