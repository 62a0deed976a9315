// Small PDFs with a text layer, written by hand for the PDF reader's tests: text drawn at given places in a
// CID font (Identity-H, not embedded) whose ToUnicode map is the identity, so that any Chinese text comes
// back as written; optional rules (lines) as a ruled table has them; optionally an /Encrypt dictionary
// that no empty password opens.

export interface PdfText {
  x: number;
  /** from the top of the page */
  y: number;
  text: string;
  size?: number;
}

export interface PdfPage {
  texts: PdfText[];
  /** lines drawn: [x1, y1, x2, y2], y from the top */
  rules?: Array<[number, number, number, number]>;
  /** thin filled bars, as Word draws table borders: [x, y, width, height], y from the top */
  bars?: Array<[number, number, number, number]>;
}

const W = 595;
const H = 842;

function hex(s: string): string {
  let h = '';
  for (let i = 0; i < s.length; i++) h += s.charCodeAt(i).toString(16).padStart(4, '0');
  return h;
}

function toUnicode(): string {
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    if (hi >= 0xd8 && hi <= 0xdf) continue;
    const b = hi.toString(16).padStart(2, '0');
    ranges.push(`<${b}00> <${b}ff> <${b}00>`);
  }
  const chunks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const part = ranges.slice(i, i + 100);
    chunks.push(`${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`);
  }
  return `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
}

/** A PDF of the given pages. `encrypted`: with an /Encrypt dictionary no empty password opens. */
export function buildPdf(pages: PdfPage[], options: { encrypted?: boolean } = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const cmap = toUnicode();
  const cmapObj = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${cmapObj} 0 R >>`);
  const kids: number[] = [];
  for (const page of pages) {
    let ops = '';
    for (const [x1, y1, x2, y2] of page.rules ?? []) ops += `${x1} ${H - y1} m ${x2} ${H - y2} l S\n`;
    for (const [x, y, w, h] of page.bars ?? []) ops += `${x} ${H - y - h} ${w} ${h} re f\n`;
    for (const t of page.texts) ops += `BT /F1 ${t.size ?? 10} Tf ${t.x} ${H - t.y} Td <${hex(t.text)}> Tj ET\n`;
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const encrypt = options.encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`) : 0;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(Buffer.byteLength(out));
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'utf8');
}
