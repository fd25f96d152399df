// One stage of the arbiter report: revenue at risk and its method, the stage's clients and
// revenue, the key drivers (r, n, p, importance as a bar), the metrics furthest off target, three
// typical feedback texts, open cases, initiatives and the suggested action.
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../../shared/domain/vocabulary.ts';
import type { ArbiterStageOut, DriverOut } from '../../../shared/api/arbiter.ts';
import {
  CASE_STATUSES,
  PRIORITIES,
  type CaseStatus,
  type Language,
  type Priority,
} from '../../../shared/domain/vocabulary.ts';
import { t } from '../../i18n/catalogue.ts';
import {
  DASH,
  formatCount,
  formatInstantDay,
  formatMoney,
  formatNumber,
  formatP,
  formatShare,
} from './format.ts';
import { metricName, stageName } from '../../i18n/metric-names.ts';
import { metricTable } from './metric-table.ts';
import { sectionHeading, stageHeading, stageHeadingHeight } from './pdf-blocks.ts';
import { hbar } from './pdf-charts.ts';
import {
  COLORS,
  MARGIN,
  contentWidth,
  ensureSpace,
  paragraph,
  setFont,
  type Doc,
  type ReportOptions,
} from './pdf-doc.ts';
import { drawTable, type PdfCell, type PdfTable } from './pdf-table.ts';

/** Cases listed by name; the rest are counted. */
const CASES_LISTED = 5;
/** A feedback text longer than this is cut: the report shows what is typical, not everything. */
const EXAMPLE_CHARS = 600;

function driverTable(drivers: readonly DriverOut[], lang: Language): PdfTable {
  const columns = [
    { header: t(lang, 'reports.columns.metric'), width: 170 },
    { header: t(lang, 'reports.arbiter.columns.r'), width: 45, align: 'right' as const },
    { header: t(lang, 'reports.columns.n'), width: 35, align: 'right' as const },
    { header: t(lang, 'reports.arbiter.columns.p'), width: 55, align: 'right' as const },
    { header: t(lang, 'reports.arbiter.importance'), width: 140 },
    { header: '', width: 70 },
  ];
  const rows = drivers.map((d): PdfCell[] => {
    const ranked = d.status === 'ranked';
    const importance: PdfCell = {
      minHeight: 8,
      draw: (doc, box) => {
        if (d.importance === null) return;
        const barWidth = box.w - 36;
        hbar(
          doc,
          { x: box.x, y: box.y + box.h / 2 - 3.5, w: barWidth, h: 7 },
          d.importance,
          COLORS.accent,
        );
        setFont(doc, 'regular', 7.5);
        const text = formatShare(d.importance, lang, 0);
        const top = box.y + (box.h - doc.currentLineHeight()) / 2;
        doc.text(text, box.x + barWidth + 2, top, { width: 34, align: 'right', lineBreak: false });
      },
    };
    const note = ranked
      ? d.significant
        ? t(lang, 'reports.arbiter.significant')
        : ''
      : t(lang, 'reports.arbiter.notEnoughData');
    return [
      metricName(d, lang),
      d.r === null ? DASH : formatNumber(d.r, lang, 2, 2),
      formatCount(d.n, lang),
      formatP(d.p, lang),
      importance,
      note,
    ];
  });
  return { columns, rows };
}

function examples(doc: Doc, s: ArbiterStageOut, opts: ReportOptions, timeZone: string): void {
  const { lang } = opts;
  if (s.examples.length === 0) {
    paragraph(doc, t(lang, 'reports.arbiter.noExamples'), 'italic', 8, COLORS.muted);
    return;
  }
  for (const e of s.examples) {
    const text = e.text.length > EXAMPLE_CHARS ? `${e.text.slice(0, EXAMPLE_CHARS)}…` : e.text;
    const quoted = lang === 'ru' ? `«${text}»` : `“${text}”`;
    const meta = [e.ref, formatInstantDay(e.receivedAt, lang, timeZone)];
    if (e.score !== null) meta.push(`${t(lang, 'reports.arbiter.columns.score')}: ${e.score}`);
    if (e.topic) meta.push(e.topic);
    setFont(doc, 'italic', 8.5);
    const height = doc.heightOfString(quoted, { width: contentWidth(doc) - 12 }) + 14;
    ensureSpace(doc, height);
    const y = doc.y;
    doc.rect(MARGIN + 2, y, 1.5, height - 4).fill(COLORS.rule);
    setFont(doc, 'italic', 8.5);
    doc.text(quoted, MARGIN + 10, y, { width: contentWidth(doc) - 12 });
    setFont(doc, 'regular', 7.5, COLORS.muted);
    doc.text(meta.join(' · '), MARGIN + 10, doc.y + 1, { width: contentWidth(doc) - 12 });
    doc.x = MARGIN;
    doc.y += 5;
  }
}

// A status or priority this build does not know (added later) prints as it is, not as an error.
const isCaseStatus = (v: string): v is CaseStatus =>
  (CASE_STATUSES as readonly string[]).includes(v);
const isPriority = (v: string): v is Priority => (PRIORITIES as readonly string[]).includes(v);

