// The reports module: the layered scorecard and the arbiter report rendered to bytes — PDF (A4,
// Cyrillic embedded) and XLSX. Pure functions of the API shapes (ScorecardOut, ArbiterOut): the
// services that compute those objects and the routes that serve the files live elsewhere.
export { renderArbiterPdf } from './arbiter-pdf.ts';
export { renderArbiterXlsx } from './arbiter-xlsx.ts';
export type { ReportOptions } from './pdf-doc.ts';
export { renderScorecardPdf } from './scorecard-pdf.ts';
export { renderScorecardXlsx } from './scorecard-xlsx.ts';
