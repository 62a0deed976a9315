// The seed documents in text form, read as PlanDocuments, and the built-in plans they were transcribed into.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type LoadedPlan } from '../../../src/data/load.ts';
import type { PlanDocument } from '../../../src/domain/planImport/document.ts';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';
import type { ExtractContext } from '../../../src/domain/planImport/types.ts';
import { SEEDS_DIR } from '../../data/seed-text.ts';

const docs = new Map<string, PlanDocument>();

export function seedDocument(id: string): PlanDocument {
  const cached = docs.get(id);
  if (cached) return cached;
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`seed ${id} not found in ${SEEDS_DIR}`);
  const doc = parseTextForm(file, readFileSync(join(SEEDS_DIR, file), 'utf8'));
  docs.set(id, doc);
  return doc;
}

let catalog: ReturnType<typeof loadCatalog> | undefined;
export function builtin(documentId: string): LoadedPlan {
  catalog ??= loadCatalog();
  const plan = catalog.plans.find((p) => p.plan.document.id === documentId);
  if (!plan) throw new Error(`no built-in plan for document ${documentId}`);
  return plan;
}

export function builtinFrameworks() {
  catalog ??= loadCatalog();
  return catalog.frameworks;
}

export function ctxFor(documentId: string): ExtractContext {
  return { documentId, builtinFrameworks: [] };
}
