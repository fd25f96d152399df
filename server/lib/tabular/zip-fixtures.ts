// Test fixtures: ZIP archives built by hand, so a test can make an XLSX whose parts declare sizes
// they do not hold (a zip bomb). Used by tests only.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { listZipEntries } from './zip-check.ts';

export interface FixtureEntry {
  name: string;
  data: Buffer;
  /** The uncompressed size the archive claims (default: the true size). */
  declaredSize?: number;
}

export function buildZip(entries: FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of an archive, unpacked, ready to be packed again with changes. */
export function partsOfZip(bytes: Buffer): FixtureEntry[] {
  return listZipEntries(bytes).map((e) => {
    const at = e.localHeaderOffset;
    const from = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const raw = bytes.subarray(from, from + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? raw : inflateRawSync(raw) };
  });
}

/** An XLSX whose first worksheet unpacks to `padding` bytes more than it holds in cells. */
export function withBombSheet(workbook: Buffer, padding: number, declaredSize?: number): Buffer {
  const sheet = Buffer.concat([
    Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'),
    Buffer.alloc(padding, 0x20),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return buildZip(
    partsOfZip(workbook).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: sheet, declaredSize } : p,
    ),
  );
}
