// An arbiter report written by hand over the scorecard fixture's stages: delivery first (churn
// history), checkout second, a stage whose name starts with '=' (a formula lookalike the XLSX
// must keep as text) third with the detractor-share fallback and no evidence at all.
import type { ArbiterOut, DriverOut } from '../../../shared/api/arbiter.ts';
import { metric, onTimeDelivery, scorecard } from './reports.fixtures.ts';

function driver(spec: Partial<DriverOut> & Pick<DriverOut, 'metric' | 'layer'>): DriverOut {
  return {
    name: null,
    nameEn: null,
    r: null,
    n: 12,
    p: null,
    importance: null,
    status: 'ranked',
    significant: false,
    ...spec,
  };
}

const deliveryStage = scorecard.stages.find((s) => s.key === 'delivery')!;
const worst = [
  deliveryStage.layers.operational.find((m) => m.metric === 'cases.ack_minutes')!,
  onTimeDelivery,
  deliveryStage.layers.satisfaction.find((m) => m.metric === 'nps')!,
];

export const arbiter: ArbiterOut = {
  from: '2026-06-01',
  to: '2026-07-01',
  computedAt: '2026-07-02T06:00:00.000Z',
  churnByGroup: { promoter: 0.05, passive: 0.12, detractor: 0.31, none: 0.18 },
  stages: [
    {
      stage: 'delivery',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
      rank: 1,
      revenueAtRisk: 1_284_530.75,
      riskMethod: 'churn_history',
      clients: 318,
      revenue: 4_903_412.35,
      detractorShare: 0.287,
      drivers: [
        driver({
          metric: 'kpi:on_time_delivery',
          layer: 'operational',
          name: 'Доставка вовремя',
          nameEn: 'On-time delivery',
          r: 0.81,
          n: 18,
          p: 0.00004,
          importance: 0.46,
          significant: true,
        }),
        driver({
          metric: 'cases.ack_minutes',
          layer: 'operational',
          r: -0.64,
          n: 18,
          p: 0.0042,
          importance: 0.31,
          significant: true,
        }),
        driver({ metric: 'enps', layer: 'employee', r: 0.35, n: 11, p: 0.29, importance: 0.23 }),
        driver({
          metric: 'calls.avg_wait_seconds',
          layer: 'operational',
          n: 5,
          status: 'not_enough_data',
        }),
      ],
      metrics: worst,
      examples: [
        {
          feedbackId: 'f1',
          ref: 'CL-10421',
          text: 'Курьер опоздал на два часа и не позвонил, заказ пришёл помятым.',
          score: 3,
          receivedAt: '2026-06-14T08:12:00Z',
          topic: 'Сроки доставки',
        },
        {
          feedbackId: 'f2',
          ref: 'CL-10477',
          text: 'Доставку переносили трижды, в поддержке отвечали только на следующий день. '
            .repeat(4)
            .trim(),
          score: 2,
          receivedAt: '2026-06-19T15:40:00Z',
          topic: 'Сроки доставки',
        },
        {
          feedbackId: 'f3',
          ref: 'CL-10502',
          text: 'Окно доставки «с 9 до 18» — это неудобно, хочется точного времени.',
          score: 5,
          receivedAt: '2026-06-27T11:05:00Z',
          topic: null,
        },
      ],
      openCases: [
        {
          id: 'c1',
          status: 'in_progress',
          priority: 'high',
          openedAt: '2026-06-20T07:00:00Z',
          dueAt: '2026-06-22T15:00:00Z',
          clientName: 'ООО «Северный ветер»',
        },
        {
          id: 'c2',
          status: 'new',
          priority: 'urgent',
          openedAt: '2026-06-29T10:30:00Z',
          dueAt: null,
          clientName: 'ИП Петров А. В.',
        },
        {
          id: 'c3',
          status: 'waiting_client',
          priority: null,
          openedAt: '2026-06-30T12:00:00Z',
          dueAt: '2026-07-03T12:00:00Z',
          clientName: null,
        },
      ],
      openCasesTotal: 17,
      initiatives: [{ id: 'i1', title: 'Точное окно доставки (2 часа)', status: 'in_progress' }],
      suggestion: {
        ruleId: 'r1',
        metric: 'kpi:on_time_delivery',
        textRu:
          'Главный фактор — доставка вовремя: разберите опоздания по перевозчикам и введите штрафы за срыв окна.',
        textEn:
          'The top driver is on-time delivery: review late deliveries by carrier and add penalties for missed windows.',
      },
    },
    {
      stage: 'checkout',
      nameRu: 'Оформление заказа',
      nameEn: 'Checkout',
      rank: 2,
      revenueAtRisk: 312_004.1,
      riskMethod: 'churn_history',
      clients: 540,
      revenue: 2_502_330.1,
      detractorShare: 0.094,
      drivers: [
        driver({
          metric: 'calls.answered_share',
          layer: 'operational',
          r: 0.22,
          n: 18,
          p: 0.38,
          importance: 1,
        }),
      ],
      metrics: [
        metric({
          metric: 'calls.callback_within_target_share',
          layer: 'operational',
          unit: 'share',
          values: [0.85, 0.79, 0.81],
          target: 0.85,
          status: 'amber',
          n: 120,
        }),
      ],
      examples: [
        {
          feedbackId: 'f4',
          ref: 'CL-10390',
          text: 'Промокод не применился с первого раза.',
          score: 6,
          receivedAt: '2026-06-03T09:00:00Z',
          topic: 'Оплата',
        },
      ],
      openCases: [],
      openCasesTotal: 0,
      initiatives: [],
      suggestion: null,
    },
    {
      stage: 'formula',
      nameRu: '=HYPERLINK("http://x")',
      nameEn: '=HYPERLINK("http://x")',
      rank: 3,
      revenueAtRisk: 0,
      riskMethod: 'detractor_share',
      clients: 0,
      revenue: 0,
      detractorShare: null,
      drivers: [],
      metrics: [],
      examples: [],
      openCases: [],
      openCasesTotal: 0,
      initiatives: [],
      suggestion: null,
    },
  ],
};
