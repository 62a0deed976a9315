// Fuzz test of the plan document readers (.docx, .pdf, text form) through readPlanDocument: random bytes,
// random text, a valid .docx with its XML mutated or its archive cut short or flipped, a valid PDF damaged.
// Each read either gives a document or is refused with a PlanDocumentError in Chinese — never another
// error, never a hang. A zip bomb and 10,000-deep XML are refused by their bounds before they are read.
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/limits.ts';
import { PlanDocumentError, readPlanDocument } from '../../src/exchange/planDocument/read.ts';
import { buildPdf } from '../helpers/planPdf.ts';
import { unzipOffice, withPart, zip } from '../helpers/zip.ts';
import { settings } from './inputs.ts';

/** one read: a document whose blocks point into its lines, or a Chinese refusal; within `ms` */
async function readOrRefuse(name: string, data: Buffer, ms = 5000): Promise<'read' | 'refused'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: ${name} took more than ${ms} ms`)), ms)));
  try {
    const doc = await Promise.race([readPlanDocument(name, data), hang]);
    for (const b of doc.blocks) expect(b.line >= 1 && b.line <= doc.lines.length).toBe(true);
    return 'read';
  } catch (e) {
    if (!(e instanceof PlanDocumentError)) throw new Error(`not a refusal: ${(e as Error).name}: ${(e as Error).message}\n${(e as Error).stack}`);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    return 'refused';
  } finally {
    clearTimeout(timer);
  }
}

let docx: Buffer;
let documentXml: string;
let pdf: Buffer;

beforeAll(async () => {
  const cell = (text: string, merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) => new TableCell({ children: [new Paragraph(text)], verticalMerge: merge });
  docx = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('第一章 总则'),
            new Paragraph('表1 指标'),
            new Table({
              rows: [
                new TableRow({ tableHeader: true, children: [cell('领域'), cell('序号'), cell('指标')] }),
                new TableRow({ children: [cell('生态', VerticalMergeType.RESTART), cell('1'), cell('森林覆盖率')] }),
                new TableRow({ children: [cell('', VerticalMergeType.CONTINUE), cell('2'), cell('湿地保护率')] }),
              ],
            }),
          ],
        },
      ],
    }),
  );
  documentXml = unzipOffice(docx).get('word/document.xml')!.toString('utf8');
  pdf = buildPdf([
    {
      texts: [{ x: 60, y: 60, text: '第一章 总则' }, { x: 60, y: 90, text: '序号' }, { x: 150, y: 90, text: '指标' }, { x: 60, y: 104, text: '1' }, { x: 150, y: 104, text: '森林覆盖率' }],
      rules: [[55, 80, 300, 80], [55, 95, 300, 95], [55, 110, 300, 110], [55, 80, 55, 110], [145, 80, 145, 110], [300, 80, 300, 110]],
      bars: [[55, 120, 245, 0.5]],
    },
  ]);
});

const XML_BITS = fc.constantFrom('<', '>', '&', '&amp;', '&#0;', '&#xD800;', '&foo;', '"', "'", '</w:p>', '<w:p>', '<w:tbl>', '<w:tc>', '<w:gridSpan w:val="99999"/>', '<w:vMerge/>', '<!--', ']]>', '<![CDATA[', '\u0000', '表', 'xmlns:w="x"', '<w:footnoteReference w:id="7"/>', '<w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr>');

describe('plan document readers, fuzzed', () => {
  it('random bytes: a document or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), Buffer.from('%PDF-1.7\n'), new Uint8Array())), async (bytes) => {
        await readOrRefuse('x', Buffer.from(bytes));
      }),
      settings(150),
    );
  });

  it('random text, with tabs and blank lines as tables are written, is always read as a document', async () => {
    const line = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\t', '\t序号', '\t1', '', '续表', '表1 指标', '第一章 总则', '一、任务', '（一）目标', '[bookmark: _Toc1]', '\t一、工程（3项1亿元）'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 60 }), async (ls) => {
        const text = ls.join('\n');
        const r = await readOrRefuse('plan.txt', Buffer.from(text, 'utf8'));
        if (text.trim() !== '' && !/[\u0000-\u0008\u000e-\u001f]/.test(text)) expect(r).toBe('read');
      }),
      settings(200),
    );
  });

  it('a .docx with its XML mutated: a document or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), XML_BITS), { minLength: 1, maxLength: 4 }), async (edits) => {
        let xml = documentXml;
        for (const [at, cut, bit] of edits) {
          const p = at % (xml.length + 1);
          xml = xml.slice(0, p) + bit + xml.slice(p + cut);
        }
        await readOrRefuse('plan.docx', withPart(docx, 'word/document.xml', xml));
      }),
      settings(150),
    );
  });

  it('a .docx cut short or with bytes flipped: a document or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }), fc.boolean(), async (cut, flips, truncate) => {
        const data = Buffer.from(docx);
        for (const [at, x] of flips) data[at % data.length]! ^= x;
        await readOrRefuse('plan.docx', truncate ? data.subarray(0, cut % data.length) : data);
      }),
      settings(150),
    );
  });

  it('a PDF cut short or with bytes flipped: a document or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }), fc.boolean(), async (cut, flips, truncate) => {
        const data = Buffer.from(pdf);
        for (const [at, x] of flips) data[at % data.length]! ^= x;
        await readOrRefuse('plan.pdf', truncate ? data.subarray(0, Math.max(9, cut % data.length)) : data);
      }),
      settings(60),
    );
  });

  it('refuses a zip bomb by its unpacked size, and 10,000-deep XML by its depth, quickly', async () => {
    const parts = unzipOffice(docx);
    const huge = Buffer.alloc(LIMITS.unpackedBytes + 1024 * 1024, 0x20);
    expect(deflateRawSync(huge).length).toBeLessThan(200_000);
    const bomb = zip([...[...parts].filter(([n]) => n !== 'word/document.xml').map(([name, data]) => ({ name, data })), { name: 'word/document.xml', data: huge, declaredSize: 1000 }]);
    const started = Date.now();
    const e1 = await readPlanDocument('bomb.docx', bomb).catch((e: unknown) => e);
    expect((e1 as PlanDocumentError).reason).toBe('tooLarge');
    expect((e1 as Error).message).toMatch(/上限/);

    const deep = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p>'.repeat(10_000)}${'</w:p>'.repeat(10_000)}</w:body></w:document>`;
    const e2 = await readPlanDocument('deep.docx', withPart(docx, 'word/document.xml', deep)).catch((e: unknown) => e);
    expect((e2 as PlanDocumentError).reason).toBe('tooDeep');
    expect((e2 as Error).message).toMatch(/嵌套/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads a cell of 200,000 lines without overflowing the stack', async () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc>${'<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(200_000)}</w:tc></w:tr></w:tbl></w:body></w:document>`;
    const d = await readPlanDocument('big.docx', withPart(docx, 'word/document.xml', xml));
    expect(d.lines).toHaveLength(200_000);
  });

  it('refuses what is too large, empty, an old .doc, an encrypted .docx, or binary', async () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.alloc(LIMITS.planDocumentBytes + 1, 0x41), 'tooLarge'],
      [Buffer.from(' \n\t\n'), 'empty'],
      [Buffer.alloc(LIMITS.planDocumentLines + 1, 0x0a).fill(0x41, 0, 1), 'tooLarge'],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'oldWord'],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le')]), 'encrypted'],
      [Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), 'notDocument'],
    ];
    for (const [data, reason] of cases) {
      const e = await readPlanDocument('plan', data).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PlanDocumentError);
      expect((e as PlanDocumentError).reason).toBe(reason);
    }
  });
});
