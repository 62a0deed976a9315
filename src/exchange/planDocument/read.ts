// Reading a plan document, whatever its format: chosen by the file's content, not its name (.docx by the zip
// signature, .pdf by "%PDF", else the text form as UTF-8, or GB18030 when the bytes are not UTF-8). Every
// refusal is a PlanDocumentError that says why in Chinese. The PDF reader (pdf.js) is loaded only when a
// PDF comes.
import type { PlanDocument } from '../../domain/planImport/document.ts';
import { parseTextForm } from '../../domain/planImport/textForm.ts';
import { LIMITS } from '../../domain/limits.ts';
import { t } from '../../i18n/index.ts';
import { ArchiveError } from '../archive.ts';
import { readDocx } from './docx.ts';
import { PlanDocumentError, type PlanDocumentReason } from './errors.ts';

export { PlanDocumentError } from './errors.ts';

const MB = 1024 * 1024;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** an encrypted .docx is an OLE container holding a stream of this name (UTF-16LE) */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** the archive's refusal as the document's: its words kept, its reason said as a plan document's */
function fromArchive(e: ArchiveError, name: string): PlanDocumentError {
  const reason: PlanDocumentReason = e.reason === 'limits.archive.encrypted' ? 'encrypted' : e.reason === 'limits.archive.unpacked' || e.reason === 'limits.archive.entries' ? 'tooLarge' : 'damaged';
  return new PlanDocumentError(t('planDocument.archive', { name, detail: e.message }), reason);
}

/** Text bytes as a string: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030; undefined for binary. */
function decodeText(data: Buffer): string | undefined {
  let text: string;
  if (data[0] === 0xff && data[1] === 0xfe) text = new TextDecoder('utf-16le').decode(data.subarray(2));
  else if (data[0] === 0xfe && data[1] === 0xff) text = new TextDecoder('utf-16be').decode(data.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(data);
      } catch {
        return undefined;
      }
    }
  }
  // control characters other than tab, line breaks and form feed do not occur in text
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (control > Math.max(8, text.length / 1000)) return undefined;
  return text.replace(/^\uFEFF/, '');
}

/** Reads a plan document; throws PlanDocumentError (in Chinese, with its reason) when it cannot be read. */
export async function readPlanDocument(name: string, data: Buffer): Promise<PlanDocument> {
  if (data.length > LIMITS.planDocumentBytes) {
    throw new PlanDocumentError(t('planDocument.tooLarge', { name, size: Math.ceil(data.length / MB), max: LIMITS.planDocumentBytes / MB }), 'tooLarge');
  }
  if (data.length === 0 || data.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) throw new PlanDocumentError(t('planDocument.empty', { name }), 'empty');
  const head = data.subarray(0, 8);
  if (head.subarray(0, 4).equals(ZIP) || head.subarray(0, 4).equals(ZIP_EMPTY)) {
    try {
      return readDocx(name, data);
    } catch (e) {
      if (e instanceof ArchiveError) throw fromArchive(e, name);
      throw e;
    }
  }
  if (head.equals(OLE)) {
    if (data.includes(ENCRYPTED_PACKAGE)) throw new PlanDocumentError(t('planDocument.encryptedOffice', { name }), 'encrypted');
    throw new PlanDocumentError(t('planDocument.oldWord', { name }), 'oldWord');
  }
  // "%PDF-" at the start, or within the first KB of a file that ends as a PDF does (readers of PDF allow junk before it)
  const pdfAt = data.subarray(0, 1024).indexOf('%PDF-');
  if (pdfAt === 0 || (pdfAt > 0 && data.subarray(Math.max(0, data.length - 2048)).includes('startxref'))) {
    const { readPdf } = await import('./pdf.ts');
    return readPdf(name, data);
  }
  const text = decodeText(data);
  if (text === undefined) throw new PlanDocumentError(t('planDocument.notDocument', { name }), 'notDocument');
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > LIMITS.planDocumentLines) {
    throw new PlanDocumentError(t('planDocument.tooManyLines', { name, count: lines.toLocaleString('en-US'), max: LIMITS.planDocumentLines.toLocaleString('en-US') }), 'tooLarge');
  }
  return parseTextForm(name, text);
}
