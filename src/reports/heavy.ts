// The report code with the libraries that take seconds and a hundred MB or more to load (playwright-core,
// pdfjs-dist, echarts, docx, resvg, exceljs): loaded on first use through ./onDemand.ts, never at start.
export { formatOfFile, generateReport, kindName, ReportError, reportYear, requireKind } from './generate.ts';
export { writeAllReports } from './generateAll.ts';
export { ChromiumMissingError, SharedPrinter } from './render/pdf.ts';
export { scorecardWorkbook } from './scorecardXlsx.ts';
