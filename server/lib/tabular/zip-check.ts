// An XLSX is a ZIP archive, and a 20 MiB upload can inflate to gigabytes (a zip bomb). Before
// exceljs inflates anything, read the archive's central directory (APPNOTE.TXT 4.3.12, 4.3.16):
// count the entries and add up the sizes they declare; then inflate each entry once with a hard
// output limit, so an entry that declares less than it holds is caught too. Pure, no I/O.
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../http/errors.ts';

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /** An entry over 1 MiB that inflates more than this many times its compressed size is a bomb. */
  maxRatio: number;
}

export const XLSX_LIMITS: ZipLimits = {
  maxTotalBytes: 50 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 500,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const broken = (why: string) =>
  new AppError('unprocessable', `The XLSX workbook could not be read: ${why}`);
const tooLarge = (why: string) =>
  new AppError(
    'payload_too_large',
    `The XLSX workbook is too large to read once unpacked (${why}); save it as CSV or split it`,
  );

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw broken('it is not a complete ZIP archive');
}

/** The entries the central directory lists, refused when they declare too much. */
export function listZipEntries(bytes: Buffer, limits: ZipLimits = XLSX_LIMITS): ZipEntryInfo[] {
  if (bytes.length < EOCD_SIZE) throw broken('it is not a complete ZIP archive');
  const eocd = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff)
    throw tooLarge('a ZIP64 archive');
  if (count > limits.maxEntries) throw tooLarge(`${count} parts`);
  if (dirOffset + dirSize > eocd) throw broken('its directory lies outside the file');

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw broken('its directory is damaged');
    const entry: ZipEntryInfo = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: '',
    };
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > eocd) throw broken('its directory is damaged');
    entry.name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes)
      throw tooLarge(`more than ${limits.maxTotalBytes / 1024 / 1024} MiB`);
    if (
      entry.uncompressedSize > 1024 * 1024 &&
      entry.uncompressedSize > entry.compressedSize * limits.maxRatio
    )
      throw tooLarge(`${entry.name} is compressed ${limits.maxRatio} times or more`);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/**
 * Checks the declared sizes, then inflates every entry with its declared size as a hard limit
 * (zlib stops there), so no entry can hold more than the directory admits. Costs one inflate of
 * at most maxTotalBytes; run it where the parse runs, off the event loop.
 */
export function checkZipArchive(bytes: Buffer, limits: ZipLimits = XLSX_LIMITS): void {
  for (const entry of listZipEntries(bytes, limits)) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE)
      throw broken(`the part ${entry.name} is missing`);
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw broken(`the part ${entry.name} is cut short`);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize)
        throw broken(`the part ${entry.name} is damaged`);
      continue;
    }
    if (entry.method !== 8) throw broken(`the part ${entry.name} uses an unknown compression`);
    try {
      inflateRawSync(bytes.subarray(start, end), {
        maxOutputLength: Math.max(1, entry.uncompressedSize),
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
        throw tooLarge(`${entry.name} holds more than it declares`);
      throw broken(`the part ${entry.name} is damaged`);
    }
  }
}
