// How scorecard values read in both languages: by unit, the change against the period before
// (coloured by the better direction), targets, names, period labels; the window in the URL; the
// sparkline's geometry; drivers ranked by their share of R².
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import { mergeCatalogues, type Tree } from '../../../shared/i18n/merge.ts';
import ru from '../../../shared/i18n/ru.json';
import type { DriverOut, LayerMetricOut } from '../../api/scorecard-layers.ts';
import { formatP, formatR, splitDrivers } from './drivers.ts';
import {
  changeOf,
  formatTarget,
  formatValue,
  isEmptyMetric,
  metricName,
  periodName,
} from './layer-format.ts';
import { readMonthWindow, readWindow, switchPeriod, windowEndingWith } from './scorecard-window.ts';
import { sparkPaths } from './Sparkline.tsx';

const catalogues = mergeCatalogues(
  { ru: ru as Tree, en: en as Tree },
  import.meta.glob<{ default: Tree }>('../../../shared/i18n/modules/*.json', { eager: true }),
);
let tRu: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const make = async (lng: 'ru' | 'en') => {
    const i = i18next.createInstance();
    await i.init({
      lng,
      resources: { [lng]: { translation: catalogues[lng] } },
      interpolation: { escapeValue: false },
    });
    return i.t;
  };
  tRu = await make('ru');
  tEn = await make('en');
});

