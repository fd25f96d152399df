import { describe, expect, it } from 'vitest';
import { caseRuleFor, hasComplaintWords } from './rules.ts';
import { allowedNext, canTransition } from './status-machine.ts';

describe('caseRuleFor', () => {
  it.each([
    [{ type: 'nps', value: 0 }, null, { reason: 'nps_detractor', priority: 'high' }],
    [{ type: 'nps', value: 6 }, null, { reason: 'nps_detractor', priority: 'normal' }],
    [{ type: 'nps', value: 7 }, null, null],
    [{ type: 'nps', value: 10 }, 'Отлично', null],
    [{ type: 'csat', value: 1 }, null, { reason: 'csat_low', priority: 'high' }],
    [{ type: 'csat', value: 2 }, null, { reason: 'csat_low', priority: 'normal' }],
    [{ type: 'csat', value: 3 }, null, null],
    [{ type: 'ces', value: 5 }, null, { reason: 'ces_high', priority: 'normal' }],
    [{ type: 'ces', value: 7 }, null, { reason: 'ces_high', priority: 'high' }],
    [{ type: 'ces', value: 4 }, null, null],
    [null, 'Пишу жалобу: курьер нахамил', { reason: 'complaint_words', priority: 'normal' }],
    [null, 'У меня претензия к качеству', { reason: 'complaint_words' }],
    [null, 'I want a refund, this is unacceptable', { reason: 'complaint_words' }],
    [null, 'Спасибо, всё понравилось', null],
    [null, 'Жалоб нет, всё хорошо', null],
    [null, 'Без претензий, спасибо', null],
    [null, 'No complaints at all', null],
    [null, 'Жалоб нет, но курьер нахамил', { reason: 'complaint_words' }],
  ] as const)('score %j, text %j → %j', (score, text, expected) => {
    const rule = caseRuleFor(score as never, text);
    if (expected === null) expect(rule).toBeNull();
    else expect(rule).toMatchObject(expected);
  });

  it('matches complaint stems at word starts only', () => {
    expect(hasComplaintWords('обжалобованный')).toBe(false);
    expect(hasComplaintWords('«Безобразие!»')).toBe(true);
    expect(hasComplaintWords('Товар НЕ РАБОТАЕТ')).toBe(true);
  });
});

describe('case status machine', () => {
  it.each([
    ['new', 'acknowledged', true],
    ['new', 'resolved', true],
    ['new', 'closed', false],
    ['acknowledged', 'in_progress', true],
    ['in_progress', 'waiting_client', true],
    ['waiting_client', 'in_progress', true],
    ['waiting_client', 'resolved', true],
    ['resolved', 'closed', true],
    ['resolved', 'in_progress', true],
    ['resolved', 'new', false],
    ['closed', 'in_progress', false],
    ['in_progress', 'acknowledged', false],
  ] as const)('%s → %s is %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it('closes for good', () => {
    expect(allowedNext('closed')).toEqual([]);
  });
});
