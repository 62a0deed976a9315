// A monitoring file into the store, then the figures that depend on it: the one use case behind
// `ecociv monitoring import` and the web's upload, so that both recompute the linked indicators alike.
import type { Actor } from '../auth/roles.ts';
import type { Db } from '../store/db.ts';
import { importMonitoringFile, type ImportResult } from '../store/monitoringImport.ts';
import { getPlan } from '../store/queries.ts';
import { recomputeAfterImport } from './monitoringFigures.ts';

export type MonitoringImportInput = Parameters<typeof importMonitoringFile>[1];

/**
 * importMonitoringData(db, input, actor) → what landed (ImportResult). The file is written in one transaction
 * (importMonitoringFile); the figures of every plan of the region linked to those stations and years are then
 * recomputed (recomputeAfterImport), each in its own transaction.
 */
export async function importMonitoringData(db: Db, input: MonitoringImportInput, actor: Actor): Promise<ImportResult> {
  const result = await importMonitoringFile(db, input, actor);
  if (result.kind !== 'stations' && result.stationIds.length > 0 && result.years.length > 0) {
    const plan = await getPlan(db, input.planId);
    if (plan) await recomputeAfterImport(db, plan.regionId, result.stationIds, result.years, actor);
  }
  return result;
}
