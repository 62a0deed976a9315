// An Office file (.xlsx, .docx) is a zip archive. Before anything reads one, its central directory is
// checked (parts, declared unpacked sizes, encryption, compression method) and every part is inflated
// again under the unpacked bound, since a directory can lie about sizes: a zip bomb is refused after at
// most LIMITS.unpackedBytes of work, never read. Pure Node (zlib), no dependency.
import { inflateRawSync } from 'node:zlib';
import { LIMITS } from '../domain/limits.ts';
import { t } from '../i18n/index.ts';

/** A refusal of an archive, already said in words (zh-CN). */
export class ArchiveError extends Error {
  constructor(
    message: string,
    /** the message key of what is wrong */
    readonly reason: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export interface ArchivePart {
  name: string;
  /** the unpacked bytes */
  data: Buffer;
}

const MB = 1024 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const tooBig = (bytes: number) => new ArchiveError(t('limits.archive.unpacked', { max: LIMITS.unpackedBytes / MB, size: Math.ceil(bytes / MB) }), 'limits.archive.unpacked');

/**
 * The parts of an Office file, unpacked within the bounds; throws ArchiveError naming what is wrong.
 * `ext` names the kind in the refusal; `mainPart` is the part every file of the kind has.
 */
export function unpackOffice(data: Buffer, ext: 'xlsx' | 'docx', keep: (name: string) => boolean = () => true): ArchivePart[] {
  const broken = (key: string, params: Record<string, string | number> = {}) => new ArchiveError(t('limits.archive.broken', { ext, detail: t(key, params) }), key);
  // the end-of-central-directory record: within the last 64 KB (its comment) + 22 bytes
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken('limits.archive.noDirectory');
  const count = data.readUInt16LE(eocd + 10);
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirStart = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirStart === 0xffffffff || dirStart + dirSize > eocd) throw broken('limits.archive.noDirectory');
  if (count > LIMITS.archiveEntries) throw new ArchiveError(t('limits.archive.entries', { count, max: LIMITS.archiveEntries }), 'limits.archive.entries');

  // first the directory: names, methods and the sizes it declares, all before inflating anything
  const entries: Array<{ name: string; method: number; compressed: number; size: number; offset: number }> = [];
  let declared = 0;
  let p = dirStart;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || data.readUInt32LE(p) !== CENTRAL) throw broken('limits.archive.noDirectory');
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const compressed = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLen = data.readUInt16LE(p + 28);
    const extraLen = data.readUInt16LE(p + 30);
    const commentLen = data.readUInt16LE(p + 32);
    const offset = data.readUInt32LE(p + 42);
    const name = data.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (flags & 0x1) throw broken('limits.archive.encrypted');
    if (method !== 0 && method !== 8) throw broken('limits.archive.method');
    if (size === 0xffffffff || compressed === 0xffffffff) throw tooBig(0xffffffff); // ZIP64: over 4 GB
    declared += size;
    if (declared > LIMITS.unpackedBytes) throw tooBig(declared);
    entries.push({ name, method, compressed, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml')) throw broken('limits.archive.noContentTypes');
  const main = ext === 'xlsx' ? 'xl/workbook.xml' : 'word/document.xml';
  if (!names.has(main)) throw broken('limits.archive.noMainPart', { part: main });

  // then every part, inflated under what is left of the bound, whatever its declared size said
  let unpacked = 0;
  const out: ArchivePart[] = [];
  for (const e of entries) {
    if (e.offset + 30 > data.length || data.readUInt32LE(e.offset) !== LOCAL) throw broken('limits.archive.damaged', { part: e.name });
    const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
    const raw = data.subarray(start, start + e.compressed);
    if (raw.length !== e.compressed) throw broken('limits.archive.damaged', { part: e.name });
    let part: Buffer;
    if (e.method === 0) part = raw;
    else {
      const room = LIMITS.unpackedBytes - unpacked;
      try {
        part = inflateRawSync(raw, { maxOutputLength: room + 1 });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooBig(LIMITS.unpackedBytes + 1);
        throw broken('limits.archive.damaged', { part: e.name });
      }
    }
    unpacked += part.length;
    if (unpacked > LIMITS.unpackedBytes) throw tooBig(unpacked);
    if (keep(e.name)) out.push({ name: e.name, data: part });
  }
  return out;
}

/** Rows and cells of a workbook's sheets, counted in their XML before a reader builds them. */
export function countSheetCells(parts: ArchivePart[]): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  for (const p of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(p.name)) continue;
    const xml = p.data.toString('latin1');
    for (const _ of xml.matchAll(/<(?:\w+:)?row[\s/>]/g)) rows++;
    for (const _ of xml.matchAll(/<(?:\w+:)?c[\s/>]/g)) cells++;
  }
  return { rows, cells };
}
