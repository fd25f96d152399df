import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { convertCallRows, parseDirection, parseSeconds, resolveColumns } from './call-rows.ts';

describe('parseSeconds', () => {
  it.each([
    ['75', 75],
    [' 75 ', 75],
    ['75,4', 75],
    ['75.6', 76],
    ['01:15', 75],
    ['1:02:03', 3723],
    ['0', 0],
  ])('%s → %i', (text, expected) => expect(parseSeconds(text)).toBe(expected));
  it.each([['-5'], ['abc'], ['1:2'], ['']])('%s is not seconds', (text) =>
    expect(parseSeconds(text)).toBeUndefined(),
  );
});

describe('parseDirection', () => {
  // Short forms seen in PBX exports (Asterisk CDR, Mango, UIS, Битрикс24), in any case and with ё/dots.
  it.each([
    'вход',
    'Вход.',
    'входящ',
    'входящ.',
    'ВХ',
    'вх.',
    'Входящий',
    'входящая',
    'входящее',
    'Входящий звонок',
    'вх/переадр.',
    'in',
    'IN',
    'In.',
    'inc',
    'incoming',
    'Incoming call',
    'inbound',
    'inbound-call',
  ])('%s → in', (text) => expect(parseDirection(text)).toBe('in'));
  it.each([
    'исх',
    'Исх.',
    'исходящ',
    'исходящ.',
    'Исходящий',
    'исходящая',
    'исходящее',
    'исходящий вызов',
    'out',
    'OUT',
    'Out.',
    'outg',
    'outgoing',
    'Outgoing call',
    'outbound',
  ])('%s → out', (text) => expect(parseDirection(text)).toBe('out'));
  it.each(['', 'вбок', 'внутренний', 'internal', 'info', 'outside', 'o', 'i', 'выход', '-'])(
    '%s is not a direction',
    (text) => expect(parseDirection(text)).toBeUndefined(),
  );
});

describe('resolveColumns', () => {
  it('finds the columns of a Russian and of an English export by their names, ignoring case and ё', () => {
    expect(
      resolveColumns(
        [
          'ДАТА/ВРЕМЯ',
          'Направление',
          'Ожидание, с',
          'Отвечён',
          'Длительность',
          'Сотрудник',
          'Телефон',
          'Этап',
        ],
        {},
      ),
    ).toEqual({
      startedAt: 'ДАТА/ВРЕМЯ',
      direction: 'Направление',
      waitSeconds: 'Ожидание, с',
      answered: 'Отвечён',
      durationSeconds: 'Длительность',
      employee: 'Сотрудник',
      phone: 'Телефон',
      stage: 'Этап',
    });
    expect(resolveColumns(['Date/Time', 'Direction', 'Status', 'Phone', 'Call ID'], {})).toEqual({
      startedAt: 'Date/Time',
      direction: 'Direction',
      answered: 'Status',
      phone: 'Phone',
      externalId: 'Call ID',
    });
  });

  it('lets named columns win and names every missing or unknown one', () => {
    expect(
      resolveColumns(['Когда', 'Направление', 'Итог'], { startedAt: 'когда', answered: 'Итог' }),
    ).toEqual({ startedAt: 'Когда', direction: 'Направление', answered: 'Итог' });
    try {
      resolveColumns(['Когда', 'Куда'], { phone: 'Номер' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).details?.invalidParams?.map((p) => p.name)).toEqual([
        'query.phoneColumn',
        'query.startedAtColumn',
        'query.directionColumn',
        'query.answeredColumn',
      ]);
    }
  });
});

describe('convertCallRows', () => {
  const mapping = { startedAt: 'Дата', direction: 'Напр', answered: 'Ответ', phone: 'Тел' };
  const table = (rows: string[][]) => ({ columns: ['Дата', 'Напр', 'Ответ', 'Тел'], rows });

  it('reads Russian and English words, times in the given zone, and hidden numbers as no number', () => {
    const { inputs, report } = convertCallRows(
      table([
        ['20.11.2026 10:15', 'Входящий', 'Пропущен', 'Аноним'],
        [],
        ['2026-11-20T10:20:00Z', 'outbound', 'ANSWERED', '8 912 345 67 89'],
      ]),
      mapping,
      { timeZone: 'Europe/Moscow' },
    );
    expect(report).toEqual({ valid: 2, invalid: 0, blank: 1, errors: [], errorCount: 0 });
    expect(inputs.map((i) => [i.row, i.startedAt, i.direction, i.answered, i.phone])).toEqual([
      [2, '2026-11-20T07:15:00.000Z', 'in', false, null],
      [4, '2026-11-20T10:20:00.000Z', 'out', true, '+79123456789'],
    ]);
  });

  it('gives the same call in two exports the same id, and two identical lines in one file two ids', () => {
    const line = ['20.11.2026 10:15', 'in', 'нет', '89123456789'];
    const once = convertCallRows(table([line]), mapping, { timeZone: 'UTC' }).inputs;
    const twice = convertCallRows(
      table([['20.11.2026 09:00', 'out', 'да', ''], line, line]),
      mapping,
      { timeZone: 'UTC' },
    ).inputs;
    expect(twice[1]!.externalId).toBe(once[0]!.externalId);
    expect(twice[2]!.externalId).toBe(`${once[0]!.externalId}#2`);
  });

  it('reports every bad cell with its row, column and value', () => {
    const { inputs, report } = convertCallRows(table([['', 'вбок', 'может', '12-34']]), mapping, {
      timeZone: 'UTC',
    });
    expect(inputs).toEqual([]);
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [2, 'Дата', null, 'required'],
      [2, 'Напр', 'вбок', 'invalid_direction'],
      [2, 'Ответ', 'может', 'invalid_answered'],
      [2, 'Тел', '12-34', 'invalid_phone'],
    ]);
  });
});
