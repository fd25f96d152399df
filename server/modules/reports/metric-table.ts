// The table of metrics both PDFs print (a scorecard layer, an arbiter stage's worst metrics):
// name, value, previous, target, a status dot, n and a sparkline of the window's periods.
import type { LayerMetricOut } from '../../../shared/api/scorecard-layers.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { t } from '../../i18n/catalogue.ts';
import { formatCount, formatMetricValue } from './format.ts';
import { metricName } from '../../i18n/metric-names.ts';
import { sparkline, statusDot } from './pdf-charts.ts';
import type { PdfCell, PdfColumn, PdfTable } from './pdf-table.ts';

/** Widths in points; they add up to A4's width less two 40 pt margins (515). */
const WIDTHS = { metric: 146, value: 84, previous: 84, target: 76, status: 40, n: 30, trend: 55 };

function columns(lang: Language): PdfColumn[] {
  const c = (key: keyof typeof WIDTHS, align: PdfColumn['align'] = 'right'): PdfColumn => ({
    header: t(lang, `reports.columns.${key}`),
    width: WIDTHS[key],
    align,
  });
  return [
    c('metric', 'left'),
    c('value'),
    c('previous'),
    c('target'),
    c('status', 'center'),
    c('n'),
    c('trend', 'center'),
  ];
}

export function metricTable(
  metrics: readonly LayerMetricOut[],
  lang: Language,
  currency: string,
): PdfTable {
  const rows = metrics.map((m): PdfCell[] => {
    const value = (v: number | null) => formatMetricValue(v, m, lang, currency);
    return [
      metricName(m, lang),
      value(m.value),
      value(m.previous),
      value(m.target),
      {
        minHeight: 8,
        draw: (doc, box) => statusDot(doc, box.x + box.w / 2, box.y + box.h / 2, m.status),
      },
      formatCount(m.n, lang),
      {
        minHeight: 10,
        draw: (doc, box) => {
          const h = Math.min(box.h, 12);
          sparkline(
            doc,
            { x: box.x + 2, y: box.y + (box.h - h) / 2, w: box.w - 4, h },
            m.series.map((p) => p.value),
            m.target,
          );
        },
      },
    ];
  });
  return { columns: columns(lang), rows };
}