/** Intl writes thin and no-break spaces; compare with plain ones. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

function metric(over: Partial<LayerMetricOut>): LayerMetricOut {
  return {
    metric: 'nps',
    layer: 'satisfaction',
    name: null,
    nameEn: null,
    unit: 'points',
    unitLabel: null,
    value: null,
    previous: null,
    target: null,
    direction: 'up',
    status: null,
    n: null,
    series: [],
    drill: null,
    ...over,
  };
}

describe('values by unit', () => {
  it.each([
    ['points', 42.46, '42,5', '42.5'],
    ['percent', 82.5, '82,5 %', '82.5 %'],
    ['share', 0.8333, '83,3 %', '83.3 %'],
    ['money', 1234, '1 234 ₽', '₽1,234'],
    ['money', 225.5, '225,50 ₽', '₽225.50'],
    ['minutes', 125, '2 ч 5 мин', '2 h 5 min'],
    ['minutes', 45, '45 мин', '45 min'],
    ['seconds', 37.4, '37 с', '37 s'],
    ['count', 12, '12', '12'],
    ['score', 3.456, '3,46', '3.46'],
  ] as const)('%s %s → «%s» / "%s"', (unit, value, inRu, inEn) => {
    expect(plain(formatValue(metric({ unit }), value, tRu, 'ru'))).toBe(inRu);
    expect(plain(formatValue(metric({ unit }), value, tEn, 'en'))).toBe(inEn);
  });

  it('a KPI carries its own unit label; nothing is a dash', () => {
    const kpi = metric({ metric: 'kpi:on_time', unit: null, unitLabel: '%' });
    expect(formatValue(kpi, 92, tRu, 'ru')).toBe('92 %');
    expect(formatValue(kpi, null, tRu, 'ru')).toBe('—');
  });
});

describe('the change against the period before', () => {
  it('is better when it moves the way the metric should', () => {
    expect(changeOf(metric({ value: 70, previous: 30 }), tRu, 'ru')).toEqual({
      arrow: '▲',
      text: '40',
      tone: 'better',
    });
    const wait = metric({ unit: 'seconds', direction: 'down', value: 50, previous: 40 });
    expect(changeOf(wait, tRu, 'ru')).toEqual({ arrow: '▲', text: '10 с', tone: 'worse' });
  });

  it('counts shares and percents in percentage points; no change is "="', () => {
    const share = metric({ unit: 'share', value: 0.9, previous: 0.95 });
    expect(plain(changeOf(share, tRu, 'ru')!.text)).toBe('5 п. п.');
    expect(changeOf(share, tRu, 'ru')!.arrow).toBe('▼');
    expect(changeOf(metric({ unit: 'percent', value: 80, previous: 75.5 }), tEn, 'en')!.text).toBe(
      '4.5 pp',
    );
    expect(changeOf(metric({ value: 0.1 + 0.2, previous: 0.3 }), tRu, 'ru')!.arrow).toBe('=');
    expect(changeOf(metric({ value: 5, previous: null }), tRu, 'ru')).toBeNull();
  });
});

describe('targets, names and periods', () => {
  it('shows the good side of the target', () => {
    expect(formatTarget(metric({ target: 50 }), tRu, 'ru')).toBe('≥ 50');
    const ack = metric({ unit: 'minutes', target: 240, direction: 'down' });
    expect(formatTarget(ack, tRu, 'ru')).toBe('≤ 4 ч 0 мин');
    expect(formatTarget(metric({}), tRu, 'ru')).toBeNull();
  });

  it('names built-in metrics by key and KPIs by their own name in the reader language', () => {
    expect(metricName(metric({ metric: 'retention' }), tRu, 'ru')).toBe('Удержание (купили снова)');
    expect(metricName(metric({ metric: 'calls.missed_share' }), tEn, 'en')).toBe(
      'Inbound calls missed',
    );
    const kpi = { metric: 'kpi:x', name: 'Доставка вовремя', nameEn: 'On-time delivery' };
    expect(metricName(kpi, tRu, 'ru')).toBe('Доставка вовремя');
    expect(metricName(kpi, tEn, 'en')).toBe('On-time delivery');
    expect(metricName({ ...kpi, nameEn: null }, tEn, 'en')).toBe('Доставка вовремя');
  });

  it('reads the API period labels', () => {
    expect(periodName('2026-11', tRu, 'ru')).toBe('ноябрь 2026');
    expect(periodName('2026-12', tEn, 'en')).toBe('December 2026');
    expect(periodName('2026', tEn, 'en')).toBe('2026');
    expect(periodName('2026-Q1', tRu, 'ru')).toBe('1 кв. 2026');
    expect(periodName('2026-Q1', tEn, 'en')).toBe('Q1 2026');
  });

  it('folds away a metric with nothing in the window and no target', () => {
    const series = [{ period: '2026-10', value: null, n: null }];
    expect(isEmptyMetric(metric({ series }))).toBe(true);
    expect(isEmptyMetric(metric({ series, target: 10 }))).toBe(false);
    expect(isEmptyMetric(metric({ series: [{ period: '2026-10', value: 1, n: 3 }] }))).toBe(false);
  });
});

describe('the window in the URL', () => {
  const today = new Date('2026-12-03T08:00:00Z');
  it('defaults to six months (four quarters) ending with the last full one', () => {
    expect(readWindow({}, today)).toMatchObject({
      period: 'month',
      end: '2026-11-01',
      length: 6,
      from: '2026-06-01',
      to: '2026-12-01',
    });
    expect(readWindow({ period: 'quarter' }, today)).toMatchObject({
      from: '2025-10-01',
      to: '2026-10-01',
      length: 4,
    });
  });

  it('keeps a window named by the link and refuses one off the period boundaries', () => {
    const w = readWindow({ period: 'month', from: '2026-06-01', to: '2026-12-01' }, today);
    expect(w).toMatchObject({ end: '2026-11-01', length: 6 });
    const off = readWindow({ period: 'quarter', from: '2026-02-01', to: '2026-12-01' }, today);
    expect(off).toMatchObject({ from: '2025-10-01', length: 4 });
    expect(readWindow({ from: '2020-01-01', to: '2026-01-01' }, today).length).toBe(6);
  });

  it('switching to quarters keeps the quarter holding the last month', () => {
    const w = readWindow({ from: '2026-06-01', to: '2026-09-01' }, today);
    expect(switchPeriod(w, 'quarter')).toMatchObject({ from: '2025-10-01', to: '2026-10-01' });
  });

  it('goes back from a drill-down to the window ending with its period', () => {
    expect(windowEndingWith('2026-11')).toMatchObject({ from: '2026-06-01', to: '2026-12-01' });
    expect(windowEndingWith('2026-Q3')).toMatchObject({ from: '2025-10-01', to: '2026-10-01' });
    expect(windowEndingWith('2026-13')).toBeNull();
  });

  it("the arbiter's default is the last full month", () => {
    expect(readMonthWindow({}, today)).toMatchObject({ from: '2026-11-01', to: '2026-12-01' });
    expect(readMonthWindow({ from: '2026-01-01', to: '2026-04-01' }, today).length).toBe(3);
  });
});

describe('sparkline and drivers', () => {
  it('breaks the line at a missing period and scales into the box', () => {
    const points = [1, 3, null, 2, 3].map((value, i) => ({ period: String(i), value }));
    const { runs, last } = sparkPaths(points, 42, 12, 1);
    expect(runs).toEqual(['1,11 11,1', '31,6 41,1']);
    expect(last).toEqual([41, 1]);
    expect(sparkPaths([{ period: 'a', value: null }], 40, 10).runs).toEqual([]);
  });

  it('ranks by share of R² and keeps the not-enough-data ones apart', () => {
    const d = (metric: string, importance: number | null, status: DriverOut['status']) =>
      ({ metric, importance, status, r: 0.5 }) as DriverOut;
    const { ranked, notEnough } = splitDrivers([
      d('a', 0.2, 'ranked'),
      d('b', null, 'not_enough_data'),
      d('c', 0.7, 'ranked'),
    ]);
    expect(ranked.map((x) => x.metric)).toEqual(['c', 'a']);
    expect(notEnough.map((x) => x.metric)).toEqual(['b']);
    expect(formatP(0.0004, 'ru')).toBe('p < 0,001');
    expect(formatP(0.0421, 'en')).toBe('p = 0.042');
    expect(formatR(0.995, 'en')).toBe('r = 1.00');
  });
});
