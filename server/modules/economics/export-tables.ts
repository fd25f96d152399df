// The economics reports as tables for export (server/lib/tabular/write-table.ts): the profit
// formula of windows A and B with the change, the NPS groups with their 95 % intervals, and a
// client's transactions. Same figures and words as the pages (web/pages/economics).
import { ratio } from './figures.ts';
import type {
  BySatisfactionOut,
  FiguresOut,
  LeversOut,
} from '../../../shared/api/economics-figures.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import type { TransactionsTable } from '../../db/types.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Cell, Table, TypedNumber } from '../../lib/tabular/write-table.ts';
import { fromMinorUnits } from './transaction-values.ts';

type NumberType = TypedNumber['type'];
const DAY = 86_400_000;
const lastDay = (to: string) =>
  new Date(Date.parse(`${to}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

/** One window's figures for the formula: the summary, plus the 12 months ending with it (LTV). */
export interface FormulaWindow {
  from: string;
  to: string;
  figures: FiguresOut;
  lastYear: FiguresOut;
}

const FORMULA_ROWS: ReadonlyArray<
  readonly [string, NumberType, (w: FormulaWindow) => number | null]
> = [
  ['revenue', 'money', (w) => w.figures.revenue],
  ['payingClients', 'integer', (w) => w.figures.payingClients],
  ['q', 'decimal', (w) => w.figures.q],
  ['appn', 'money', (w) => w.figures.appn],
  ['margin', 'money', (w) => w.figures.margin],
  ['marginRate', 'percent', (w) => ratio(w.figures.margin, w.figures.revenue)],
  ['costCoverage', 'percent', (w) => w.figures.costCoverage],
  [
    'spend',
    'money',
    (w) => (w.figures.profit === null ? null : round2(w.figures.margin - w.figures.profit)),
  ],
  ['profit', 'money', (w) => w.figures.profit],
  ['newClients', 'integer', (w) => w.figures.newClients],
  ['cac', 'money', (w) => w.figures.cac],
  ['ltv', 'money', ltvOf],
  [
    'ltvToCac',
    'decimal',
    (w) => {
      const ltv = ltvOf(w);
      return ltv !== null && w.figures.cac ? ltv / w.figures.cac : null;
    },
  ],
];

function round2(v: number) {
  return Math.round(v * 100) / 100;
}
function ltvOf(w: FormulaWindow): number | null {
  const v = ratio(w.lastYear.margin, w.lastYear.payingClients);
  return v === null ? null : round2(v);
}

/**
 * Figures of A and B with the change, then the levers' contributions (LMDI, in the change column)
 * when the split is defined. `appnLabel` is the organisation's word for APPN, if it has one.
 */
export function formulaTable(
  lang: Language,
  a: FormulaWindow,
  b: FormulaWindow,
  levers: LeversOut,
  appnLabel: string | null,
): Table {
  const w = (key: 'a' | 'b', x: FormulaWindow) =>
    t(lang, `exports.formula.${key}`, { from: x.from, to: lastDay(x.to) });
  const label = (key: string) =>
    key === 'appn' && appnLabel
      ? appnLabel
      : t(lang, `exports.formula.${key}` as 'exports.formula.q');
  const rows: Cell[][] = FORMULA_ROWS.map(([key, type, value]) => {
    const [va, vb] = [value(a), value(b)];
    const change = va === null || vb === null ? null : type === 'money' ? round2(vb - va) : vb - va;
    const typed = (v: number | null): Cell => ({ value: v, type });
    return [label(key), typed(va), typed(vb), typed(change)];
  });
  const c = levers.contributions;
  if (c)
    for (const key of ['payingClients', 'q', 'appn'] as const)
      rows.push([
        t(lang, 'exports.formula.contribution', { lever: label(key) }),
        null,
        null,
        { value: c[key], type: 'money' },
      ]);
  return {
    name: t(lang, 'exports.formula.sheet'),
    columns: [
      { header: t(lang, 'exports.formula.figure'), type: 'text' },
      { header: w('a', a), type: 'decimal' },
      { header: w('b', b), type: 'decimal' },
      { header: t(lang, 'exports.formula.change'), type: 'decimal' },
    ],
    rows,
  };
}

const GROUP_FIGURES = [
  ['revenuePerPayingClient', 'money'],
  ['onTimeShare', 'percent'],
  ['retention', 'percent'],
] as const;

export function satisfactionTable(lang: Language, out: BySatisfactionOut): Table {
  const name = (f: string) => t(lang, `exports.loyalty.${f}` as 'exports.loyalty.clients');
  const intervalColumns = (f: string, type: NumberType) => [
    { header: name(f), type },
    { header: t(lang, 'exports.loyalty.low', { figure: name(f) }), type },
    { header: t(lang, 'exports.loyalty.high', { figure: name(f) }), type },
  ];
  const rows: Cell[][] = out.groups.map((g) => [
    t(lang, `exports.loyalty.groups.${g.group}`),
    g.clients,
    g.payingClients,
    g.dueSales,
    ...GROUP_FIGURES.flatMap(([f]) => [
      g[f],
      g[`${f}Interval`]?.[0] ?? null,
      g[`${f}Interval`]?.[1] ?? null,
    ]),
  ]);
  // The promoter − detractor line: differences only, no counts.
  rows.push([
    t(lang, 'exports.loyalty.difference'),
    null,
    null,
    null,
    ...GROUP_FIGURES.flatMap(([f]) => {
      const d = out.differences[f];
      return [d.value, d.interval?.[0] ?? null, d.interval?.[1] ?? null];
    }),
  ]);
  return {
    name: t(lang, 'exports.loyalty.sheet'),
    columns: [
      { header: t(lang, 'exports.loyalty.group'), type: 'text' },
      { header: name('clients'), type: 'integer' },
      { header: name('payingClients'), type: 'integer' },
      { header: name('dueSales'), type: 'integer' },
      ...GROUP_FIGURES.flatMap(([f, type]) => intervalColumns(f, type)),
    ],
    rows,
  };
}

/** Days a sale was paid late, or is overdue as of `today`; null when on time or not due yet. */
export function daysLate(tx: TransactionsTable, today: string): number | null {
  if (tx.kind !== 'sale' || !tx.due_date) return null;
  const end = tx.paid_at ?? today;
  const days = Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${tx.due_date}T00:00:00Z`)) / DAY,
  );
  return days > 0 ? days : null;
}

