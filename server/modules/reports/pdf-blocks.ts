// Headings and small blocks both reports share: the stage band, the section heading and the
// status legend. Each heading has a matching height function, so a block can be measured before
// it is drawn (keeping a stage on one page when it fits).
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { t } from '../../i18n/catalogue.ts';
import { statusDot, type Status } from './pdf-charts.ts';
import { COLORS, MARGIN, contentWidth, setFont, type Doc } from './pdf-doc.ts';

const BAND_PAD = 4;
const STAGE_SIZE = 11;
const SECTION_SIZE = 9;

export function stageHeadingHeight(doc: Doc, text: string): number {
  setFont(doc, 'bold', STAGE_SIZE);
  return doc.heightOfString(text, { width: contentWidth(doc) - BAND_PAD * 2 }) + BAND_PAD * 2 + 6;
}

/** A stage's name on a coloured band across the page. */
export function stageHeading(doc: Doc, text: string): void {
  const height = stageHeadingHeight(doc, text) - 6;
  const y = doc.y;
  doc.rect(MARGIN, y, contentWidth(doc), height).fill(COLORS.accent);
  setFont(doc, 'bold', STAGE_SIZE, '#ffffff');
  doc.text(text, MARGIN + BAND_PAD, y + BAND_PAD, { width: contentWidth(doc) - BAND_PAD * 2 });
  doc.y = y + height + 6;
  doc.x = MARGIN;
}

export function sectionHeadingHeight(doc: Doc, text: string): number {
  setFont(doc, 'bold', SECTION_SIZE);
  return doc.heightOfString(text, { width: contentWidth(doc) - 8 }) + 5;
}

/** A layer's or section's heading: bold, with a short accent bar on its left. */
export function sectionHeading(doc: Doc, text: string): void {
  const height = sectionHeadingHeight(doc, text);
  const y = doc.y;
  doc.rect(MARGIN, y + 1, 3, height - 6).fill(COLORS.accent);
  setFont(doc, 'bold', SECTION_SIZE, COLORS.accent);
  doc.text(text, MARGIN + 8, y, { width: contentWidth(doc) - 8 });
  doc.y = y + height;
  doc.x = MARGIN;
}

/** One line: a dot of each status and its word. */
export function statusLegend(doc: Doc, lang: Language): void {
  const items: [Status, string][] = [
    ['green', t(lang, 'reports.status.green')],
    ['amber', t(lang, 'reports.status.amber')],
    ['red', t(lang, 'reports.status.red')],
    [null, t(lang, 'reports.status.none')],
  ];
  setFont(doc, 'regular', 8, COLORS.muted);
  const y = doc.y;
  let x = MARGIN;
  for (const [status, word] of items) {
    statusDot(doc, x + 3.5, y + doc.currentLineHeight() / 2, status);
    setFont(doc, 'regular', 8, COLORS.muted);
    doc.text(word, x + 10, y, { lineBreak: false });
    x += 10 + doc.widthOfString(word) + 14;
  }
  doc.y = y + doc.currentLineHeight() + 8;
  doc.x = MARGIN;
}
