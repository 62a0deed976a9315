// Reading the objects of a PDF as Chromium (Skia) writes it (a classic xref table, each object plain in the file,
// stream lengths given directly) and appending an incremental update: changed and new objects after the original
// bytes, which stay as they are. Used to correct the ToUnicode maps (toUnicode.ts) and to write the contents'
// page numbers (contentsNumbers.ts).
import { deflateSync, inflateSync } from 'node:zlib';

export class PdfObjects {
  /** the file as one byte per character */
  readonly text: string;
  /** where each object's last definition starts (just after "n 0 obj"), found in one pass */
  private readonly at = new Map<number, number>();

  constructor(readonly pdf: Buffer) {
    this.text = pdf.toString('latin1');
    for (const m of this.text.matchAll(/(?:^|[\r\n\s])(\d+) 0 obj\b/g)) this.at.set(Number(m[1]), m.index + m[0].length);
  }

  /** An object's text, dictionary and all, up to its `endobj`. */
  object(n: number): string | null {
    const at = this.at.get(n);
    if (at === undefined) return null;
    const end = this.text.indexOf('endobj', at);
    return end < 0 ? null : this.text.slice(at, end);
  }

  /** A stream object's dictionary and its data, inflated when it is deflated; null when it cannot be read. */
  stream(n: number): { dict: string; data: string } | null {
    const at = this.at.get(n);
    if (at === undefined) return null;
    const m = /^\s*<<([\s\S]*?)>>\s*stream\r?\n/.exec(this.text.slice(at, at + 4096));
    const length = m && /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(m[1]!)?.[1];
    if (!m || !length) return null;
    const raw = this.pdf.subarray(at + m[0].length, at + m[0].length + Number(length));
    try {
      return { dict: m[1]!, data: (/\/FlateDecode/.test(m[1]!) ? inflateSync(raw) : raw).toString('latin1') };
    } catch {
      return null;
    }
  }

  /** The trailer's size (the next free object number); null when the file is not laid out as expected. */
  size(): number | null {
    const trailer = this.trailer();
    return trailer ? trailer.size : null;
  }

  private trailer(): { size: number; prev: number; rest: string } | null {
    const s = this.text;
    const trailerAt = s.lastIndexOf('trailer');
    const startxrefAt = s.lastIndexOf('startxref');
    if (trailerAt < 0 || startxrefAt < 0) return null;
    const trailer = s.slice(trailerAt, startxrefAt);
    const prev = Number(/startxref\s+(\d+)/.exec(s.slice(startxrefAt))?.[1]);
    const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
    const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
    if (!root || !Number.isFinite(prev) || !Number.isFinite(size)) return null;
    const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
    const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];
    return { size, prev, rest: `/Root ${root}${info ? `\n/Info ${info}` : ''}${id ? `\n/ID ${id}` : ''}` };
  }

  /** The file with these objects (new or replacing) appended as an incremental update; null when it cannot be. */
  update(objects: Array<{ n: number; body: Buffer }>): Buffer | null {
    const trailer = this.trailer();
    if (!trailer) return null;
    const sorted = [...objects].sort((a, b) => a.n - b.n);
    const size = Math.max(trailer.size, ...sorted.map((o) => o.n + 1));
    const chunks: Buffer[] = [this.pdf, Buffer.from('\n', 'latin1')];
    let offset = this.pdf.length + 1;
    const xref: string[] = ['xref\n'];
    for (const o of sorted) {
      xref.push(`${o.n} 1\n${String(offset).padStart(10, '0')} 00000 n \n`);
      chunks.push(o.body);
      offset += o.body.length;
    }
    chunks.push(Buffer.from(`${xref.join('')}trailer\n<</Size ${size}\n${trailer.rest}\n/Prev ${trailer.prev}>>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(chunks);
  }
}

/** A deflated stream object. */
export function streamObject(n: number, content: string): { n: number; body: Buffer } {
  const data = deflateSync(Buffer.from(content, 'latin1'));
  return { n, body: Buffer.concat([Buffer.from(`${n} 0 obj\n<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]) };
}