export function transactionsTable(
  lang: Language,
  items: readonly TransactionsTable[],
  today: string,
): Table {
  const h = (k: string) => t(lang, `exports.transactions.${k}` as 'exports.transactions.date');
  // A refund lowers revenue, so it is written negative, as the pages show it.
  const signed = (tx: TransactionsTable, minor: number | null) =>
    minor === null ? null : fromMinorUnits(tx.kind === 'refund' ? -minor : minor);
  return {
    name: h('sheet'),
    columns: [
      { header: h('date'), type: 'date' },
      { header: h('document'), type: 'text' },
      { header: h('kind'), type: 'text' },
      { header: h('amount'), type: 'money' },
      { header: h('cost'), type: 'money' },
      { header: h('product'), type: 'text' },
      { header: h('stage'), type: 'text' },
      { header: h('dueDate'), type: 'date' },
      { header: h('paidAt'), type: 'date' },
      { header: h('daysLate'), type: 'integer' },
    ],
    rows: items.map((tx) => [
      tx.date,
      tx.external_id,
      t(lang, `exports.transactions.kinds.${tx.kind}`),
      signed(tx, tx.amount_minor),
      signed(tx, tx.cost_minor),
      tx.product,
      tx.stage,
      tx.due_date,
      tx.paid_at,
      daysLate(tx, today),
    ]),
  };
}
