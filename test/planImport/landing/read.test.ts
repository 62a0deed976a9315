// Reading an upload's bytes (src/app/planImport.ts readDocument): the bounds checked before anything is read, and
// — until the readers of .docx and .pdf are plugged in at the marked place — the text form only: UTF-8 text read
// into the document model; other bytes refused in Chinese saying why. The text-only cases go when the readers land.
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

  it('(text form only, until the readers land) refuses other bytes, saying why', async () => {
    expect(await refusal('gbk.txt', Buffer.from([0xb9, 0xe6, 0xbb, 0xae]))).toContain('不是 UTF-8 编码的文本');
    expect(await refusal('bin.txt', Buffer.from('ab\u0000cd'))).toContain('含有非文字内容');
  });
});
