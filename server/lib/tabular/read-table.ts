// Uploaded tables are parsed on worker threads (parse-worker.mjs): exceljs and csv-parse are
// synchronous CPU work, and one large or hostile file must not stall every other request. One
// thread per parse, at most MAX_PARALLEL at once, each with a heap limit and a time limit. Errors
// come back as the same AppError codes the parsers throw (4xx problems), never a 500.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../http/errors.ts';
import type { ErrorCode } from '../../../shared/api/errors.ts';
import type { CsvTable } from './read-csv.ts';
import type { RawTable } from './table.ts';

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);
const MAX_PARALLEL = 2;

export interface ParseLimits {
  timeoutMs: number;
  /** The thread's JavaScript heap; a file that needs more is refused as too large. */
  heapMb: number;
}

const DEFAULT_LIMITS: ParseLimits = { timeoutMs: 60_000, heapMb: 1024 };

type Reply =
  { ok: true; table: RawTable | CsvTable } | { ok: false; code: ErrorCode; message: string };

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

function parseOnThread(
  kind: 'csv' | 'xlsx',
  bytes: Buffer,
  limits: ParseLimits,
): Promise<RawTable | CsvTable> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { kind, bytes },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new AppError('unprocessable', 'The file took too long to read; split it')),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (reply: Reply) =>
      settle(() =>
        reply.ok ? resolve(reply.table) : reject(new AppError(reply.code, reply.message)),
      ),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('payload_too_large', 'The file needs too much memory to read; split it')
            : new AppError('unprocessable', 'The file could not be read'),
        ),
      ),
    );
    worker.once('exit', () =>
      settle(() => reject(new AppError('unprocessable', 'The file could not be read'))),
    );
  });
}

/** CSV bytes → a table of strings, its encoding and delimiter; parsed off the event loop. */
export function readCsv(bytes: Buffer, limits = DEFAULT_LIMITS): Promise<CsvTable> {
  return withSlot(() => parseOnThread('csv', bytes, limits)) as Promise<CsvTable>;
}

/** XLSX bytes → a table of strings from the first worksheet; parsed off the event loop. */
export function readXlsx(bytes: Buffer, limits = DEFAULT_LIMITS): Promise<RawTable> {
  return withSlot(() => parseOnThread('xlsx', bytes, limits));
}
