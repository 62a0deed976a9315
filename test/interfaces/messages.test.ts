// What a person reads comes from the catalogues (src/i18n/*.zh-CN.ts with an English twin in *.en.ts), never
// from a Chinese string written into the code. This reads every source file outside src/i18n/ as TypeScript
// and fails on a string or template literal holding Chinese characters, naming the file and line; comments
// are not literals and pass. What stays is listed below, each with why: the words the code must recognise in
// documents and data files, which are compared against what a plan prints, not shown as a message.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { entryHint } from '../../src/app/dataEntry.ts';
import { runCli } from '../../src/cli/run.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Files that may hold Chinese literals anywhere, and why. */
const ALLOWED_FILES: Record<string, string> = {
  'src/domain/vocabulary.ts': 'the words of requirements and printed values the engine recognises (提高, 不降低, 已建立 …)',
  'src/domain/phrase.ts': 'the requirement language: the phrases of the plans\' indicator tables it parses',
  'src/domain/types.ts': 'the data words as types (flags 抽样/代用…, region levels, terrain)',
  'src/domain/evaluate.ts': 'words a printed value may state a requirement met with (满足, 达标, 符合)',
  'src/domain/aqi.ts': 'the categories of HJ 633 (优, 良, 轻度污染 …): the standard\'s own words, printed by `ecociv aqi` as its contract says',
  'src/domain/waterClass.ts': 'GB 3838\'s class 劣Ⅴ and its unit 个/L: the standard\'s notation, printed by `ecociv water-class` as its contract says',
  // the readers of plan documents: the words, headings, units and numerals of Chinese plans they recognise (第X章,
  // 表N, 续表, 合计, 亿元, 现状值, 牵头单位 …); their messages are in the planDocument/planIndicators/planContent catalogues
  'src/domain/planImport/textForm.ts': 'the heading forms of Chinese plans (第X章, 一、, （一）)',
  'src/domain/planImport/contentText.ts': 'Chinese numerals, 亿元/万元, year ranges (2022—2028年) as plans print them',
  'src/domain/planImport/planInfo.ts': 'the phrases plans state their period, base year, phases and office in (规划时限为…, 基准年, 建设期)',
  'src/domain/planImport/projects.ts': 'the header words and group rows of project tables (项目名称, 投资（万元）, 合计, 一、…（31项20.5亿元）)',
  'src/domain/planImport/proseTargets.ts': 'the phrases of targets in running text (到2025年, 达到, 以上) and chapter headings',
  'src/domain/planImport/tasks.ts': 'chapter numerals and the title words of task chapters (重点任务, 建设, 构建)',
  'src/domain/planImport/extract.ts': 'the verbs a target states a level with (达到, 突破) and the units of levels',
  'src/domain/planImport/layout.ts': 'the layout words every plan reader recognises (第X章, 一、, 表N, 续表, header words such as 序号 and 责任单位) and the Chinese numerals Word prints for numbered paragraphs: words of the documents, never shown',
  'src/domain/monitoringColumns.ts': 'the column headers and cell words of the platforms\' monitoring exports it recognises (站点名称, 溶解氧, 国控, 河流, 无效 …): data words, never shown as a message',
  'src/data/schema.ts': 'the data files\' schema: the enumerations of words the files use (约束性, 稳定达标, 确保 …)',
  'src/store/migrations.ts': 'CHECK constraints on the same data words (region level, terrain)',
  'src/reports/render/radicals.ts': 'a table of Kangxi radicals and their ideographs (for PDF text extraction), not text',
  'src/reports/render/docx.ts': 'the Chinese font names of Word (宋体, 黑体); its heading 目录 is the reports\' own to move (src/reports/ is another part)',
  'src/reports/render/html.ts': 'its heading 目录 is the reports\' own to move (src/reports/ is another part)',
  'src/reports/format.ts': 'the Chinese numerals (一二三 …) of chapter numbers: a number format, not a message',
  // Owned by other work in this round; their messages go to the catalogues when it is merged (keys are ready:
  // entry.error.* in src/i18n/entry.*.ts for recordObservations.ts; assess.ts builds labels "… 第N项 …").
  'src/store/recordObservations.ts': 'the flag words a figure may carry (抽样, 代用, 估算, 往年): data words; its refusals are in entry.error.*',
  'src/domain/assess.ts': 'to move: the indicator labels "… 第N项 …" it puts into messages; 市 is a region level',
};

