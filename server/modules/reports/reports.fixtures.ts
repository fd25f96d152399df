// Realistic report inputs, written by hand: a six-month scorecard of three stages (Cyrillic
// names, every layer, some nulls, a KPI «Доставка вовремя») and a generator of a large scorecard
// for the page-break test. The arbiter report over these stages is in arbiter.fixtures.ts.
import type {
  LayerMetricOut,
  ScorecardLayer,
  ScorecardOut,
  ScorecardStageOut,
} from '../../../shared/api/scorecard-layers.ts';

export const PERIODS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

type MetricSpec = Partial<LayerMetricOut> & {
  metric: string;
  layer: ScorecardLayer;
  values: (number | null)[];
};

/** A metric whose value and previous are the series' last two values. */
export function metric(spec: MetricSpec): LayerMetricOut {
  const { values, ...rest } = spec;
  const n = rest.n === undefined ? 40 : rest.n;
  return {
    name: null,
    nameEn: null,
    unit: null,
    unitLabel: null,
    value: values.at(-1) ?? null,
    previous: values.at(-2) ?? null,
    target: null,
    direction: 'up',
    status: null,
    drill: null,
    ...rest,
    n,
    series: values.map((value, i) => ({
      period: PERIODS[i] ?? `p${i}`,
      value,
      n: value === null ? null : n,
    })),
  };
}

const layers = (metrics: LayerMetricOut[]): ScorecardStageOut['layers'] => ({
  satisfaction: metrics.filter((m) => m.layer === 'satisfaction'),
  transactional: metrics.filter((m) => m.layer === 'transactional'),
  operational: metrics.filter((m) => m.layer === 'operational'),
  employee: metrics.filter((m) => m.layer === 'employee'),
});

export const onTimeDelivery = metric({
  metric: 'kpi:on_time_delivery',
  layer: 'operational',
  name: 'Доставка вовремя',
  nameEn: 'On-time delivery',
  unitLabel: '%',
  values: [91.5, 93, 88.2, 90.1, 92.4, 86.7],
  target: 95,
  status: 'red',
  n: 1,
});

// metric, layer, unit, the six periods' values, target, status, n
type Row = [
  string,
  ScorecardLayer,
  LayerMetricOut['unit'],
  (number | null)[],
  number | null,
  LayerMetricOut['status'],
  number | null,
];
const DOWN = new Set([
  'ces',
  'cases.ack_minutes',
  'cases.resolve_minutes',
  'cases.sla_breach_share',
]);
const DOWN_TOO = new Set(['cases.backlog', 'calls.avg_wait_seconds', 'calls.missed_share']);
const fromRows = (rows: Row[]) =>
  rows.map(([key, layer, unit, values, target, status, n]) =>
    metric({
      metric: key,
      layer,
      unit,
      values,
      target,
      status,
      n,
      direction: DOWN.has(key) || DOWN_TOO.has(key) ? 'down' : 'up',
    }),
  );

