// The PDF document both reports draw on: A4 portrait, DejaVu Sans embedded (pdfkit subsets it and
// writes a ToUnicode map, so Cyrillic renders and can be copied and searched — the 14 standard
// PDF fonts have no Cyrillic), pages kept in memory (bufferPages) so the footer can say
// "page N of M" once M is known.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { t } from '../../i18n/catalogue.ts';

export type Doc = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
} as const;
export type FontName = keyof typeof FONT_FILES;

export const MARGIN = 40;
/** Room under the content for the footer line. */
const BOTTOM = 52;
export const COLORS = {
  text: '#222222',
  muted: '#6b6b6b',
  rule: '#c8c8c8',
  band: '#eef2f6',
  zebra: '#f7f7f7',
  accent: '#2b5d8a',
  risk: '#c0504d',
  green: '#2e9d4f',
  amber: '#e9a100',
  red: '#d64545',
  grey: '#b5b5b5',
} as const;

export interface ReportOptions {
  lang: Language;
  orgName: string;
  generatedAt: Date;
  /** ISO 4217 code printed after money. */
  currency: string;
  /** The zone dates are printed in; the scorecard's own zone by default, else UTC. */
  timeZone?: string;
}

export function createDoc(title: string, opts: ReportOptions): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
    bufferPages: true,
    font: FONT_FILES.regular,
    lang: opts.lang,
    info: {
      Title: title,
      Author: opts.orgName,
      Creator: 'ClientLoop',
      CreationDate: opts.generatedAt,
    },
  });
  return doc.fillColor(COLORS.text);
}

export function setFont(doc: Doc, font: FontName, size: number, color: string = COLORS.text): Doc {
  // By path, not by a registered name: pdfkit caches a font under the key it was asked by, but a
  // registered name whose font is already loaded under another key is re-read from disk and
  // re-parsed on every call (pdfkit 0.20) — seconds per hundred table rows.
  return doc.font(FONT_FILES[font]).fontSize(size).fillColor(color);
}

export const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
export const contentBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
/** Height a fresh page offers below its top margin. */
export const pageRoom = (doc: Doc) => contentBottom(doc) - MARGIN;

/**
 * Starts a new page when `height` does not fit under the cursor; `onNewPage` then draws what a
 * continued block repeats (its heading). True when a page was added.
 */
export function ensureSpace(doc: Doc, height: number, onNewPage?: () => void): boolean {
  if (doc.y + height <= contentBottom(doc)) return false;
  doc.addPage();
  doc.x = MARGIN;
  onNewPage?.();
  return true;
}

/** A paragraph across the content width at the left margin, with space after it. */
export function paragraph(
  doc: Doc,
  text: string,
  font: FontName,
  size: number,
  color: string = COLORS.text,
  gap = 2,
): void {
  setFont(doc, font, size, color);
  const height = doc.heightOfString(text, { width: contentWidth(doc) });
  ensureSpace(doc, height);
  doc.text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.y += gap;
}

/** The report's title block: title, organisation, then the lines given (window, filters). */
export function titleBlock(doc: Doc, title: string, opts: ReportOptions, lines: string[]): void {
  paragraph(doc, title, 'bold', 16, COLORS.text, 4);
  paragraph(doc, opts.orgName, 'bold', 11, COLORS.accent, 2);
  for (const line of lines) paragraph(doc, line, 'regular', 9, COLORS.muted, 1);
  doc.y += 4;
  doc.moveTo(MARGIN, doc.y).lineTo(doc.page.width - MARGIN, doc.y);
  doc.lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.y += 8;
}

/** Every page's footer: the organisation and date on the left, "page N of M" on the right. */
function drawFooters(doc: Doc, left: string, lang: Language): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit start a page; the footer lives there.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - BOTTOM + 18;
    const width = contentWidth(doc);
    doc.moveTo(MARGIN, y - 5).lineTo(MARGIN + width, y - 5);
    doc.lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    setFont(doc, 'regular', 7, COLORS.muted);
    doc.text(left, MARGIN, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    const page = t(lang, 'reports.page', { n: i - start + 1, m: count });
    doc.text(page, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Writes the footers, ends the document and gathers its bytes. */
export function finishDoc(doc: Doc, footer: string, lang: Language): Promise<Buffer> {
  drawFooters(doc, footer, lang);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
