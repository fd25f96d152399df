// One export file written on a thread of its own (write-off-thread.ts), so a large list export
// never stalls the event loop. Plain JavaScript for the reason parse-worker.mjs gives: worker
// threads inherit no TypeScript loader, so this registers tsx before importing the writer.
//
// workerData: { table, format: 'csv' | 'xlsx', dialect: 'ru' | 'en' }. Posts exactly one message:
// { ok: true, bytes } (the buffer transferred) or { ok: false }; then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

const { table, format, dialect } = workerData;
try {
  const { writeCsv, writeXlsx } = await import('./write-table.ts');
  const buffer = format === 'csv' ? writeCsv(table, dialect) : await writeXlsx(table);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  parentPort.postMessage({ ok: true, bytes }, [bytes.buffer]);
} catch {
  parentPort.postMessage({ ok: false });
}
