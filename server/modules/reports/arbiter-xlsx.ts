// The arbiter report as an XLSX workbook: the stages in rank order (revenue at risk, method,
// clients, revenue, detractor share, suggested action), every stage's drivers, and the feedback
// texts quoted as examples. Numbers stay numbers; text goes through write-table, which keeps
// formula lookalikes as plain strings.
import type { ArbiterOut, ArbiterStageOut } from '../../../shared/api/arbiter.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { t } from '../../i18n/catalogue.ts';
import { writeXlsxBook, type Table } from '../../lib/tabular/write-table.ts';
import { instantDay } from './format.ts';
import { metricName, stageName } from '../../i18n/metric-names.ts';
import type { ReportOptions } from './pdf-doc.ts';

const byRank = (data: ArbiterOut) => [...data.stages].sort((a, b) => a.rank - b.rank);

function stagesTable(stages: readonly ArbiterStageOut[], lang: Language): Table {
  const c = (key: 'revenueAtRisk' | 'method' | 'clients' | 'revenue' | 'detractorShare') =>
    t(lang, `reports.arbiter.columns.${key}`);
  return {
    name: t(lang, 'reports.arbiter.sheets.stages'),
    columns: [
      { header: t(lang, 'reports.arbiter.rank'), type: 'integer' },
      { header: t(lang, 'reports.columns.stage'), type: 'text' },
      { header: c('revenueAtRisk'), type: 'money' },
      { header: c('method'), type: 'text' },
      { header: c('clients'), type: 'integer' },
      { header: c('revenue'), type: 'money' },
      { header: c('detractorShare'), type: 'percent' },
      { header: t(lang, 'reports.arbiter.columns.suggestion'), type: 'text' },
    ],
    rows: stages.map((s) => [
      s.rank,
      stageName(s, lang),
      s.revenueAtRisk,
      t(lang, `reports.arbiter.methods.${s.riskMethod}`),
      s.clients,
      s.revenue,
      s.detractorShare,
      s.suggestion ? (lang === 'en' ? s.suggestion.textEn : s.suggestion.textRu) : null,
    ]),
  };
}

function driversTable(stages: readonly ArbiterStageOut[], lang: Language): Table {
  return {
    name: t(lang, 'reports.arbiter.sheets.drivers'),
    columns: [
      { header: t(lang, 'reports.columns.stage'), type: 'text' },
      { header: t(lang, 'reports.columns.metric'), type: 'text' },
      { header: t(lang, 'reports.arbiter.columns.layer'), type: 'text' },
      { header: t(lang, 'reports.arbiter.columns.r'), type: 'number' },
      { header: t(lang, 'reports.columns.n'), type: 'integer' },
      { header: t(lang, 'reports.arbiter.columns.p'), type: 'number' },
      { header: t(lang, 'reports.arbiter.importance'), type: 'percent' },
      { header: t(lang, 'reports.arbiter.columns.significant'), type: 'text' },
      { header: t(lang, 'reports.columns.status'), type: 'text' },
    ],
    rows: stages.flatMap((s) =>
      s.drivers.map((d) => [
        stageName(s, lang),
        metricName(d, lang),
        t(lang, `reports.layers.${d.layer}`),
        d.r,
        d.n,
        d.p,
        d.importance,
        t(lang, d.significant ? 'reports.yes' : 'reports.no'),
        d.status === 'ranked' ? null : t(lang, 'reports.arbiter.notEnoughData'),
      ]),
    ),
  };
}

function examplesTable(stages: readonly ArbiterStageOut[], lang: Language, timeZone: string) {
  const c = (key: 'ref' | 'date' | 'score' | 'topic' | 'text') =>
    t(lang, `reports.arbiter.columns.${key}`);
  const table: Table = {
    name: t(lang, 'reports.arbiter.sheets.examples'),
    columns: [
      { header: t(lang, 'reports.columns.stage'), type: 'text' },
      { header: c('ref'), type: 'text' },
      { header: c('date'), type: 'date' },
      { header: c('score'), type: 'decimal' },
      { header: c('topic'), type: 'text' },
      { header: c('text'), type: 'text' },
    ],
    rows: stages.flatMap((s) =>
      s.examples.map((e) => [
        stageName(s, lang),
        e.ref,
        // The day in the organisation's zone, as YYYY-MM-DD: write-table makes it a date cell.
        instantDay(e.receivedAt, timeZone),
        e.score,
        e.topic,
        e.text,
      ]),
    ),
  };
  return table;
}

export function arbiterTables(data: ArbiterOut, lang: Language, timeZone = 'UTC'): Table[] {
  const stages = byRank(data);
  return [
    stagesTable(stages, lang),
    driversTable(stages, lang),
    examplesTable(stages, lang, timeZone),
  ];
}

export function renderArbiterXlsx(data: ArbiterOut, opts: ReportOptions): Promise<Buffer> {
  return writeXlsxBook(arbiterTables(data, opts.lang, opts.timeZone));
}