const delivery: ScorecardStageOut = {
  key: 'delivery',
  nameRu: 'Доставка',
  nameEn: 'Delivery',
  layers: layers([
    ...fromRows([
      ['nps', 'satisfaction', 'points', [31, 28.5, 25, 22, 19.4, 12], 30, 'red', 212],
      ['csat', 'satisfaction', 'percent', [84, 83.1, 80, 78.5, 79, 76.2], 80, 'amber', 180],
      ['ces', 'satisfaction', 'score', [null, null, 3.1, 3.4, 3.2, 3.55], null, null, 64],
      [
        'response_rate',
        'satisfaction',
        'percent',
        [21, 19.5, 22, 20.4, 18.9, 17.3],
        null,
        null,
        1225,
      ],
      [
        'revenue',
        'transactional',
        'money',
        [4812300.5, 5120044, 4990871.25, 5402100, 5287659.9, 4903412.35],
        5e6,
        'amber',
        318,
      ],
      [
        'arppu',
        'transactional',
        'money',
        [15200, 15780.5, 15020, 16101.75, 16400, 15419.53],
        null,
        null,
        318,
      ],
      [
        'on_time_share',
        'transactional',
        'share',
        [0.91, 0.9, 0.93, 0.88, 0.87, 0.842],
        0.9,
        'amber',
        290,
      ],
      [
        'retention',
        'transactional',
        'share',
        [0.78, 0.8, 0.77, 0.79, 0.76, null],
        null,
        null,
        null,
      ],
      [
        'cases.ack_minutes',
        'operational',
        'minutes',
        [45, 52.5, 61, 88, 130, 212.75],
        120,
        'red',
        57,
      ],
      [
        'cases.resolve_minutes',
        'operational',
        'minutes',
        [610, 702, 655, 840, 905.5, 1210],
        960,
        'red',
        49,
      ],
      [
        'cases.sla_breach_share',
        'operational',
        'share',
        [0.05, 0.08, 0.06, 0.12, 0.15, 0.21],
        0.1,
        'red',
        49,
      ],
      ['cases.backlog', 'operational', 'count', [12, 15, 11, 19, 24, 31], null, null, null],
      [
        'calls.avg_wait_seconds',
        'operational',
        'seconds',
        [38, 41, 40.5, 55, 62, 71.2],
        60,
        'red',
        1430,
      ],
    ]),
    onTimeDelivery,
    ...fromRows([['enps', 'employee', 'points', [null, 10, null, 4, null, -6], 0, 'red', 14]]),
  ]),
};

const checkout: ScorecardStageOut = {
  key: 'checkout',
  nameRu: 'Оформление заказа',
  nameEn: 'Checkout',
  layers: layers(
    fromRows([
      ['nps', 'satisfaction', 'points', [44, 46, 45.5, 48, 47, 51], 40, 'green', 305],
      ['csat', 'satisfaction', 'percent', [88, 89, 90.5, 91, 90, 92.3], 85, 'green', 260],
      [
        'revenue',
        'transactional',
        'money',
        [2100000, 2250500, 2199999.99, 2380000, 2410120, 2502330.1],
        null,
        null,
        540,
      ],
      [
        'calls.answered_share',
        'operational',
        'share',
        [0.95, 0.96, 0.94, 0.97, 0.96, 0.972],
        0.95,
        'green',
        2200,
      ],
      [
        'calls.callback_within_target_share',
        'operational',
        'share',
        [0.8, 0.82, null, 0.85, 0.79, 0.81],
        0.85,
        'amber',
        120,
      ],
    ]),
  ),
};

/** A stage with nothing measured yet: every layer empty. */
const returns: ScorecardStageOut = {
  key: 'returns',
  nameRu: 'Возвраты',
  nameEn: 'Returns',
  layers: layers([]),
};

export const scorecard: ScorecardOut = {
  period: 'month',
  from: '2026-01-01',
  to: '2026-07-01',
  timeZone: 'Europe/Moscow',
  amberBand: 0.1,
  periods: PERIODS,
  segment: null,
  stages: [checkout, delivery, returns],
};

/** `stages` × `metrics` metrics each, spread over the four layers, for the page-break test. */
export function largeScorecard(stages: number, metrics: number): ScorecardOut {
  const kinds: ScorecardLayer[] = ['satisfaction', 'transactional', 'operational', 'employee'];
  return {
    ...scorecard,
    stages: Array.from({ length: stages }, (_, s) => ({
      key: `stage-${s}`,
      nameRu: `Этап № ${s + 1} — проверка переноса страниц`,
      nameEn: `Stage ${s + 1}`,
      layers: layers(
        Array.from({ length: metrics }, (_, m) => {
          // Shares are fractions: the same 0–96 numbers, divided by 100.
          const scale = m % 3 === 1 ? 100 : 1;
          return metric({
            metric: `kpi:k${m}`,
            layer: kinds[m % 4]!,
            name: `Показатель ${m + 1}`,
            nameEn: `Metric ${m + 1}`,
            unit: m % 3 === 0 ? 'money' : m % 3 === 1 ? 'share' : null,
            values: PERIODS.map((_, p) => (((s + 1) * (m + 3) * (p + 2)) % 97) / scale),
            target: 50 / scale,
            status: (['green', 'amber', 'red', null] as const)[(s + m) % 4]!,
          });
        }),
      ),
    })),
  };
}
