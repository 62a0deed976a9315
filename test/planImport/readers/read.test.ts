// Choosing the reader by the file's content: a .docx by its zip signature whatever its name, a PDF by
// "%PDF", text as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 as older Chinese Windows saves it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';
import { readPlanDocument } from '../../../src/exchange/planDocument/read.ts';
import { buildPdf } from '../../helpers/planPdf.ts';

const SEED = readFileSync(join(import.meta.dirname, '../../../../shared/seeds/003_98fa8349cd878849.txt'), 'utf8');

/** GB18030 bytes of a text whose characters are ASCII or in the two-byte (GBK) range, by decoding every pair once */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}

describe('readPlanDocument', () => {
  const expected = parseTextForm('003.txt', SEED);

  it('reads the text form as UTF-8, UTF-8 with a BOM, UTF-16 with a BOM, and GB18030, alike', async () => {
    const forms = [
      Buffer.from(SEED, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED, 'utf16le')]),
      gb18030(SEED),
    ];
    for (const bytes of forms) {
      const d = await readPlanDocument('003.txt', bytes);
      expect(d.format).toBe('text');
      expect(d.blocks).toEqual(expected.blocks);
    }
  });

  it('chooses by content, not by the name', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('第一章 总则')] }] }));
    expect((await readPlanDocument('plan.txt', docx)).format).toBe('docx');
    expect((await readPlanDocument('plan.docx', buildPdf([{ texts: [{ x: 60, y: 60, text: '第一章 总则' }] }]))).format).toBe('pdf');
    expect((await readPlanDocument('plan.pdf', Buffer.from('第一章 总则\n'))).format).toBe('text');
  });
});
