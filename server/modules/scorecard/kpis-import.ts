// The `kpis` import target (registered with the imports module from index.ts): process KPI
// values from a CSV/XLSX file — Показатель, Этап, Период (Месяц), Значение, Цель — upserted per
// KPI, stage and month in the import's one transaction. The KPI is named by its key or name and
// the stage by its key or name; both must exist (a row error otherwise, shown by the rehearsal).
import { KPI_FIELDS, MAX_REPORTED_ERRORS, type RowError } from '../../../shared/api/imports.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import type { Ctx } from '../../context.ts';
import type { KpisTable } from '../../db/types.ts';
import { parseAmount } from '../../lib/tabular/amounts.ts';
import { convertEachRow, type ImportTarget, type TargetOutcome } from '../imports/index.ts';
import { listStageTargets } from '../stages/index.ts';
import * as repo from './scorecard.repo.ts';
import { writeKpiValues } from './kpis.service.ts';

export interface KpiRow {
  kpi: string;
  stage: string;
  period: string;
  value: number;
  target?: number;
}

const RU_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const EN_MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A month cell → YYYY-MM: 2026-03, 2026-03-01, 03.2026, 01.03.2026, «март 2026», «Mar 2026»;
 * undefined for anything else.
 */
export function parseMonth(text: string): string | undefined {
  const s = text.trim().toLowerCase().replace(/ё/g, 'е');
  const ok = (y: number, m: number) =>
    y >= 1900 && y <= 2999 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : undefined;
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  if (m) return ok(+m[1]!, +m[2]!);
  m = /^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return ok(+m[3]!, +m[2]!);
  m = /^([a-zа-я]+)\.?\s+(\d{4})(?:\s*г\.?)?$/.exec(s);
  if (m) {
    const word = m[1]!;
    // «май» and «мая» before «март»: «ма» alone is May.
    const ru =
      word === 'май' || word === 'мая'
        ? 4
        : RU_MONTHS.findIndex((p, i) => i !== 4 && word.startsWith(p));
    const en = EN_MONTHS.findIndex((p) => word.startsWith(p));
    const index = ru >= 0 ? ru : en;
    if (index >= 0) return ok(+m[2]!, index + 1);
  }
  return undefined;
}

const KPI_SYNONYMS = {
  kpi: ['показатель', 'kpi', 'метрика', 'код показателя', 'indicator', 'metric'],
  stage: ['этап', 'этап пути', 'stage'],
  period: ['период', 'месяц', 'period', 'month'],
  value: ['значение', 'факт', 'value', 'actual'],
  target: ['цель', 'план', 'целевое значение', 'target', 'goal'],
};

export const kpisTarget: ImportTarget<KpiRow> = {
  name: 'kpis',
  fields: KPI_FIELDS,
  synonyms: KPI_SYNONYMS,
  required: [['kpi'], ['stage'], ['period'], ['value']],
  amountFields: ['value', 'target'],
  rehearse: true,
  convert(table, mapping, opts) {
    const firstRowOf = new Map<string, number>();
    return convertEachRow(
      table,
      mapping,
      KPI_FIELDS,
      (cell, fail, row) => {
        const number = (f: 'value' | 'target') => {
          const text = cell(f)?.replace(/%$/, '').trim();
          if (text === undefined || text === '') return undefined;
          const read = parseAmount(text, opts.decimalSeparator);
          if (!read.ok) return void fail(f, read.code, `${f}: ${read.reason}`);
          return read.value;
        };
        for (const f of ['kpi', 'stage', 'period', 'value'] as const)
          if (cell(f) === undefined) fail(f, 'required', `${f} is empty`);
        const periodCell = cell('period');
        const period = periodCell === undefined ? undefined : parseMonth(periodCell);
        if (periodCell !== undefined && !period)
          fail('period', 'invalid_period', `period: "${periodCell.slice(0, 40)}" is not a month`);
        const value = number('value');
        const target = number('target');
        const kpi = cell('kpi');
        const stage = cell('stage');
        if (!kpi || !stage || !period || value === undefined) return undefined;
        const key = JSON.stringify([foldForSearch(kpi), stage, period]);
        const earlier = firstRowOf.get(key);
        if (earlier !== undefined)
          return void fail(
            'period',
            'duplicate_row',
            `The same KPI, stage and month as row ${earlier}`,
          );
        firstRowOf.set(key, row);
        return { kpi, stage, period, value, ...(target === undefined ? {} : { target }) };
      },
      MAX_REPORTED_ERRORS,
    );
  },
  async commit(tx, rows, opts) {
    const outcome: TargetOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
    const refuse = (row: number, field: 'kpi' | 'stage', value: string, message: string) => {
      if (outcome.errors.length < MAX_REPORTED_ERRORS)
        outcome.errors.push({
          row,
          column: opts.mapping[field] ?? null,
          value: value.slice(0, 200),
          code: field === 'kpi' ? 'unknown_kpi' : 'unknown_stage',
          message,
          field,
        } satisfies RowError);
    };
    const findKpi = await kpiFinder(tx);
    const findStage = await stageFinder(tx);
    const byKpi = new Map<
      KpisTable,
      { stage: string; period: string; value: number; target?: number }[]
    >();
    for (const { row, input } of rows) {
      const kpi = findKpi(input.kpi);
      const stage = findStage(input.stage);
      if (!kpi)
        refuse(row, 'kpi', input.kpi, `No KPI «${input.kpi}»; define it on the KPI page first`);
      if (!stage)
        refuse(row, 'stage', input.stage, `No stage «${input.stage}» in this organisation`);
      if (!kpi || !stage) continue;
      const list = byKpi.get(kpi) ?? [];
      list.push({ stage, period: input.period, value: input.value, target: input.target });
      byKpi.set(kpi, list);
    }
    if (outcome.errors.length) return outcome;
    for (const [kpi, values] of byKpi) {
      const months = values.map((v) => v.period).sort();
      const before = await repo.listValues(tx.db, tx.orgId, {
        kpiId: kpi.id,
        from: months[0],
        to: `${months.at(-1)!}~`,
      });
      const existing = new Map(before.map((v) => [`${v.stage}\u0000${v.period}`, v]));
      for (const v of values) {
        const old = existing.get(`${v.stage}\u0000${v.period}`);
        if (!old) outcome.created += 1;
        else if (
          Number(old.value) === v.value &&
          (old.target === null ? undefined : Number(old.target)) === v.target
        )
          outcome.duplicates += 1;
        else outcome.updated += 1;
      }
      await writeKpiValues(tx, kpi, values, 'rows');
    }
    return outcome;
  },
};

/** A KPI by its key, else its name or English name (folded). */
async function kpiFinder(tx: Ctx) {
  const kpis = await repo.listKpis(tx.db, tx.orgId);
  const byName = new Map<string, KpisTable>();
  for (const k of kpis) {
    for (const n of [k.name_en, k.name]) if (n) byName.set(foldForSearch(n), k);
  }
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  return (text: string) => byKey.get(text) ?? byName.get(foldForSearch(text));
}

/** A stage's key by its key, else its Russian or English name (folded). */
async function stageFinder(tx: Ctx) {
  const stages = await listStageTargets(tx);
  const byName = new Map<string, string>();
  for (const s of stages) for (const n of [s.nameEn, s.nameRu]) byName.set(foldForSearch(n), s.key);
  const keys = new Set(stages.map((s) => s.key));
  return (text: string) => (keys.has(text) ? text : byName.get(foldForSearch(text)));
}
