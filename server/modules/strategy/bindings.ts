// The registry of live metrics a strategy KPI can follow (docs/strategy.md). Each entry names the
// endpoint whose figure it shows and reads it through the owning module's service, with the same
// query that endpoint would get for the KPI's window — nothing is recomputed here.
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import type { BindingParams, KPI_UNAVAILABLE, WindowOut } from '../../../shared/api/strategy.ts';
import { economicsSummary } from '../economics/index.ts';
import { getSatisfactionReport, presentReport } from '../metrics/index.ts';
import { getPortfolio } from '../portfolio/index.ts';
import { employeeScorecard } from '../pulse/index.ts';
import { getScorecard } from '../scorecard/index.ts';

type Unavailable = (typeof KPI_UNAVAILABLE)[number];
export interface Reading {
  value: number | null;
  unavailable: Unavailable | null;
}
type ParamName = 'stage' | 'window' | 'metric' | 'attractiveness' | 'relationship';

export interface Binding {
  key: string;
  labelRu: string;
  labelEn: string;
  unit: string;
  direction: 'up' | 'down';
  params: { name: ParamName; required: boolean }[];
  source: string;
  /** Without a window the metric is of now (the portfolio's stored scores). */
  windowed: boolean;
  read: (ctx: Ctx, p: BindingParams, w: WindowOut | null) => Promise<Reading>;
}

const got = (value: number | null | undefined): Reading =>
  value === null || value === undefined
    ? { value: null, unavailable: 'no_data' }
    : { value, unavailable: null };
const W = { name: 'window', required: false } as const;

function satisfaction(metric: 'nps' | 'csat' | 'ces', ru: string, en: string): Binding {
  return {
    key: `satisfaction.${metric}`,
    labelRu: ru,
    labelEn: en,
    unit: metric === 'nps' ? 'points' : metric === 'csat' ? 'percent' : 'score',
    direction: metric === 'ces' ? 'down' : 'up',
    params: [{ name: 'stage', required: false }, W],
    source: `GET /api/v1/metrics/satisfaction?metric=${metric}&stage&from&to`,
    windowed: true,
    read: async (ctx, p, w) => {
      const q = { metric, from: w!.from, to: w!.to, stage: p.stage };
      const report = presentReport(await getSatisfactionReport(ctx, q));
      return got(report.groups[0]?.value);
    },
  };
}

type MoneyField = 'revenue' | 'margin' | 'onTimeShare' | 'payingClients' | 'arppu';
function economics(field: MoneyField, unit: string, ru: string, en: string): Binding {
  return {
    key: `economics.${field}`,
    labelRu: ru,
    labelEn: en,
    unit,
    direction: 'up',
    params: [W],
    source: `GET /api/v1/economics/summary?period&from&to → ${field}`,
    windowed: true,
    read: async (ctx, _p, w) => {
      const q = { period: w!.period, from: w!.fromDate, to: w!.toDate };
      return got((await economicsSummary(ctx, q))[field]);
    },
  };
}

function scorecard(key: string, metric: string | null, ru: string, en: string): Binding {
  return {
    key,
    labelRu: ru,
    labelEn: en,
    unit: metric === 'retention' ? 'share' : 'as the metric',
    direction: 'up',
    params: [
      { name: 'stage', required: true },
      ...(metric ? [] : [{ name: 'metric' as const, required: true }]),
      W,
    ],
    source: `GET /api/v1/scorecard?stage&period&from&to → ${metric ?? '<metric>'}.value`,
    windowed: true,
    read: async (ctx, p, w) => {
      const q = { period: w!.period, from: w!.fromDate, to: w!.toDate, stage: p.stage };
      const card = await getScorecard(ctx, q);
      const layers = card.stages[0]?.layers;
      const all = layers ? Object.values(layers).flat() : [];
      return got(all.find((m) => m.metric === (metric ?? p.metric))?.value);
    },
  };
}

