// What the report command needs, in one module that src/cli/run.ts loads only for that command.
export { formatOfFile, generateReport, kindName, ReportError, requireKind } from '../reports/generate.ts';
export { writeAllReports } from '../reports/generateAll.ts';
export { ChromiumMissingError, SharedPrinter } from '../reports/render/pdf.ts';
