// Pure pieces of the surveys module: score scales, score parsing, the one-click lines of an
// invitation, and the default wording shared by the server and the UI catalogues.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONS, SURVEY_METRICS } from '../../../shared/api/surveys.ts';
import en from '../../../shared/i18n/modules/surveys.en.json';
import ru from '../../../shared/i18n/modules/surveys.ru.json';
import { parseScore, scoreLinesOf, scoresOf } from './survey-links.ts';

describe('survey scales', () => {
  it.each([
    ['nps', 0, 10, 11],
    ['csat', 1, 5, 5],
    ['ces', 1, 7, 7],
  ] as const)('%s runs from %i to %i (%i options)', (metric, min, max, count) => {
    const scores = scoresOf(metric);
    expect(scores[0]).toBe(min);
    expect(scores.at(-1)).toBe(max);
    expect(scores).toHaveLength(count);
  });

  it.each([
    ['nps', '0', 0],
    ['nps', '10', 10],
    ['nps', '11', undefined],
    ['csat', '0', undefined],
    ['csat', '5', 5],
    ['ces', '7', 7],
    ['ces', '8', undefined],
    ['ces', ' 3', undefined],
    ['ces', '3.0', undefined],
    ['ces', '-1', undefined],
    ['ces', '', undefined],
    ['ces', undefined, undefined],
    ['ces', ['3'], undefined],
  ] as const)('%s accepts %j as %j', (metric, raw, expected) => {
    expect(parseScore(metric, raw)).toBe(expected);
  });
});

describe('one-click score lines', () => {
  it('gives every score its own link and labels the ends in the contact language (CES: 1 is easy)', () => {
    const lines = scoreLinesOf('ces', 'https://cx.example.ru/s/tok', 'ru').split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('1 (очень легко): https://cx.example.ru/s/tok?score=1');
    expect(lines[3]).toBe('4: https://cx.example.ru/s/tok?score=4');
    expect(lines[6]).toBe('7 (очень сложно): https://cx.example.ru/s/tok?score=7');
    expect(scoreLinesOf('nps', 'u', 'en').split('\n')[0]).toBe('0 (not at all likely): u?score=0');
  });
});

describe('default questions', () => {
  it('are the same in the UI catalogues as on the server', () => {
    for (const metric of SURVEY_METRICS) {
      expect(ru.defaultQuestion[metric]).toBe(DEFAULT_QUESTIONS[metric].ru);
      expect(en.defaultQuestion[metric]).toBe(DEFAULT_QUESTIONS[metric].en);
    }
  });
});
