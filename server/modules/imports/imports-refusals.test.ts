// File imports end to end through HTTP: the files refused (too many rows, unreadable or
// malformed content, a broken XLSX, wrong media types, oversized bodies) and nothing stored;
// both dialects.
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { importsKit } from './imports.fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDialects())('feedback imports on %s', (dialect) => {
  const kit = importsKit(dialect);
  const { upload } = kit;

  it('refuses 100 001 rows with a clear 413 and stores nothing', async () => {
    const body = `Оценка\n${'5\n'.repeat(100_001)}`;
    const imports = async () =>
      (
        await call(kit.t.app, kit.org.apiKey, { method: 'GET', url: '/api/v1/imports?limit=100' })
      ).json().items.length;
    const before = await imports();
    const res = await upload(body);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'payload_too_large',
      detail: expect.stringContaining('100001 data rows'),
    });
    // No stopwatch here (machine speed is not behaviour): the refusal stores no import.
    expect(await imports()).toBe(before);
    const exactly = await upload(`Оценка\n${'5\n'.repeat(100_000)}`);
    expect(exactly.statusCode).toBe(201);
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['a header only', 'Оценка,Комментарий\n', 'no data rows'],
    ['repeated column names', 'Оценка,оценка\n1,2\n', 'repeat'],
    ['a column without a name', 'Оценка,,Текст\n1,2,3\n', 'no name'],
    ['no header row', '9,Всё хорошо\n3,Плохо\n', 'looks like data'],
    [
      'bytes that are no text',
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]),
      'not readable text',
    ],
    ['an unclosed quote', 'Текст\n"без конца\n', 'could not be read'],
  ])('refuses %s with 422 unprocessable', async (_label, body, detail) => {
    const res = await upload(body as string);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('unprocessable');
    expect(res.json().detail).toContain(detail);
  });

  it('refuses a broken XLSX, wrong media types and oversized files', async () => {
    const broken = await upload(Buffer.from('PK\x03\x04 not really a zip'), XLSX, 'x.xlsx');
    expect(broken.statusCode).toBe(422);
    for (const type of ['text/plain', 'application/xml'])
      expect((await upload('Оценка\n5\n', type)).statusCode).toBe(415);
    expect((await upload('Оценка\n5\n', 'application/octet-stream', 'data.bin')).statusCode).toBe(
      415,
    );
    expect(
      (await upload('Оценка,Текст\n5,Ок\n', 'application/octet-stream', 'data.csv')).statusCode,
    ).toBe(201);
    const json = await call(kit.t.app, kit.org.apiKey, {
      method: 'POST',
      url: '/api/v1/imports',
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    const huge = await upload(Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });
});
