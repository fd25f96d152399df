// Table-driven checks of the pure pieces: dates, scores, encodings, delimiters, mapping guesses.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDate, parseScore } from '../../lib/tabular/cell-values.ts';
import { convertRows } from './convert-rows.ts';
import { decodeText, detectDelimiter } from '../../lib/tabular/read-csv.ts';
import { cellText } from '../../lib/tabular/read-xlsx.ts';
import { suggestMapping } from './suggest-mapping.ts';

describe('dates in cells', () => {
  it.each([
    ['2026-11-20T10:00:00Z', 'UTC', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00+03:00', 'UTC', '2026-11-20T07:00:00.000Z'],
    ['2026-11-20T10:00:00+0300', 'UTC', '2026-11-20T07:00:00.000Z'],
    ['2026-11-20', 'UTC', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20 10:05', 'Europe/Moscow', '2026-11-20T07:05:00.000Z'],
    ['20.11.2026', 'UTC', '2026-11-20T00:00:00.000Z'],
    ['1.2.2026', 'UTC', '2026-02-01T00:00:00.000Z'],
    ['20.11.2026 14:30', 'Europe/Moscow', '2026-11-20T11:30:00.000Z'],
    ['20.11.2026 14:30:15', 'UTC', '2026-11-20T14:30:15.000Z'],
    // Summer time: New York is UTC-4 in July, UTC-5 in January.
    ['15.07.2026 12:00', 'America/New_York', '2026-07-15T16:00:00.000Z'],
    ['15.01.2026 12:00', 'America/New_York', '2026-01-15T17:00:00.000Z'],
  ])('%s in %s is %s', (text, zone, iso) => {
    expect(parseDate(text, zone)).toBe(iso);
  });

  it.each([
    '31.02.2026',
    '2026-02-30',
    '2026-02-30T10:00:00Z',
    '20.11.26',
    '20/11/2026',
    '25:00',
    'вчера',
    '20.11.2026 24:00',
    '2026-13-01',
  ])('%s is not a date', (text) => {
    expect(parseDate(text, 'UTC')).toBeUndefined();
  });
});

describe('scores in cells', () => {
  it.each([
    ['9', 9],
    [' 10 ', 10],
    ['7,0', 7],
    ['7.00', 7],
    ['0', 0],
    ['7,5', undefined],
    ['семь', undefined],
    ['', undefined],
    ['1e3', undefined],
  ])('%j reads as %j', (text, value) => {
    expect(parseScore(text)).toBe(value);
  });
});

describe('text encodings and delimiters', () => {
  const russian = 'Дата;Оценка;Комментарий\n01.02.2026;9;Всё хорошо, спасибо\n';
  it.each([
    ['UTF-8', Buffer.from(russian, 'utf8'), 'UTF-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(russian)]),
      'UTF-8 (BOM)',
    ],
    ['Windows-1251', iconv.encode(russian, 'win1251'), 'windows-1251'],
    [
      'short Windows-1251 that chardet calls ASCII',
      iconv.encode('Оценка;Текст\n5;Ок\n', 'win1251'),
      'windows-1251',
    ],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(russian, 'utf-16le')]),
      'UTF-16LE',
    ],
  ])('decodes %s', (_label, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith(bytes.length < 40 ? 'Оценка' : 'Дата;Оценка')).toBe(true);
  });

  it('refuses binary data instead of guessing', () => {
    expect(() => decodeText(Buffer.from([0x50, 0x00, 0x01, 0x02, 0xc3]))).toThrow(
      /not readable text/,
    );
  });

  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"Имя, фамилия";Оценка\n1,2,3,4,5', ';'],
    ['одна колонка\nx', ','],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('XLSX cell values', () => {
  it.each([
    [null, ''],
    [42, '42'],
    [0.25, '0.25'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2026, 0, 2)), '2026-01-02'],
    [new Date(Date.UTC(2026, 0, 2, 9, 30)), '2026-01-02T09:30:00'],
    [{ formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    [{ formula: 'NOW()' }, ''],
    [{ sharedFormula: 'A1', result: 5 }, '5'],
    [{ richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    [{ text: 'ссылка', hyperlink: 'https://example.ru' }, 'ссылка'],
  ])('%j → %j', (value, text) => {
    expect(cellText(value as never)).toBe(text);
  });
});

describe('mapping suggestions from header names', () => {
  it('recognises Russian headers and a metric in the score column name', () => {
    expect(
      suggestMapping([
        '№',
        'Дата',
        'Клиент',
        'Код клиента',
        'E-mail',
        'Телефон',
        'Оценка NPS',
        'Комментарий клиента',
        'Этап',
      ]),
    ).toEqual({
      sourceId: '№',
      receivedAt: 'Дата',
      clientName: 'Клиент',
      clientExternalId: 'Код клиента',
      contactEmail: 'E-mail',
      contactPhone: 'Телефон',
      scoreValue: 'Оценка NPS',
      text: 'Комментарий клиента',
      stage: 'Этап',
      fixed: { scoreType: 'nps' },
    });
  });

  it('recognises English headers and leaves unknown columns alone', () => {
    expect(
      suggestMapping(['Date', 'Customer', 'Score', 'Score type', 'Comment', 'Whatever']),
    ).toEqual({
      receivedAt: 'Date',
      clientName: 'Customer',
      scoreValue: 'Score',
      scoreType: 'Score type',
      text: 'Comment',
    });
  });
});

describe('rows to feedback', () => {
  const table = {
    columns: ['Канал', 'Язык', 'Клиент ID', 'Тип', 'Оценка'],
    rows: [
      ['телефон', 'English', 'C-1', 'CSAT', '5'],
      ['факс', 'клингон', '', 'nps', '9', 'лишнее'],
      ['', '', '', '', '3'],
    ],
  };
  it('reads channel and language names and reports unknown ones', () => {
    const mapping = {
      channel: 'Канал',
      contactLanguage: 'Язык',
      clientExternalId: 'Клиент ID',
      scoreType: 'Тип',
      scoreValue: 'Оценка',
    };
    const { report, inputs } = convertRows(table, mapping, (row) => `src-${row}`);
    expect(inputs[0]!.input).toMatchObject({
      channel: 'phone',
      contact: { language: 'en' },
      client: { externalId: 'C-1', name: 'C-1' },
      score: { type: 'csat', value: 5 },
      sourceId: 'src-2',
    });
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'too_many_cells'],
      [3, 'unknown_channel'],
      [3, 'unknown_language'],
      [4, 'score_type_missing'],
    ]);
  });
});
