// The workbooks of `ecociv import` and `export`, in one module that src/cli/tracking.ts loads only for those
// commands: exceljs takes a third of a second to load.
export { departmentsWorkbook } from '../exchange/departmentsWorkbook.ts';
export { importProgressWorkbook, progressWorkbook } from '../exchange/progressWorkbook.ts';
export { importProjectsWorkbook, projectsWorkbook } from '../exchange/projectsWorkbook.ts';
export { importWorkPlanWorkbook, workPlanWorkbook } from '../exchange/workPlanWorkbook.ts';
