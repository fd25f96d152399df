// The layered scorecard as an A4 PDF: a title block (organisation, window, filters), a status
// legend, then per stage its four layers, each a table of metrics with value, previous, target,
// status dot, n and a sparkline. A stage that fits on a page is never split over two; a longer
// one goes on under "<stage> (continued)" and the layer's heading and table header again.
import {
  SCORECARD_LAYERS,
  type ScorecardOut,
  type ScorecardStageOut,
} from '../../../shared/api/scorecard-layers.ts';
import { t } from '../../i18n/catalogue.ts';
import { dayBefore, formatDateTime, formatDay } from './format.ts';
import { metricTable } from './metric-table.ts';
import {
  sectionHeading,
  sectionHeadingHeight,
  stageHeading,
  stageHeadingHeight,
  statusLegend,
} from './pdf-blocks.ts';
import { stageName } from '../../i18n/metric-names.ts';
import {
  COLORS,
  contentBottom,
  createDoc,
  ensureSpace,
  finishDoc,
  pageRoom,
  paragraph,
  titleBlock,
  type Doc,
  type ReportOptions,
} from './pdf-doc.ts';
import { drawTable, tableHeight } from './pdf-table.ts';

const LAYER_GAP = 6;
const STAGE_GAP = 10;
/** Room for a layer heading, a table header and one row: never leave less at a page's foot. */
const LAYER_START = 52;

function headerLines(data: ScorecardOut, opts: ReportOptions, timeZone: string): string[] {
  const { lang } = opts;
  const lines = [
    t(lang, 'reports.window', {
      from: formatDay(data.from, lang),
      to: formatDay(dayBefore(data.to), lang),
      kind: t(lang, `reports.periodKinds.${data.period}`),
    }),
  ];
  const last = data.periods.at(-1);
  if (last) {
    const previous = data.periods.at(-2) ?? '—';
    lines.push(t(lang, 'reports.scorecard.periods', { last, previous }));
  }
  if (data.segment) lines.push(t(lang, 'reports.segment', { name: data.segment }));
  lines.push(
    t(lang, 'reports.generated', { at: formatDateTime(opts.generatedAt, lang, timeZone) }),
  );
  return lines;
}

function drawStage(doc: Doc, stage: ScorecardStageOut, opts: ReportOptions): void {
  const { lang, currency } = opts;
  const name = stageName(stage, lang);
  const layers = SCORECARD_LAYERS.map((layer) => ({
    title: t(lang, `reports.layers.${layer}`),
    table: metricTable(stage.layers[layer], lang, currency),
  }));
  const empty = t(lang, 'reports.scorecard.noMetrics');
  if (layers.every((l) => l.table.rows.length === 0)) {
    // Nothing measured on the stage yet: one line, not four empty layers.
    ensureSpace(doc, stageHeadingHeight(doc, name) + 20);
    stageHeading(doc, name);
    paragraph(doc, empty, 'italic', 8, COLORS.muted);
    doc.y += STAGE_GAP;
    return;
  }
  const block =
    stageHeadingHeight(doc, name) +
    layers.reduce(
      (sum, l) =>
        sum +
        sectionHeadingHeight(doc, l.title) +
        (l.table.rows.length ? tableHeight(doc, l.table) : 14) +
        LAYER_GAP,
      0,
    );
  // Keep the stage on one page when it fits on one; otherwise start it where there is room.
  if (doc.y + block > contentBottom(doc) && block <= pageRoom(doc)) doc.addPage();
  else ensureSpace(doc, stageHeadingHeight(doc, name) + LAYER_START);
  stageHeading(doc, name);
  const continued = t(lang, 'reports.continued', { stage: name });
  for (const layer of layers) {
    const repeat = () => {
      stageHeading(doc, continued);
      sectionHeading(doc, layer.title);
    };
    ensureSpace(doc, LAYER_START, () => stageHeading(doc, continued));
    sectionHeading(doc, layer.title);
    if (layer.table.rows.length) drawTable(doc, layer.table, repeat);
    else paragraph(doc, empty, 'italic', 8, COLORS.muted);
    doc.y += LAYER_GAP;
  }
  doc.y += STAGE_GAP;
}

export async function renderScorecardPdf(data: ScorecardOut, opts: ReportOptions): Promise<Buffer> {
  const { lang } = opts;
  const timeZone = opts.timeZone ?? data.timeZone;
  const title = t(lang, 'reports.scorecard.title');
  const doc = createDoc(title, opts);
  titleBlock(doc, title, opts, headerLines(data, opts, timeZone));
  statusLegend(doc, lang);
  if (data.stages.length === 0)
    paragraph(doc, t(lang, 'reports.scorecard.noStages'), 'regular', 10);
  for (const stage of data.stages) drawStage(doc, stage, opts);
  const generated = t(lang, 'reports.generated', {
    at: formatDateTime(opts.generatedAt, lang, timeZone),
  });
  return finishDoc(doc, `${opts.orgName} · ${generated}`, lang);
}
