// The registry workbook's sheets and columns, and how a sheet is named in a refusal: apart from the workbook reader,
// so that the store and the command line know them without loading exceljs.
import { t } from '../i18n/index.ts';
import type { SheetRow } from './sheet.ts';

export type RegistryTable = 'sources' | 'outlets' | 'devices' | 'pollutants';
export const REGISTRY_TABLES: readonly RegistryTable[] = ['sources', 'outlets', 'devices', 'pollutants'];

/** The columns of each sheet: the entry field, and whether the sheet must have it. Headers: `gateway.col.<field>`. */
export const REGISTRY_COLUMNS: Record<RegistryTable, Array<{ field: string; required?: boolean; width: number }>> = {
  sources: [
    { field: 'name', required: true, width: 28 },
    { field: 'creditCode', required: true, width: 22 },
    { field: 'address', width: 30 },
    { field: 'township', width: 12 },
    { field: 'grid', width: 12 },
    { field: 'responsibleUnit', width: 18 },
    { field: 'region', width: 12 },
  ],
  outlets: [
    { field: 'creditCode', required: true, width: 22 },
    { field: 'outletCode', required: true, width: 14 },
    { field: 'outletName', required: true, width: 20 },
    { field: 'outletKind', required: true, width: 10 },
  ],
  devices: [
    { field: 'mn', required: true, width: 28 },
    { field: 'password', required: true, width: 10 },
    { field: 'creditCode', required: true, width: 22 },
    { field: 'outletCode', required: true, width: 14 },
    { field: 'edition', width: 14 },
  ],
  pollutants: [
    { field: 'creditCode', required: true, width: 22 },
    { field: 'outletCode', required: true, width: 14 },
    { field: 'pollutantCode', required: true, width: 12 },
    { field: 'pollutantName', width: 14 },
    { field: 'limitValue', width: 10 },
    { field: 'unit', width: 10 },
    { field: 'averaging', required: true, width: 10 },
    { field: 'permitNumber', width: 24 },
  ],
};

/** The rows of the registry workbook, per sheet, with the sheet's name as the file has it. */
export type RegistryWorkbook = Record<RegistryTable, { sheet: string; rows: SheetRow[] } | null>;

export const sheetLabel = (sheet: string) => t('gateway.import.sheet', { sheet });