function openCases(doc: Doc, s: ArbiterStageOut, opts: ReportOptions, timeZone: string): void {
  const { lang } = opts;
  for (const c of s.openCases.slice(0, CASES_LISTED)) {
    const status = isCaseStatus(c.status)
      ? t(lang, `reports.arbiter.caseStatuses.${c.status}`)
      : c.status;
    const parts = [formatInstantDay(c.openedAt, lang, timeZone), c.clientName ?? DASH, status];
    if (c.priority) {
      parts.push(
        isPriority(c.priority) ? t(lang, `reports.arbiter.priorities.${c.priority}`) : c.priority,
      );
    }
    if (c.dueAt) {
      parts.push(t(lang, 'reports.arbiter.due', { at: formatInstantDay(c.dueAt, lang, timeZone) }));
    }
    paragraph(doc, `•  ${parts.join(' · ')}`, 'regular', 8, COLORS.text, 1);
  }
  const more = s.openCasesTotal - Math.min(s.openCases.length, CASES_LISTED);
  if (more > 0) {
    paragraph(
      doc,
      t(lang, 'reports.arbiter.moreCases', { count: more }),
      'regular',
      8,
      COLORS.muted,
    );
  }
}

function suggestion(doc: Doc, s: ArbiterStageOut, lang: Language): void {
  if (!s.suggestion) {
    paragraph(doc, t(lang, 'reports.arbiter.noSuggestion'), 'italic', 8, COLORS.muted);
    return;
  }
  const text = lang === 'en' ? s.suggestion.textEn : s.suggestion.textRu;
  const width = contentWidth(doc) - 16;
  setFont(doc, 'bold', 9);
  const height = doc.heightOfString(text, { width }) + 10;
  ensureSpace(doc, height);
  const y = doc.y;
  doc.rect(MARGIN, y, contentWidth(doc), height).fill(COLORS.band);
  doc.rect(MARGIN, y, 3, height).fill(COLORS.risk);
  setFont(doc, 'bold', 9);
  doc.text(text, MARGIN + 10, y + 5, { width });
  doc.x = MARGIN;
  doc.y = y + height + 4;
}

/** Ensures room for a section's heading and a first line, then draws the heading. */
function section(doc: Doc, title: string, repeat: () => void): void {
  ensureSpace(doc, 40, repeat);
  sectionHeading(doc, title);
}

export function drawArbiterStage(
  doc: Doc,
  s: ArbiterStageOut,
  opts: ReportOptions,
  timeZone: string,
): void {
  const { lang, currency } = opts;
  const name = `${s.rank}. ${stageName(s, lang)}`;
  const continued = t(lang, 'reports.continued', { stage: name });
  const repeat = () => stageHeading(doc, continued);
  ensureSpace(doc, stageHeadingHeight(doc, name) + 90);
  stageHeading(doc, name);
  const method = t(lang, `reports.arbiter.methods.${s.riskMethod}`);
  const amount = formatMoney(s.revenueAtRisk, lang, currency);
  paragraph(doc, t(lang, 'reports.arbiter.atRisk', { amount, method }), 'bold', 10, COLORS.risk);
  const facts = t(lang, 'reports.arbiter.facts', {
    clients: formatCount(s.clients, lang),
    revenue: formatMoney(s.revenue, lang, currency),
    detractors: formatShare(s.detractorShare, lang),
  });
  paragraph(doc, facts, 'regular', 8.5, COLORS.muted, 6);

  const sections: [string, () => void][] = [
    [
      t(lang, 'reports.arbiter.drivers'),
      () =>
        s.drivers.length
          ? drawTable(doc, driverTable(s.drivers, lang), repeat)
          : paragraph(doc, t(lang, 'reports.arbiter.noDrivers'), 'italic', 8, COLORS.muted),
    ],
    [
      t(lang, 'reports.arbiter.metrics'),
      () =>
        s.metrics.length
          ? drawTable(doc, metricTable(s.metrics, lang, currency), repeat)
          : paragraph(doc, t(lang, 'reports.scorecard.noMetrics'), 'italic', 8, COLORS.muted),
    ],
    [t(lang, 'reports.arbiter.examples'), () => examples(doc, s, opts, timeZone)],
    [
      t(lang, 'reports.arbiter.openCases', { count: formatCount(s.openCasesTotal, lang) }),
      () => openCases(doc, s, opts, timeZone),
    ],
    [
      t(lang, 'reports.arbiter.initiatives'),
      () => {
        if (s.initiatives.length === 0) {
          paragraph(doc, t(lang, 'reports.arbiter.noInitiatives'), 'italic', 8, COLORS.muted);
        }
        for (const i of s.initiatives) {
          const status = INITIATIVE_STATUSES.includes(i.status as InitiativeStatus)
            ? t(lang, `reports.arbiter.initiativeStatus.${i.status as InitiativeStatus}`)
            : i.status;
          paragraph(doc, `•  ${i.title} (${status})`, 'regular', 8);
        }
      },
    ],
    [t(lang, 'reports.arbiter.suggestion'), () => suggestion(doc, s, lang)],
  ];
  for (const [title, draw] of sections) {
    section(doc, title, repeat);
    draw();
    doc.y += 6;
  }
  doc.y += 8;
}
