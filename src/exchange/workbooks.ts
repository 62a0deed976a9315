// The workbooks of the import and export commands and routes, in one module loaded only when one is read or
// written (src/cli/tracking.ts, src/server/trackingRoutes.ts): exceljs takes a third of a second to load.
export { departmentsWorkbook } from './departmentsWorkbook.ts';
export { checkProgressWorkbook, importProgressWorkbook, progressWorkbook } from './progressWorkbook.ts';
export { importProjectsWorkbook, projectsWorkbook } from './projectsWorkbook.ts';
export { importWorkPlanWorkbook, workPlanWorkbook } from './workPlanWorkbook.ts';
