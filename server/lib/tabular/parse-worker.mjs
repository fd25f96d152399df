// One parse of an uploaded table on a thread of its own (read-table.ts), so a large or hostile
// file never stalls the event loop. Plain JavaScript: worker threads inherit neither tsx's nor
// vitest's TypeScript loader, so this file registers tsx (a runtime dependency, as in
// bin/start.mjs) before it imports the TypeScript parsers.
//
// workerData: { kind: 'csv' | 'xlsx', bytes: Uint8Array }. Posts exactly one message:
// { ok: true, table } or { ok: false, code, message } with an AppError code; then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

function failure(err) {
  // Errors lose their class crossing threads: send the AppError's code and message as data.
  if (err && err.name === 'AppError' && typeof err.code === 'string')
    return { ok: false, code: err.code, message: String(err.message) };
  return { ok: false, code: 'unprocessable', message: 'The file could not be read' };
}

const { kind, bytes } = workerData;
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
try {
  const table =
    kind === 'csv'
      ? (await import('./read-csv.ts')).parseCsv(buffer)
      : await (await import('./read-xlsx.ts')).parseXlsx(buffer);
  parentPort.postMessage({ ok: true, table });
} catch (err) {
  parentPort.postMessage(failure(err));
}
