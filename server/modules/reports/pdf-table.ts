// A table on a PDF page: a header band, rows that grow to fit wrapped text, light zebra stripes.
// A row is never split; when the next row does not fit, the table goes on on a new page under
// the block's repeated heading (`onNewPage`) and its header again, so no page ends with a header
// that has no row under it. Numbers (right- or centre-aligned cells) stay on one line: one that
// is too wide for its column is set in a smaller size rather than cut or wrapped.
import { COLORS, MARGIN, ensureSpace, setFont, type Doc } from './pdf-doc.ts';

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}
export interface DrawnCell {
  draw: (doc: Doc, box: { x: number; y: number; w: number; h: number }) => void;
  /** The height the drawing needs inside the cell's padding. */
  minHeight?: number;
}
export type PdfCell = string | DrawnCell;
export interface PdfTable {
  columns: readonly PdfColumn[];
  rows: readonly (readonly PdfCell[])[];
  fontSize?: number;
  /** Light stripes on every other row. */
  zebra?: boolean;
}

const PAD = 3;
const MIN_SIZE = 5.5;
const HEADER_SIZE = 7.5;

function fittedSize(doc: Doc, text: string, width: number, size: number): number {
  let s = size;
  while (s > MIN_SIZE && doc.fontSize(s).widthOfString(text) > width) s -= 0.5;
  return s;
}

function textHeight(doc: Doc, text: string, column: PdfColumn, size: number): number {
  setFont(doc, 'regular', size);
  if ((column.align ?? 'left') !== 'left') return doc.currentLineHeight();
  return doc.heightOfString(text, { width: column.width - PAD * 2 });
}

function rowHeight(doc: Doc, table: PdfTable, row: readonly PdfCell[]): number {
  const size = table.fontSize ?? 8;
  let height = 0;
  table.columns.forEach((column, i) => {
    const cell = row[i] ?? '';
    const h =
      typeof cell === 'string' ? textHeight(doc, cell, column, size) : (cell.minHeight ?? 0);
    height = Math.max(height, h);
  });
  return Math.max(height + PAD * 2, 14);
}

/** A header's size: small enough that its longest word fits, so no word breaks in two. */
function headerSize(doc: Doc, column: PdfColumn): number {
  setFont(doc, 'bold', HEADER_SIZE);
  const longest = column.header.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return fittedSize(doc, longest, column.width - PAD * 2, HEADER_SIZE);
}

function headerHeight(doc: Doc, table: PdfTable): number {
  const heights = table.columns.map((c) => {
    setFont(doc, 'bold', headerSize(doc, c));
    return doc.heightOfString(c.header, { width: c.width - PAD * 2 });
  });
  return Math.max(...heights) + PAD * 2;
}

/** The height the whole table takes on one page (to keep a block together when it fits). */
export function tableHeight(doc: Doc, table: PdfTable): number {
  return table.rows.reduce(
    (sum, row) => sum + rowHeight(doc, table, row),
    headerHeight(doc, table),
  );
}

function drawHeader(doc: Doc, table: PdfTable): void {
  const height = headerHeight(doc, table);
  const width = table.columns.reduce((sum, c) => sum + c.width, 0);
  const y = doc.y;
  doc.rect(MARGIN, y, width, height).fill(COLORS.band);
  let x = MARGIN;
  for (const column of table.columns) {
    setFont(doc, 'bold', headerSize(doc, column), COLORS.muted);
    doc.text(column.header, x + PAD, y + PAD, {
      width: column.width - PAD * 2,
      align: column.align ?? 'left',
    });
    x += column.width;
  }
  doc.y = y + height;
}

function drawRow(doc: Doc, table: PdfTable, row: readonly PdfCell[], height: number): void {
  const size = table.fontSize ?? 8;
  const y = doc.y;
  let x = MARGIN;
  table.columns.forEach((column, i) => {
    const cell = row[i] ?? '';
    const inner = column.width - PAD * 2;
    if (typeof cell !== 'string') {
      cell.draw(doc, { x: x + PAD, y: y + PAD, w: inner, h: height - PAD * 2 });
    } else if ((column.align ?? 'left') === 'left') {
      setFont(doc, 'regular', size);
      doc.text(cell, x + PAD, y + PAD, { width: inner });
    } else {
      setFont(doc, 'regular', size);
      const fitted = fittedSize(doc, cell, inner, size);
      doc.fontSize(fitted);
      const top = y + (height - doc.currentLineHeight()) / 2;
      doc.text(cell, x + PAD, top, { width: inner, align: column.align, lineBreak: false });
    }
    x += column.width;
  });
  doc.y = y + height;
}

/** Draws the table from the cursor down, across pages when it must. */
export function drawTable(doc: Doc, table: PdfTable, onNewPage?: () => void): void {
  const first = table.rows[0];
  const firstHeight = first ? rowHeight(doc, table, first) : 0;
  ensureSpace(doc, headerHeight(doc, table) + firstHeight, onNewPage);
  drawHeader(doc, table);
  const width = table.columns.reduce((sum, c) => sum + c.width, 0);
  table.rows.forEach((row, i) => {
    const height = rowHeight(doc, table, row);
    if (ensureSpace(doc, height, onNewPage)) drawHeader(doc, table);
    if (table.zebra !== false && i % 2 === 1) {
      doc.rect(MARGIN, doc.y, width, height).fill(COLORS.zebra);
    }
    drawRow(doc, table, row, height);
  });
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y);
  doc.lineWidth(0.4).strokeColor(COLORS.rule).stroke();
  doc.x = MARGIN;
}
