// Reading a plan document into a pending import, as the command line and the web do it: the file's bytes are
// read into a PlanDocument (the one place the reader is chosen), the extraction reads the plan out of it,
// and the store keeps it for review (src/store/planImports.ts). Nothing of the plan lands here.
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/roles.ts';
import type { PlanDocument } from '../domain/planImport/document.ts';
import { extractPlan } from '../domain/planImport/extract.ts';
import type { ExtractedPlan } from '../domain/planImport/types.ts';
import { LIMITS } from '../domain/limits.ts';
import { t } from '../i18n/index.ts';
import type { Db, Queryable } from '../store/db.ts';
import { builtinFrameworks, createPlanImport, type PlanImportRecord } from '../store/planImports.ts';
/** A document refused before it is read (too large, not text, empty): its message says why, in Chinese. */
export class PlanDocumentRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanDocumentRefused';
  }
}

/** Is this error a refusal of the document (said to the user), rather than a fault? */
export const cannotRead = (e: unknown): e is Error => e instanceof PlanDocumentRefused || (e instanceof Error && e.name === 'PlanDocumentError');

const sizeMb = (n: number) => Math.ceil((n / 1024 / 1024) * 10) / 10;

/**
 * Read a file's bytes into a plan document: .docx, .pdf with a text layer, or the text form (UTF-8, UTF-16 or
 * GB18030), chosen by content (src/exchange/planDocument/read.ts); what cannot be read is refused in words
 * (PlanDocumentError, or PlanDocumentRefused for the checks made here first).
 */
export async function readDocument(name: string, data: Buffer): Promise<PlanDocument> {
  const file = name.replace(/^.*[\\/]/, '') || t('planImport.file.unnamed');
  if (data.length > LIMITS.planDocumentBytes) throw new PlanDocumentRefused(t('planImport.error.tooLarge', { file, mb: sizeMb(data.length), max: sizeMb(LIMITS.planDocumentBytes) }));
  if (data.length === 0) throw new PlanDocumentRefused(t('planImport.error.empty', { file }));
  const { readPlanDocument } = await import('../exchange/planDocument/read.ts');
  const doc = await readPlanDocument(file, data);
  if (doc.lines.length > LIMITS.planDocumentLines) throw new PlanDocumentRefused(t('planImport.error.tooManyLines', { n: doc.lines.length, max: LIMITS.planDocumentLines }));
  return doc;
}

/** The id an upload's sources cite: stable for the same bytes, so a document read twice is cited alike. */
export function documentIdOf(data: Buffer): string {
  return `doc-${createHash('sha256').update(data).digest('hex').slice(0, 10)}`;
}

export interface ReadPlan {
  doc: PlanDocument;
  extracted: ExtractedPlan;
  documentId: string;
}

/** Read and extract, without storing: what `--dry-run` prints and what an upload keeps. */
export async function readPlan(db: Queryable, name: string, data: Buffer, onProgress: (step: string) => void = () => undefined): Promise<ReadPlan> {
  const file = name.replace(/^.*[\\/]/, '');
  onProgress(t('planImport.progress.reading', { file, kb: Math.ceil(data.length / 1024) }));
  const doc = await readDocument(name, data);
  onProgress(t('planImport.progress.read', { lines: doc.lines.length, tables: doc.blocks.filter((b) => b.kind === 'table').length }));
  const documentId = documentIdOf(data);
  const extracted = extractPlan(doc, { documentId, builtinFrameworks: await builtinFrameworks(db) });
  onProgress(t('planImport.progress.extracted'));
  return { doc, extracted, documentId };
}

/** Read a document and keep its extraction as a pending import. */
export async function uploadPlanDocument(db: Db, name: string, data: Buffer, actor: Actor, onProgress?: (step: string) => void): Promise<PlanImportRecord> {
  const r = await readPlan(db, name, data, onProgress);
  return createPlanImport(db, { fileName: r.doc.name, format: r.doc.format, documentId: r.documentId, lines: r.doc.lines, extracted: r.extracted }, actor);
}
