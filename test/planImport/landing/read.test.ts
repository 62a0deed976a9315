// Reading an upload's bytes (src/app/planImport.ts readDocument): the bounds checked before anything is read; text
// (UTF-8, or GB18030 as Chinese Windows saves it) and .docx read into the document model; bytes that are no
// document refused in Chinese saying why.
import { describe, expect, it } from 'vitest';
import { cannotRead, documentIdOf, readDocument } from '../../../src/app/planImport.ts';
import { LIMITS } from '../../../src/domain/limits.ts';

const refusal = async (name: string, data: Buffer) => {
  const e = await readDocument(name, data).then(() => null, (err: unknown) => err);
  expect(cannotRead(e)).toBe(true);
  return (e as Error).message;
};

describe('readDocument', () => {
  it('refuses by size before reading, and an empty file', async () => {
    expect(await refusal('大.txt', Buffer.alloc(LIMITS.planDocumentBytes + 1, 0x41))).toBe('文件“大.txt”有 30.1 MB，超过规划文件的上限 30 MB，未读取。');
    expect(await refusal('空.txt', Buffer.alloc(0))).toBe('文件“空.txt”中没有文字，不是一份规划文件。');
  });

  it('reads UTF-8 text (a BOM dropped) into lines and blocks', async () => {
    const doc = await readDocument('folder/规划.txt', Buffer.from('\uFEFF某县生态文明建设规划\n\n第一章 总则\n', 'utf8'));
    expect(doc).toMatchObject({ name: '规划.txt', format: 'text' });
    expect(doc.lines.slice(0, 3)).toEqual(['某县生态文明建设规划', '', '第一章 总则']);
    expect(documentIdOf(Buffer.from('a'))).toBe(documentIdOf(Buffer.from('a')));
    expect(documentIdOf(Buffer.from('a'))).not.toBe(documentIdOf(Buffer.from('b')));
  });

  it('reads GB18030 text and a .docx; refuses bytes that are no document, saying why', async () => {
    const gb = Buffer.from([0xb9, 0xe6, 0xbb, 0xae, 0x0a]); // 规划 in GB18030
    expect((await readDocument('gbk.txt', gb)).lines[0]).toBe('规划');
    const { planDocx } = await import('../../helpers/planDocx.ts');
    const { parseTextForm } = await import('../../../src/domain/planImport/textForm.ts');
    const docx = await planDocx(parseTextForm('x.txt', '某县生态文明建设规划\n\n第一章 总则\n'));
    expect(await readDocument('规划.docx', docx)).toMatchObject({ format: 'docx' });
    expect(await refusal('bin.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x9c, 0x00]))).toMatch(/不是|无法/);
  });
});
