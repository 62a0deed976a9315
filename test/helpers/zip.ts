// Reading and writing zip archives in tests: to take a .docx apart, change a part and put it together
// again (damaged, hostile or oversized parts for the readers' tests). Deflated, or stored when asked.
import { crc32, deflateRawSync } from 'node:zlib';
import { unpackOffice } from '../../src/exchange/archive.ts';

export function unzipOffice(data: Buffer): Map<string, Buffer> {
  return new Map(unpackOffice(data, 'docx').map((p) => [p.name, p.data]));
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** write this as the unpacked size instead of the true one (a zip bomb's lie) */
  declaredSize?: number;
  store?: boolean;
}

export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = e.store ? e.data : deflateRawSync(e.data);
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A .docx with one part replaced (or added). */
export function withPart(docx: Buffer, name: string, data: Buffer | string): Buffer {
  const parts = unzipOffice(docx);
  parts.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return zip([...parts].map(([n, d]) => ({ name: n, data: d })));
}
