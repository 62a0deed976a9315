// Reading an import sheet (not a test): exceljs, as src/exchange/sheet.ts reads one, against a small reader
// made of fflate (unzip) and a scan of the sheet's XML — the measured half of the decision whether to keep
// exceljs (see the README's security model). Each reading runs in a child process of its own, so that its
// peak memory is its own; the time is the median of 7 readings after 2 to warm up.
//   node --import tsx bench/xlsx-read.ts [rows ...]        (default: 80 and 5000 rows of the progress template)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Reader = 'exceljs' | 'fflate';

/** The cells of the first sheet as text rows, the way an importer needs them (header found by the caller). */
async function readWith(reader: Reader, data: Buffer): Promise<string[][]> {
  if (reader === 'exceljs') {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const out: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: string[] = [];
      ws.getRow(r).eachCell({ includeEmpty: true }, (c) => row.push(c.value === null || c.value === undefined ? '' : String(c.value)));
      out.push(row);
    }
    return out;
  }
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array(data), { filter: (f) => f.name === 'xl/sharedStrings.xml' || f.name === 'xl/worksheets/sheet1.xml' });
  const decode = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
  const shared = [...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const out: string[][] = [];
  for (const row of xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = [];
    for (const c of row[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
      const inline = /<is>([\s\S]*?)<\/is>/.exec(c[3] ?? '')?.[1];
      cells[col] = / t="s"/.test(c[2]!) && v !== undefined ? shared[Number(v)]! : inline ? decode(inline.replace(/<[^>]+>/g, '')) : decode(v ?? '');
    }
    out.push(Array.from(cells, (x) => x ?? ''));
  }
  return out;
}

/** A filled progress template of n rows, made with the product's own sheet writer. */
async function sheetOf(rows: number): Promise<Buffer> {
  const { addRow, addSheet, newWorkbook, toBuffer } = await import('../src/exchange/sheet.ts');
  const { PROGRESS_COLUMNS } = await import('../src/exchange/progressWorkbook.ts');
  const wb = newWorkbook();
  const ws = addSheet(wb, '项目进度', '巫山县生态文明建设示范县创建规划 项目进度报表（2024年第1季度）', PROGRESS_COLUMNS, 'zh-CN');
  for (let i = 1; i <= rows; i++) {
    addRow(ws, PROGRESS_COLUMNS, {
      project: String(i), name: `第${i}号 乡镇污水管网雨污分流改造提升工程`, leadUnits: ['县住房城乡建委', '县生态环境局'], investmentWan: 1000 + i,
      period: '2024-Q1', investmentPeriodWan: (i % 97) + 0.5, investmentCumulativeWan: 500 + i, physicalPercent: i % 100, status: '在建',
      milestones: '完成主体工程，管网敷设约 2.3 km', problems: '征地协调进度偏慢', measures: '县政府专题会议协调', reportingUnit: '县住房城乡建委', reportedBy: '张三', reportedOn: '2024-04-05',
    });
  }
  return toBuffer(wb);
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  // one reader, one file: time of each reading, and the process's peak memory
  const [, reader, file] = args as [string, Reader, string];
  const data = readFileSync(file);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    rows = (await readWith(reader, data)).length;
    if (i >= 2) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ rows, ms: times[Math.floor(times.length / 2)], maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ecociv-bench-xlsx-'));
  try {
    console.log('| rows | file | reader | median read | peak memory (process) | same cells |');
    console.log('|---|---|---|---|---|---|');
    for (const n of (args.length > 0 ? args : ['80', '5000']).map(Number)) {
      const data = await sheetOf(n);
      const file = join(dir, `${n}.xlsx`);
      writeFileSync(file, data);
      const same = JSON.stringify((await readWith('exceljs', data)).slice(1).map((r) => r.filter(Boolean))) === JSON.stringify((await readWith('fflate', data)).slice(1).map((r) => r.filter(Boolean)));
      for (const reader of ['exceljs', 'fflate'] as const) {
        const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', reader, file], { encoding: 'utf8' })) as { rows: number; ms: number; maxRssMb: number };
        console.log(`| ${n} | ${(data.length / 1024).toFixed(0)} KB | ${reader} | ${out.ms.toFixed(1)} ms | ${out.maxRssMb.toFixed(0)} MB | ${same ? 'yes' : 'NO'} |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
