// The arbiter report as an A4 PDF: a title block (organisation, window, the churn probabilities
// the risk stands on), a horizontal bar chart of revenue at risk per stage, then each stage in
// rank order with its evidence and suggested action (arbiter-sections.ts).
import type { ArbiterOut } from '../../../shared/api/arbiter.ts';
import { t } from '../../i18n/catalogue.ts';
import { dayBefore, formatDateTime, formatDay, formatMoney, formatShare } from './format.ts';
import { drawArbiterStage } from './arbiter-sections.ts';
import { stageName } from '../../i18n/metric-names.ts';
import { sectionHeading } from './pdf-blocks.ts';
import { hbar } from './pdf-charts.ts';
import {
  COLORS,
  MARGIN,
  contentWidth,
  createDoc,
  ensureSpace,
  finishDoc,
  paragraph,
  setFont,
  titleBlock,
  type Doc,
  type ReportOptions,
} from './pdf-doc.ts';

const BAR_ROW = 15;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 110;

function headerLines(data: ArbiterOut, opts: ReportOptions, timeZone: string): string[] {
  const { lang } = opts;
  const lines = [
    t(lang, 'reports.arbiter.window', {
      from: formatDay(data.from, lang),
      to: formatDay(dayBefore(data.to), lang),
    }),
  ];
  const computed = new Date(data.computedAt);
  if (!Number.isNaN(computed.getTime())) {
    lines.push(
      t(lang, 'reports.arbiter.computed', { at: formatDateTime(computed, lang, timeZone) }),
    );
  }
  const churn = data.churnByGroup;
  lines.push(
    churn
      ? t(lang, 'reports.arbiter.churnByGroup', {
          promoter: formatShare(churn.promoter, lang),
          passive: formatShare(churn.passive, lang),
          detractor: formatShare(churn.detractor, lang),
          none: formatShare(churn.none, lang),
        })
      : t(lang, 'reports.arbiter.churnShort'),
  );
  lines.push(
    t(lang, 'reports.generated', { at: formatDateTime(opts.generatedAt, lang, timeZone) }),
  );
  return lines;
}

/** Revenue at risk per stage as horizontal bars, longest for the largest, in rank order. */
function riskChart(doc: Doc, data: ArbiterOut, opts: ReportOptions): void {
  const { lang, currency } = opts;
  const title = t(lang, 'reports.arbiter.chart');
  ensureSpace(doc, 40);
  sectionHeading(doc, title);
  const max = Math.max(0, ...data.stages.map((s) => s.revenueAtRisk));
  const barWidth = contentWidth(doc) - LABEL_WIDTH - VALUE_WIDTH - 8;
  for (const s of [...data.stages].sort((a, b) => a.rank - b.rank)) {
    ensureSpace(doc, BAR_ROW, () => sectionHeading(doc, title));
    const y = doc.y;
    setFont(doc, 'regular', 8);
    const top = y + (BAR_ROW - doc.currentLineHeight()) / 2;
    doc.text(`${s.rank}. ${stageName(s, lang)}`, MARGIN, top, {
      width: LABEL_WIDTH - 6,
      lineBreak: false,
      ellipsis: true,
    });
    const bar = { x: MARGIN + LABEL_WIDTH, y: y + 3, w: barWidth, h: BAR_ROW - 6 };
    hbar(doc, bar, max > 0 ? s.revenueAtRisk / max : 0, COLORS.risk, false);
    setFont(doc, 'regular', 8);
    doc.text(formatMoney(s.revenueAtRisk, lang, currency), bar.x + barWidth + 8, top, {
      width: VALUE_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.y = y + BAR_ROW;
  }
  doc.moveTo(MARGIN + LABEL_WIDTH, doc.y).lineTo(MARGIN + LABEL_WIDTH + barWidth, doc.y);
  doc.lineWidth(0.4).strokeColor(COLORS.rule).stroke();
  doc.x = MARGIN;
  doc.y += 14;
}

export async function renderArbiterPdf(data: ArbiterOut, opts: ReportOptions): Promise<Buffer> {
  const { lang } = opts;
  const timeZone = opts.timeZone ?? 'UTC';
  const title = t(lang, 'reports.arbiter.title');
  const doc = createDoc(title, opts);
  titleBlock(doc, title, opts, headerLines(data, opts, timeZone));
  if (data.stages.length) riskChart(doc, data, opts);
  else paragraph(doc, t(lang, 'reports.scorecard.noStages'), 'regular', 10);
  for (const stage of [...data.stages].sort((a, b) => a.rank - b.rank)) {
    drawArbiterStage(doc, stage, opts, timeZone);
  }
  const generated = t(lang, 'reports.generated', {
    at: formatDateTime(opts.generatedAt, lang, timeZone),
  });
  return finishDoc(doc, `${opts.orgName} · ${generated}`, lang);
}
