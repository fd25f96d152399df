// File imports end to end through HTTP, from validation to commit: row-level reports,
// all-or-nothing commits, duplicates, a second commit, acknowledgements and cases only when asked
// for, and the list and discard of imports; both dialects.
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { importsKit } from './imports.fixtures.ts';

describe.each(testDialects())('feedback imports on %s', (dialect) => {
  const kit = importsKit(dialect);
  const { upload, validate, commit, feedbackOf, ackCount } = kit;

  it('reports row-level errors with file row numbers and writes nothing', async () => {
    const csv = [
      'Дата,Оценка,Комментарий,Email',
      '20.11.2026,9,Хорошо,a@example.ru', // row 2: fine
      '31.02.2026,8,Плохая дата,b@example.ru', // row 3
      '21.11.2026,семь,,c@example.ru', // row 4: not a score, no text
      ',,,', // row 5: blank
      '22.11.2026,11,Вне шкалы,not-an-email', // row 6: out of range, bad e-mail
    ].join('\n');
    const imp = (await upload(csv)).json();
    const res = await validate(imp.id, {
      receivedAt: 'Дата',
      scoreValue: 'Оценка',
      text: 'Комментарий',
      contactEmail: 'Email',
      fixed: { scoreType: 'nps' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valid: 1, invalid: 3, blank: 1, errorCount: 4 });
    expect(
      report.errors.map((e: { row: number; column: string | null; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [3, 'Дата', 'invalid_date'],
      [4, 'Оценка', 'not_an_integer'],
      [6, 'Email', 'invalid_value'],
      [6, 'Оценка', 'invalid_value'],
    ]);
    expect(await feedbackOf(imp.id)).toHaveLength(0);

    const noScoreNoText = await validate(imp.id, { receivedAt: 'Дата', text: 'Комментарий' });
    expect(noScoreNoText.json().errors).toContainEqual(
      expect.objectContaining({ row: 4, code: 'score_or_text_required' }),
    );
    const unknown = await validate(imp.id, { text: 'Отзыв' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams).toEqual([
      { name: 'body.mapping.text', reason: 'no column "Отзыв" in the file' },
    ]);
  });

  it('commits nothing when one row of many is bad (422), and the report stays on the import', async () => {
    const lines = ['Оценка,Комментарий'];
    for (let i = 1; i <= 1500; i++)
      lines.push(i === 1234 ? 'десять,Плохая строка' : `${i % 11},Отзыв ${i}`);
    const imp = (await upload(lines.join('\n'))).json();
    const mapping = { scoreValue: 'Оценка', text: 'Комментарий', fixed: { scoreType: 'nps' } };
    const res = await commit(imp.id, mapping);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'unprocessable',
      invalidParams: [{ name: 'rows.1235.Оценка' }],
    });
    expect(await feedbackOf(imp.id)).toHaveLength(0);
    const after = (
      await call(kit.t.app, kit.org.apiKey, { method: 'GET', url: `/api/v1/imports/${imp.id}` })
    ).json();
    expect(after).toMatchObject({
      status: 'uploaded',
      report: { valid: 1499, invalid: 1 },
      mapping,
    });
  });

  it('treats rows already recorded under the same source id as duplicates', async () => {
    await call(kit.t.app, kit.org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'уже было', sourceId: 'dup-2' },
    });
    const imp = (await upload('Комментарий,ID\nРаз,dup-1\nДва,dup-2\n')).json();
    const done = await commit(imp.id, { text: 'Комментарий', sourceId: 'ID' });
    expect(done.json().result).toEqual({ created: 1, updated: 0, duplicates: 1 });
  });

  it('answers a second commit with 409, and a re-upload of the same file creates nothing new', async () => {
    const csv = 'Оценка,Комментарий\n9,Раз\n3,Два\n';
    const mapping = { scoreValue: 'Оценка', text: 'Комментарий', fixed: { scoreType: 'nps' } };
    const first = (await upload(csv)).json();
    expect((await commit(first.id, mapping)).statusCode).toBe(200);
    const again = await commit(first.id, mapping);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    const second = (await upload(csv)).json();
    const replay = await commit(second.id, mapping);
    expect(replay.json().result).toEqual({ created: 0, updated: 0, duplicates: 2 });
    expect(
      (
        await call(kit.t.app, kit.org.apiKey, {
          method: 'DELETE',
          url: `/api/v1/imports/${first.id}`,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('sends acknowledgements only when asked to', async () => {
    const before = await ackCount();
    const imp = (await upload('Оценка,Комментарий,Email\n9,Спасибо,ack@example.ru\n')).json();
    expect(
      (
        await commit(
          imp.id,
          {
            scoreValue: 'Оценка',
            text: 'Комментарий',
            contactEmail: 'Email',
            fixed: { scoreType: 'nps' },
          },
          true,
        )
      ).statusCode,
    ).toBe(200);
    expect(await ackCount()).toBe(before + 1);
  });

  it('opens cases for imported detractors only when asked to', async () => {
    const cases = async () =>
      (await kit.t.deps.db.selectFrom('cases').select('id').execute()).length;
    const mapping = { scoreValue: 'Оценка', text: 'Комментарий', fixed: { scoreType: 'nps' } };
    const before = await cases();
    const history = (await upload('Оценка,Комментарий\n2,Плохо\n')).json();
    expect(
      (
        await call(kit.t.app, kit.org.apiKey, {
          method: 'POST',
          url: `/api/v1/imports/${history.id}/commit`,
          payload: { mapping },
        })
      ).statusCode,
    ).toBe(200);
    expect(await cases()).toBe(before);
    const fresh = (await upload('Оценка,Комментарий\n1,Ужасно\n')).json();
    expect(
      (
        await call(kit.t.app, kit.org.apiKey, {
          method: 'POST',
          url: `/api/v1/imports/${fresh.id}/commit`,
          payload: { mapping, openCases: true },
        })
      ).statusCode,
    ).toBe(200);
    expect(await cases()).toBe(before + 1);
  });

  it('lists imports without rows, and discards an uncommitted one', async () => {
    const imp = (await upload('Оценка\n5\n', 'text/csv', '../../etc/пароли.csv')).json();
    expect(imp.filename).toBe('пароли.csv');
    const list = (
      await call(kit.t.app, kit.org.apiKey, { method: 'GET', url: '/api/v1/imports?limit=200' })
    ).json();
    expect(list.items[0]).toEqual({
      id: imp.id,
      kind: 'csv',
      target: 'feedback',
      filename: 'пароли.csv',
      status: 'uploaded',
      rowCount: 1,
      createdAt: imp.createdAt,
      committedAt: null,
    });
    expect(
      (
        await call(kit.t.app, kit.org.apiKey, {
          method: 'DELETE',
          url: `/api/v1/imports/${imp.id}`,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await call(kit.t.app, kit.org.apiKey, { method: 'GET', url: `/api/v1/imports/${imp.id}` }))
        .statusCode,
    ).toBe(404);
  });
});
