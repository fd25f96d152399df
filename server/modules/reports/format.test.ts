// Numbers, dates and names as the reports print them: by unit and language, values written by
// hand; and every built-in metric of the scorecard has a name in both languages.
import { describe, expect, it } from 'vitest';
import {
  EMPLOYEE_METRICS,
  SATISFACTION_METRICS,
  TRANSACTIONAL_METRICS,
  type MetricUnit,
} from '../../../shared/api/scorecard-layers.ts';
import { CALL_METRICS, CASE_METRICS } from '../../../shared/api/scorecard.ts';
import {
  dayBefore,
  formatDateTime,
  formatInstantDay,
  formatMetricValue,
  formatP,
} from './format.ts';
import { metricName, stageName } from '../../i18n/metric-names.ts';

const NB = '\u00a0';

describe('formatMetricValue', () => {
  const cases: [number | null, MetricUnit | null, string | null, 'ru' | 'en', string][] = [
    [4903412.35, 'money', null, 'ru', `4${NB}903${NB}412,35${NB}RUB`],
    [4903412.35, 'money', null, 'en', `4,903,412.35${NB}RUB`],
    [0, 'money', null, 'en', `0.00${NB}RUB`],
    [0.842, 'share', null, 'ru', `84,2${NB}%`],
    [0.842, 'share', null, 'en', '84.2%'],
    [76.2, 'percent', null, 'ru', `76,2${NB}%`],
    [45, 'minutes', null, 'ru', '45 мин'],
    [212.75, 'minutes', null, 'ru', '3 ч 33 мин'],
    [59.96, 'minutes', null, 'en', '1 h 00 min'],
    [1210, 'minutes', null, 'en', '20 h 10 min'],
    [71.2, 'seconds', null, 'en', '71.2 s'],
    [1225, 'count', null, 'ru', `1${NB}225`],
    [-6, 'points', null, 'ru', '-6'],
    [19.44, 'points', null, 'ru', '19,4'],
    [3.555, 'score', null, 'en', '3.56'],
    [95, null, '%', 'ru', `95${NB}%`],
    [12.5, null, 'шт', 'ru', `12,5${NB}шт`],
    [7, null, null, 'en', '7'],
    [null, 'money', null, 'ru', '—'],
  ];
  it.each(cases)('%s %s (%s) in %s → %s', (value, unit, unitLabel, lang, expected) => {
    expect(formatMetricValue(value, { unit, unitLabel }, lang, 'RUB')).toBe(expected);
  });
});

describe('dates and p', () => {
  it('prints a window with its last day and instants in the zone asked for', () => {
    expect(dayBefore('2026-07-01')).toBe('2026-06-30');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(formatDateTime(new Date('2026-07-02T09:15:00Z'), 'ru', 'Europe/Moscow')).toBe(
      '02.07.2026 12:15 (Europe/Moscow)',
    );
    // 22:30 UTC on 30 June is already 1 July in Moscow.
    expect(formatInstantDay('2026-06-30T22:30:00Z', 'ru', 'Europe/Moscow')).toBe('01.07.2026');
    expect(formatInstantDay('2026-06-30T22:30:00Z', 'en', 'UTC')).toBe('2026-06-30');
  });

  it('prints p with three decimals, below a thousandth as "< 0,001"', () => {
    expect(formatP(0.29, 'ru')).toBe('0,290');
    expect(formatP(0.00004, 'ru')).toBe(`<${NB}0,001`);
    expect(formatP(null, 'en')).toBe('—');
  });
});

describe('metricName', () => {
  const builtIn = [
    ...Object.keys(SATISFACTION_METRICS),
    ...Object.keys(TRANSACTIONAL_METRICS),
    ...Object.keys(CASE_METRICS),
    ...Object.keys(CALL_METRICS),
    ...Object.keys(EMPLOYEE_METRICS),
  ];

  it('names every built-in metric in both languages', () => {
    expect(builtIn).toHaveLength(19);
    for (const metric of builtIn) {
      for (const lang of ['ru', 'en'] as const) {
        expect(metricName({ metric, name: null, nameEn: null }, lang), metric).not.toBe(metric);
      }
    }
    expect(metricName({ metric: 'cases.ack_minutes', name: null, nameEn: null }, 'ru')).toBe(
      'Время до первого ответа (медиана)',
    );
  });

  it("takes a KPI's own names, the other language's when one is missing, else the key", () => {
    const kpi = { metric: 'kpi:on_time_delivery', name: 'Доставка вовремя', nameEn: null };
    expect(metricName(kpi, 'ru')).toBe('Доставка вовремя');
    expect(metricName(kpi, 'en')).toBe('Доставка вовремя');
    expect(metricName({ ...kpi, nameEn: 'On-time delivery' }, 'en')).toBe('On-time delivery');
    expect(metricName({ metric: 'kpi:x', name: null, nameEn: null }, 'en')).toBe('kpi:x');
    expect(metricName({ metric: 'toString', name: null, nameEn: null }, 'en')).toBe('toString');
  });

  it("falls back to the other language's stage name when one is empty", () => {
    expect(stageName({ nameRu: 'Доставка', nameEn: '' }, 'en')).toBe('Доставка');
    expect(stageName({ nameRu: 'Доставка', nameEn: 'Delivery' }, 'en')).toBe('Delivery');
  });
});