/** Words of the data files compared against data, allowed anywhere as a literal of their own. */
const DATA_WORDS = new Set([
  ...['抽样', '代用', '估算', '往年'], // observation flags
  ...['省', '市', '区县', '乡镇街道'], // region levels
  ...['山区', '丘陵', '平原'], // terrain
  ...['稳定达标', '预计可达标', '不确定', '达标难度较大'], // the plans' own achievability classes
  ...['约束性', '参考性', '预期性'], // indicator attributes
]);

/**
 * The OpenAPI document's text: route summaries and shape descriptions in src/api/ and src/server/openapi.ts
 * are bilingual documentation for developers, with Chinese examples of the values a field holds.
 */
function isApiDocumentation(file: string, node: ts.Node): boolean {
  if (!file.startsWith('src/api/') && file !== 'src/server/openapi.ts') return false;
  const parent = node.parent;
  if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'describe') return true;
  return ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && ['summary', 'description'].includes(parent.name.text) && parent.initializer === node;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** Every Chinese literal of a source text that the rules above do not allow, as "file:line: text". */
export function chineseLiterals(file: string, text: string): string[] {
  if (file.startsWith('src/i18n/') || ALLOWED_FILES[file]) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const literal = node.text;
      const whole = ts.isTemplateHead(node) ? node.parent : node;
      if (HAN.test(literal) && !DATA_WORDS.has(literal) && !isApiDocumentation(file, whole)) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        const shown = literal.replace(/\n/g, ' ');
        found.push(`${file}:${line + 1}: ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no Chinese messages written into the code', () => {
  it('every Chinese literal in src/ is a word the code recognises in documents; messages are in the catalogues', () => {
    const found = sources(join(ROOT, 'src')).flatMap((p) => chineseLiterals(relative(ROOT, p), readFileSync(p, 'utf8')));
    expect(found).toEqual([]);
  });

  it('names the file and line of a message written into the code, and lets comments and data words pass', () => {
    const text = ["// 注释里的中文可以", "const flag = '往年';", "throw new Error(`规划“${id}”不存在`);"].join('\n');
    expect(chineseLiterals('src/app/example.ts', text)).toEqual(['src/app/example.ts:3: 规划“', 'src/app/example.ts:3: ”不存在']);
  });

  it('every allowed file exists, so the list does not outlive what it excuses', () => {
    expect(Object.keys(ALLOWED_FILES).filter((f) => !statSync(join(ROOT, f), { throwIfNoEntry: false }))).toEqual([]);
  });
});

describe('the messages moved keep their Chinese and have an English twin', () => {
  /** Run a command line that is refused before any store is opened; what it wrote to stderr. */
  const refusal = async (...argv: string[]) => {
    const err: string[] = [];
    const code = await runCli(argv, { out: () => undefined, err: (x) => err.push(x), cwd: ROOT, password: async () => '' });
    return { code, text: err.join('\n') };
  };

  it('a command line refused says so in Chinese, or in English with --lang en, with the help in the same language', async () => {
    const zh = await refusal('confirm', 'wushan-demo-county');
    expect(zh.code).toBe(2);
    expect(zh.text).toMatch(/^请指定规划、指标体系、序号和 --year。\n\necociv — 生态文明建设规划的数据化评估/);
    expect(zh.text).toContain('ecociv backup <文件>');
    const en = await refusal('confirm', 'wushan-demo-county', '--lang', 'en');
    expect(en.text).toMatch(/^Give the plan, the framework, the indicator number and --year\.\n\necociv — ecological-civilization plans as data/);
    expect(en.text).toContain('ecociv backup <file>');
    expect(en.text).not.toMatch(HAN);
    expect((await refusal('report', 'wushan-demo-county', '--kind', 'annual', '--lang', 'en')).text).toMatch(/^Give the output file with --out/);
  });

  it('the entry form says what a field expects, in Chinese, and in English naming the words to type', () => {
    expect(entryHint(undefined, '%')).toBe('数值（单位%，0–100），或区间如“大于90”；无数据填“-”');
    expect(entryHint(undefined, '万元')).toBe('数值（单位万元），或区间如“大于10”；无数据填“-”');
    expect(entryHint(undefined, '万元', 'en')).toBe('a number (in 万元), or a range such as 大于10 (above 10); "-" when there is no figure');
  });
});
