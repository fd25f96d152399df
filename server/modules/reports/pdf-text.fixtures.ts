// Reads a rendered PDF back the way a reader's tools do: its text through a PDF parser (pdf.js
// under pdf-parse), which finds Cyrillic only when the font is embedded with a Unicode map.
import { PDFParse } from 'pdf-parse';

export interface PdfRead {
  /** All pages' text, non-breaking spaces as plain ones. */
  text: string;
  pages: number;
}

export async function readPdf(bytes: Buffer): Promise<PdfRead> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { text: result.text.replace(/\u00a0/g, ' '), pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/** Every page's MediaBox as written in the file (pdfkit writes page dictionaries uncompressed). */
export function mediaBoxes(bytes: Buffer): string[] {
  return [...bytes.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]!);
}