function portfolio(share: boolean): Binding {
  return {
    key: share ? 'portfolio.cell_share' : 'portfolio.cell_clients',
    labelRu: share ? 'Доля клиентов в ячейке портфеля' : 'Клиентов в ячейке портфеля',
    labelEn: share ? 'Share of clients in a portfolio cell' : 'Clients in a portfolio cell',
    unit: share ? 'share' : 'count',
    direction: 'up',
    params: [
      { name: 'attractiveness', required: true },
      { name: 'relationship', required: true },
    ],
    source: 'GET /api/v1/portfolio → cells[attractiveness, relationship].clients (/ total)',
    windowed: false,
    read: async (ctx, p) => {
      const { cells } = await getPortfolio(ctx, { limit: 1 });
      const cell = cells.find(
        (c) => c.attractiveness === p.attractiveness && c.relationship === p.relationship,
      );
      const total = cells.reduce((s, c) => s + c.clients, 0);
      if (!share) return got(cell?.clients ?? 0);
      return got(total === 0 ? null : Math.round(((cell?.clients ?? 0) / total) * 10_000) / 10_000);
    },
  };
}

const enps: Binding = {
  key: 'pulse.enps',
  labelRu: 'eNPS команды этапа',
  labelEn: "eNPS of a stage's team",
  unit: 'points',
  direction: 'up',
  params: [{ name: 'stage', required: true }, W],
  source: 'GET /api/v1/scorecard/employees?stage&period&from&to → enps',
  windowed: true,
  read: async (ctx, p, w) => {
    const q = { period: w!.period, from: w!.fromDate, to: w!.toDate, stage: p.stage };
    const cell = (await employeeScorecard(ctx, q)).items.find(
      (c) => c.stage === p.stage && c.period === w!.label,
    );
    if (cell?.hidden) return { value: null, unavailable: 'hidden' };
    return got(cell?.enps);
  },
};

export const BINDINGS: readonly Binding[] = [
  satisfaction('nps', 'NPS (этап или вся компания)', 'NPS (a stage or the whole company)'),
  satisfaction('csat', 'CSAT, % довольных', 'CSAT, % satisfied'),
  satisfaction('ces', 'CES, среднее усилие', 'CES, mean effort'),
  economics('revenue', 'money', 'Выручка', 'Revenue'),
  economics('margin', 'money', 'Маржа', 'Margin'),
  economics('onTimeShare', 'share', 'Доля оплат вовремя', 'On-time payment share'),
  economics('payingClients', 'count', 'Платящие клиенты', 'Paying clients'),
  economics('arppu', 'money', 'ARPPU', 'ARPPU'),
  scorecard(
    'scorecard.retention',
    'retention',
    'Удержание клиентов этапа',
    "Retention of a stage's clients",
  ),
  scorecard('scorecard.metric', null, 'Показатель карты этапа', 'A scorecard metric of a stage'),
  enps,
  portfolio(false),
  portfolio(true),
];

const byKey = new Map(BINDINGS.map((b) => [b.key, b]));

export const invalidBinding = (reason: string) =>
  new AppError('invalid_binding', `The binding is not valid: ${reason}`, {
    invalidParams: [{ name: 'body.binding', reason }],
  });

/** The registry entry of a binding with every required parameter, or 422 invalid_binding. */
export function bindingOf(metric: string, params: BindingParams): Binding {
  const b = byKey.get(metric);
  if (!b) throw invalidBinding(`unknown metric ${metric}`);
  for (const p of b.params)
    if (p.required && !params[p.name]) throw invalidBinding(`needs ${p.name}`);
  const allowed = new Set(b.params.map((p) => p.name));
  for (const name of Object.keys(params) as ParamName[])
    if (params[name] !== undefined && !allowed.has(name))
      throw invalidBinding(`${metric} takes no ${name}`);
  return b;
}

export function findBinding(metric: string): Binding | undefined {
  return byKey.get(metric);
}
