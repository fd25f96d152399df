// Export files written off the event loop (write-worker.mjs): CSV and XLSX writing is
// synchronous CPU work — seconds for a 100 000-row list — and must not hold up every other
// request. Small tables are written inline (a thread costs more than they do); larger ones on a
// thread each, at most MAX_PARALLEL at once, with a heap limit.
import { Worker } from 'node:worker_threads';
import {
  writeCsv,
  writeXlsx,
  type CsvDialect,
  type ExportFormat,
  type Table,
} from './write-table.ts';

const WORKER_URL = new URL('./write-worker.mjs', import.meta.url);
const MAX_PARALLEL = 2;
/** Up to this many rows a file is written inline. */
export const INLINE_ROWS = 2_000;

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function writeOnThread(table: Table, format: ExportFormat, dialect: CsvDialect): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { table, format, dialect },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.once('message', (reply: { ok: boolean; bytes?: Uint8Array }) =>
      settle(() =>
        reply.ok && reply.bytes
          ? resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength))
          : reject(new Error('The export file could not be written')),
      ),
    );
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', () => settle(() => reject(new Error('The export thread ended early'))));
  });
}

/**
 * The table as CSV (in `dialect`) or XLSX bytes; on a worker thread above `inlineRows` rows.
 * The bytes are the same either way.
 */
export async function writeTableFile(
  table: Table,
  format: ExportFormat,
  dialect: CsvDialect,
  inlineRows = INLINE_ROWS,
): Promise<Buffer> {
  if (table.rows.length <= inlineRows)
    return format === 'csv' ? writeCsv(table, dialect) : writeXlsx(table);
  return withSlot(() => writeOnThread(table, format, dialect));
}
