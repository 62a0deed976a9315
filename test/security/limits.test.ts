// Issue #10, "bound everything a stranger can send": the outside probe's requests and their variants,
// replayed on both engines. Each is refused in Chinese, naming the value and the bound, and the store is
// exactly as before (every table's rows and their checksum). The zip bombs are made here, in memory.
import type { FastifyInstance } from 'fastify';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { LIMITS } from '../../src/domain/limits.ts';
import { ArchiveError, unpackOffice } from '../../src/exchange/archive.ts';
import { buildServer } from '../../src/server/app.ts';
import { checkJsonShape } from '../../src/server/limits.ts';
import { storeCounts } from '../../src/store/backup.ts';
import { createUser } from '../../src/store/users.ts';
import { signedIn, TEST_PASSWORD, type Inject } from '../helpers/api.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';

const PLAN = 'wushan-demo-county';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CHINESE = /[\u4e00-\u9fff]/;
const MB = 1024 * 1024;

/** A zip record: its signature, then 16- and 32-bit fields at their offsets. */
function record(signature: number, length: number, fields: Array<[number, 16 | 32, number]>): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  for (const [at, bits, v] of fields) if (bits === 16) b.writeUInt16LE(v, at);
  else b.writeUInt32LE(v, at);
  return b;
}

/** A zip as Office writes one; `declared` makes the directory state another unpacked size (a lie). */
function zip(parts: Array<{ name: string; data: Buffer | string; declared?: number }>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.from(p.data);
    const packed = deflateRawSync(data);
    const name = Buffer.from(p.name);
    const [crc, size] = [crc32(data), p.declared ?? data.length];
    chunks.push(record(0x04034b50, 30, [[4, 16, 20], [8, 16, 8], [14, 32, crc], [18, 32, packed.length], [22, 32, size], [26, 16, name.length]]), name, packed);
    central.push(record(0x02014b50, 46, [[4, 16, 20], [6, 16, 20], [10, 16, 8], [16, 32, crc], [20, 32, packed.length], [24, 32, size], [28, 16, name.length], [42, 32, offset]]), name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  return Buffer.concat([...chunks, dir, record(0x06054b50, 22, [[8, 16, parts.length], [10, 16, parts.length], [12, 32, dir.length], [16, 32, offset]])]);
}

const CONTENT_TYPES = { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' };
const workbookOf = (sheet: Buffer | string, declared?: number) =>
  zip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(declared !== undefined ? { declared } : {}) }]);
const rowsXml = (rows: number, cellsPerRow = 1, text = '1') =>
  `<worksheet><sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${`<c t="inlineStr"><is><t>${text}</t></is></c>`.repeat(cellsPerRow)}</row>`).join('')}</sheetData></worksheet>`;

// The probe's spreadsheet: one sheet, rows of 5 KB; here 60 MB unpacked (over the 50 MB bound) in about 60 KB.
const BIG_SHEET = Buffer.from(`<worksheet><sheetData>${`<row><c t="inlineStr"><is><t>${'x'.repeat(5000)}</t></is></c></row>`.repeat(12_300)}</sheetData></worksheet>`);
const BOMBS: Record<string, { file: Buffer; says: RegExp }> = {
  // the directory tells the truth (1.5 GB, like the probe's): refused from the directory alone
  'a directory declaring 1.5 GB': { file: workbookOf('<worksheet/>', 1500 * MB), says: /解压后超过 50 MB 的上限/ },
  // the directory lies (1 KB): refused while inflating, once 50 MB is passed
  'a directory lying about 60 MB': { file: workbookOf(BIG_SHEET, 1024), says: /解压后超过 50 MB 的上限/ },
  // small unpacked, but more rows or cells than any county sheet
  'more rows than the bound': { file: workbookOf(rowsXml(LIMITS.sheetRows + 1)), says: new RegExp(`共有 ${LIMITS.sheetRows + 1} 行，超过 ${LIMITS.sheetRows} 行的上限`) },
  'more cells than the bound': { file: workbookOf(rowsXml(1000, 201)), says: new RegExp(`共有 201000 个单元格，超过 ${LIMITS.sheetCells} 个的上限`) },
};

/** Tables whose rows a request updates rather than adds to. */
const CHANGED_IN_PLACE = ['drafts', 'plan_settings', 'observations', 'project_progress', 'work_items', 'supervision_notices', 'publications'];

interface Api {
  app: FastifyInstance;
  store: TestStore;
  inject: Inject;
  /** every table's row count, and the rows of the tables a request could change in place */
  snapshot(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

async function startOn(engine: (typeof ENGINES)[number]): Promise<Api> {
  const store = await openTestStore(engine);
  const app = buildServer(store.db, { auth: { failureDelayMs: 0 } });
  await app.ready();
  await createUser(store.db, { username: 'office', displayName: 'office', password: TEST_PASSWORD, roles: [{ role: 'admin' }] }, SYSTEM_ACTOR);
  const inject = await signedIn(app.inject.bind(app) as Inject, 'office');
  return {
    app,
    store,
    inject,
    async snapshot() {
      const rows: Record<string, unknown> = {};
      for (const table of CHANGED_IN_PLACE)
        rows[table] = (await store.db.query<{ h: string | null }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${table} t`)).rows[0]!.h;
      return { counts: await storeCounts(store.db), rows };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** The words of a refusal as a person sees them: the message and each problem's message. */
function words(r: { statusCode: number; json(): unknown }): string {
  const e = (r.json() as { error?: { message?: string; problems?: Array<{ message: string }> } }).error;
  return [e?.message ?? '', ...(e?.problems ?? []).map((p) => p.message)].join('\n');
}

describe('an Office file is checked as a zip before anything reads it', () => {
  const docx = (parts: Parameters<typeof zip>[0]) => zip([CONTENT_TYPES, { name: 'word/document.xml', data: '<w:document/>' }, ...parts]);
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ArchiveError);
      return (e as Error).message;
    }
    throw new Error('not refused');
  };
  it('refuses encryption, other compression methods, too many parts and a truncated file; reads a whole one', () => {
    const encrypted = docx([]);
    const dirAt = encrypted.readUInt32LE(encrypted.length - 6);
    encrypted.writeUInt16LE(1, dirAt + 8); // the first part's "encrypted" flag
    expect(refusal(() => unpackOffice(encrypted, 'docx'))).toMatch(/文件已加密/);
    const bzip = docx([]);
    bzip.writeUInt16LE(12, bzip.readUInt32LE(bzip.length - 6) + 10);
    expect(refusal(() => unpackOffice(bzip, 'docx'))).toMatch(/不支持的压缩方式/);
    const many = docx(Array.from({ length: LIMITS.archiveEntries }, (_, i) => ({ name: `word/media/${i}.xml`, data: '' })));
    expect(refusal(() => unpackOffice(many, 'docx'))).toMatch(new RegExp(`由 ${LIMITS.archiveEntries + 2} 个部件组成，超过 ${LIMITS.archiveEntries} 个的上限`));
    const whole = docx([]);
    expect(refusal(() => unpackOffice(whole.subarray(0, whole.length - 30), 'docx'))).toMatch(/找不到压缩包的目录/);
    expect(unpackOffice(whole, 'docx').map((p) => p.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });
});

describe.each(ENGINES)('bounds on what a caller can send (%s)', (engine) => {
  let api: Api;
  let reportId: number;
  let itemId: number;
  beforeAll(async () => {
    api = await startOn(engine);
    const r = await api.inject({ method: 'POST', url: '/api/progress', payload: { reports: [{ plan: PLAN, project: '1', period: '2024-Q1', investmentCumulativeWan: 100, status: '在建', reportedOn: '2024-04-10', backdateReason: '补报一季度' }] } });
    expect(r.statusCode, r.body).toBe(201);
    reportId = r.json().ids[0];
    const w = await api.inject({ method: 'POST', url: '/api/work-items', payload: { items: [{ plan: PLAN, year: 2024, title: '河道整治', leadUnit: '县水利局', deadline: '2024-12-31' }] } });
    expect(w.statusCode, w.body).toBe(201);
    itemId = w.json().ids[0];
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  /** Send, expect a refusal with this status whose words match, and the store unchanged. */
  async function refused(opts: Parameters<Inject>[0], status: number | number[], says: RegExp): Promise<string> {
    const before = await api.snapshot();
    const r = await api.inject(opts);
    expect([status].flat(), `${opts.method} ${opts.url}: ${r.statusCode} ${r.body.slice(0, 300)}`).toContain(r.statusCode);
    const text = words(r);
    expect(text).toMatch(CHINESE);
    expect(text).toMatch(says);
    expect(await api.snapshot()).toEqual(before);
    return text;
  }

  const UPLOADS = [
    { url: `/api/plans/${PLAN}/progress.xlsx`, type: XLSX },
    { url: `/api/plans/${PLAN}/progress.xlsx?check=1`, type: XLSX },
    { url: `/api/plans/${PLAN}/projects.xlsx`, type: XLSX },
    { url: `/api/plans/${PLAN}/work-plan.xlsx`, type: XLSX },
  ];

  it('a spreadsheet bomb is refused on every upload route, quickly, naming the bound', async () => {
    for (const [what, bomb] of Object.entries(BOMBS)) {
      for (const u of UPLOADS) {
        const started = Date.now();
        await refused({ method: 'POST', url: u.url, headers: { 'content-type': u.type }, payload: bomb.file }, 422, bomb.says);
        expect(Date.now() - started, `${what} → ${u.url}`).toBeLessThan(5000);
      }
      // the same file as an attachment (an .xlsx) is refused for its unpacked size too
      if (what.includes('GB') || what.includes('60 MB'))
        await refused({ method: 'POST', url: `/api/attachments?plan=${PLAN}&owner=progress&id=${reportId}&name=${encodeURIComponent('进度表.xlsx')}`, headers: { 'content-type': XLSX }, payload: bomb.file }, 422, bomb.says);
    }
  }, 60_000);

  it('a .docx that is only a PK header, or a zip without [Content_Types].xml, or a bomb, is not stored; a real one is', async () => {
    const url = (name: string) => `/api/attachments?plan=${PLAN}&owner=progress&id=${reportId}&name=${encodeURIComponent(name)}`;
    await refused({ method: 'POST', url: url('验收报告.docx'), headers: { 'content-type': DOCX }, payload: Buffer.from('PK\u0003\u0004') }, 422, /不是完整的 Office 文档（\.docx）：找不到压缩包的目录/);
    await refused({ method: 'POST', url: url('验收报告.docx'), headers: { 'content-type': DOCX }, payload: zip([{ name: 'word/document.xml', data: '<w:document/>' }]) }, 422, /缺少 Office 文档必有的部件 \[Content_Types\]\.xml/);
    await refused({ method: 'POST', url: url('验收报告.docx'), headers: { 'content-type': DOCX }, payload: zip([CONTENT_TYPES, { name: 'word/document.xml', data: '<w:document/>', declared: 1500 * MB }]) }, 422, /解压后超过 50 MB 的上限/);
    await refused({ method: 'POST', url: url('验收报告.docx'), headers: { 'content-type': DOCX }, payload: zip([CONTENT_TYPES, { name: 'word/document.xml', data: BIG_SHEET, declared: 2048 }]) }, 422, /解压后超过 50 MB 的上限/);
    const ok = await api.inject({ method: 'POST', url: url('验收报告.docx'), headers: { 'content-type': DOCX }, payload: zip([CONTENT_TYPES, { name: 'word/document.xml', data: '<w:document/>' }]) });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('file names with direction overrides or other invisible characters are refused', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    // U+202E shows "照片\u202Egnp.exe" as "照片exe.png"; the others hide or reorder text the same way
    for (const name of ['照片\u202Eexe.png', 'a\u202Db.png', '\u2066照片\u2069.png', '照片\u200F.png', '照\u200B片.png', '照片\uFEFF.png', '照片\u0085.png', '照片\u2028.png', '照片\u061C.png'])
      await refused({ method: 'POST', url: `/api/attachments?plan=${PLAN}&owner=progress&id=${reportId}&name=${encodeURIComponent(name)}`, headers: { 'content-type': 'image/png' }, payload: png }, 422, /看不见的控制字符或改变文字方向的字符/);
    const ok = await api.inject({ method: 'POST', url: `/api/attachments?plan=${PLAN}&owner=progress&id=${reportId}&name=${encodeURIComponent('现场照片（一）.png')}`, headers: { 'content-type': 'image/png' }, payload: png });
    expect(ok.statusCode).toBe(201);
  });

  it('more uploads at once than the bound: the next is asked to try again, and nothing is read', async () => {
    const gate = api.app.importGate;
    expect(gate.max).toBe(LIMITS.concurrentImports);
    for (let i = 0; i < gate.max; i++) expect(gate.tryEnter()).toBe(true);
    try {
      for (const u of UPLOADS) await refused({ method: 'POST', url: u.url, headers: { 'content-type': u.type }, payload: BOMBS['more rows than the bound']!.file }, 503, /系统正忙.*请稍后再试/);
    } finally {
      for (let i = 0; i < gate.max; i++) gate.leave();
    }
    // the slots are given back after each request, answered or refused
    const r = await api.inject({ method: 'POST', url: UPLOADS[0]!.url, headers: { 'content-type': XLSX }, payload: BOMBS['more rows than the bound']!.file });
    expect(r.statusCode).toBe(422);
    expect(gate.active).toBe(0);
  });

  it('a list longer than the bound is refused on every list route, naming the count', async () => {
    const n = LIMITS.listEntries + 1;
    const bodies: Array<[string, string, Record<string, unknown>]> = [
      ['POST', '/api/observations', { observations: Array.from({ length: n }, (_, i) => ({ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2024, printed: String(i) })) }],
      ['POST', '/api/observations/check', { observations: Array.from({ length: n }, () => ({ plan: PLAN })) }],
      ['POST', '/api/progress', { reports: Array.from({ length: n }, () => ({ plan: PLAN, project: '1', period: '2024-Q2', investmentCumulativeWan: 1, status: '在建' })) }],
      ['POST', '/api/progress/check', { reports: Array.from({ length: n }, () => ({})) }],
      ['POST', '/api/work-items', { items: Array.from({ length: n }, (_, i) => ({ plan: PLAN, year: 2024, title: `工作${i}`, leadUnit: '县水利局', deadline: '2024-12-31' })) }],
      ['PUT', `/api/plans/${PLAN}/drafts?unit=${encodeURIComponent('县水利局')}&year=2024`, { entries: Array.from({ length: n }, () => ({ printed: '1' })) }],
    ];
    for (const [method, url, payload] of bodies) await refused({ method: method as 'POST', url, payload }, 413, new RegExp(`一次最多提交 ${LIMITS.listEntries} 条，本次有 ${n} 条`));
    // the probe's 45,000 entries (4.7 MB)
    const probe = { observations: Array.from({ length: 45_000 }, (_, i) => ({ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2024, printed: `${i}.5` })) };
    const started = Date.now();
    await refused({ method: 'POST', url: '/api/observations/check', payload: probe }, 413, /本次有 45000 条/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a draft beyond its bounds is not saved; a save is audited by what it changed, not the whole draft', async () => {
    const url = `/api/plans/${PLAN}/drafts?unit=${encodeURIComponent('县水利局')}&year=2024`;
    await refused({ method: 'PUT', url, payload: { entries: Array.from({ length: LIMITS.draftEntries + 1 }, () => ({ printed: '1' })) } }, 422, new RegExp(`草稿最多保存 ${LIMITS.draftEntries} 条，本次有 ${LIMITS.draftEntries + 1} 条`));
    await refused({ method: 'PUT', url, payload: { entries: [{ framework: 'national-demo-county', number: '36', printed: '1', note: '长'.repeat(LIMITS.textChars + 1) }] } }, 422, new RegExp(`草稿第 1 条的“note”过长：共 ${LIMITS.textChars + 1} 个字，上限为 ${LIMITS.textChars} 个字`));
    await refused({ method: 'PUT', url, payload: { entries: Array.from({ length: 300 }, (_, i) => ({ number: String(i), note: '长'.repeat(4000) })) } }, 422, /草稿过大：共 \d+ 个字，上限为 1000000 个字/);
    // ten saves of a large draft, one figure changed each time: the trail holds the changes
    const entries = Array.from({ length: 200 }, (_, i) => ({ framework: 'national-demo-county', number: String(i + 1), printed: '50', note: '说明'.repeat(1000) }));
    const size = async () => Number((await api.store.db.query<{ n: string }>(`SELECT coalesce(sum(length(coalesce(before::text, '') || coalesce(after::text, ''))), 0) AS n FROM audit_log WHERE action = 'draft.save'`)).rows[0]!.n);
    const first = await api.inject({ method: 'PUT', url, payload: { entries } });
    expect(first.statusCode, first.body).toBe(200);
    const afterFirst = await size();
    for (let k = 0; k < 10; k++) {
      entries[k]!.printed = String(60 + k);
      const r = await api.inject({ method: 'PUT', url, payload: { entries } });
      expect(r.statusCode).toBe(200);
    }
    const grown = (await size()) - afterFirst;
    expect(grown).toBeLessThan(10 * 2 * 4000 + 10_000); // each save: the one entry before and after, not 200 of them
    const last = (await api.store.db.query<{ before: { entries: Array<{ printed: string }> }; after: { entries: Array<{ printed: string }>; count: number } }>(`SELECT before, after FROM audit_log WHERE action = 'draft.save' ORDER BY id DESC LIMIT 1`)).rows[0]!;
    expect(last.before.entries.map((e) => e.printed)).toEqual(['50']);
    expect(last.after.entries.map((e) => e.printed)).toEqual(['69']);
    expect(last.after.count).toBe(200);
    const form = await api.inject({ method: 'GET', url: url.replace('/drafts', '/entry') });
    expect(form.json().draft.entries).toEqual(entries);
  });

  it('JSON nested 10,000 deep is refused with a 400 in Chinese, on any route', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    for (const url of ['/api/observations', '/api/observations/check', '/api/progress', '/api/work-items', '/api/session'])
      await refused({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: `{"x":${deep}}` }, 400, new RegExp(`嵌套超过 ${LIMITS.jsonDepth} 层`));
    await refused({ method: 'PUT', url: `/api/plans/${PLAN}/settings`, headers: { 'content-type': 'application/json; charset=utf-8' }, payload: `{"weights":${deep}}` }, 400, /嵌套超过/);
    // objects as well as lists; brackets inside text do not count
    expect(checkJsonShape(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`)?.code).toBe('tooDeep');
    expect(checkJsonShape(JSON.stringify({ note: '['.repeat(10_000), list: ['a,b', 'c]'] }))).toBeUndefined();
    expect(checkJsonShape(JSON.stringify({ x: Array.from({ length: LIMITS.listEntries }, () => [1, 2]) }))).toBeUndefined();
  });

  it('out-of-range numbers, dates, periods and years in a body are refused, naming the value and the range', async () => {
    const progress = (e: Record<string, unknown>) => ({ reports: [{ plan: PLAN, project: '1', period: '2024-Q2', investmentCumulativeWan: 200, status: '在建', reportedOn: '2024-07-05', backdateReason: '补报二季度', ...e }] });
    const cases: Array<[string, string, unknown, RegExp]> = [
      ['POST', '/api/progress', progress({ investmentCumulativeWan: 1e300 }), /金额应为 0 到 10,000,000 万元之间的数/],
      ['POST', '/api/progress', progress({ investmentCumulativeWan: undefined, investmentPeriodWan: -5 }), /金额应为 0 到 10,000,000 万元之间的数/],
      ['POST', '/api/progress', progress({ period: '0001-Q1' }), /报告期的年份应在 1949 年至 2100 年之间/],
      ['POST', '/api/progress', progress({ period: '9999-03' }), /报告期的年份应在 1949 年至 2100 年之间/],
      ['POST', '/api/progress', progress({ reportedOn: '2024-13-45' }), /日期应为 1949 年至 2100 年之间的真实日期/],
      ['POST', '/api/progress', progress({ reportedOn: '0001-01-01' }), /日期应为 1949 年至 2100 年之间的真实日期/],
      ['POST', '/api/observations', { observations: [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2024, printed: '50', dataYear: -5 }] }, /数据所属年份应为 1949 年至填报年份（2024年）之间/],
      ['POST', '/api/observations', { observations: [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 2024, printed: '50', dataYear: -1e308 }] }, /数据所属年份应为 1949 年至填报年份/],
      ['POST', '/api/observations', { observations: [{ plan: PLAN, framework: 'national-demo-county', number: '36', year: 1e20, printed: '50' }] }, /年份应为 1949 年至 2100 年之间的四位整数/],
      ['POST', '/api/project-changes', { plan: PLAN, project: '1', kind: 'adjust', fields: { investmentWan: 1e300 }, reason: '调整', effectiveOn: '2024-07-01' }, /金额应为 0 到 10,000,000 万元之间的数/],
      ['POST', '/api/project-changes', { plan: PLAN, project: '1', kind: 'adjust', fields: { yearStart: 1, yearEnd: 99999 }, reason: '调整', effectiveOn: '2024-07-01' }, /年份应为 1949 年至 2100 年之间的四位整数/],
      ['POST', '/api/project-changes', { plan: PLAN, project: '1', kind: 'adjust', fields: { name: '新名称' }, reason: '调整', effectiveOn: '2024-02-30' }, /日期应为 1949 年至 2100 年之间的真实日期/],
      ['POST', '/api/work-items', { items: [{ plan: PLAN, year: -5, title: '工作', leadUnit: '县水利局', deadline: '2024-12-31' }] }, /年份应为 1949 年至 2100 年之间的四位整数/],
      ['POST', '/api/work-items', { items: [{ plan: PLAN, year: 2024, title: '工作', leadUnit: '县水利局', deadline: '2024-13-45' }] }, /日期应为 1949 年至 2100 年之间的真实日期/],
      ['POST', `/api/work-items/${itemId}/updates`, { status: '已完成', progress: '完成', reportedOn: '0001-01-01', backdateReason: '补报' }, /日期应为 1949 年至 2100 年之间的真实日期/],
      ['POST', `/api/plans/${PLAN}/supervision`, { asOf: '2024-13-45' }, /日期“2024-13-45”无效，应为 1949 年至 2100 年之间的真实日期/],
      ['POST', '/api/confirmations', { plan: PLAN, framework: 'national-demo-county', number: '36', year: 1e20, status: 'met', reason: '核实' }, /年份应为 1949 年至 2100 年之间的四位整数/],
      ['POST', '/api/confirmations', { plan: PLAN, framework: 'national-demo-county', number: '36', year: 2024, points: 1e300, reason: '核实' }, /得分应为 0 到 1000 之间的数/],
      ['POST', '/api/observations/review', { plan: PLAN, year: 1e20, decision: 'approved' }, /年份应为 1949 年至 2100 年之间的四位整数/],
      ['POST', '/api/observations/revisions', { plan: PLAN, framework: 'national-demo-county', number: '36', year: -1e308, printed: '1', reason: '更正' }, /年份应为 1949 年至 2100 年之间的四位整数/],
      ['POST', `/api/plans/${PLAN}/publications`, { year: 99999999999 }, /年份应为 1949 年至 2100 年之间的四位整数/],
      ['PUT', `/api/plans/${PLAN}/settings`, { weights: { indicators: 1e300, projects: 1, workItems: 1, reporting: 1 } }, /考核权重 .* 应为 0 到 1000 之间的数/],
      ['POST', '/api/progress', progress({ milestones: '长'.repeat(LIMITS.textChars + 1) }), new RegExp(`文字过长：共 ${LIMITS.textChars + 1} 个字，上限为 ${LIMITS.textChars} 个字`)],
    ];
    for (const [method, url, payload, says] of cases) await refused({ method: method as 'POST', url, payload: payload as Record<string, unknown> }, [400, 422], says);
    // the check routes answer with the same problems, saving nothing
    const check = await api.inject({ method: 'POST', url: '/api/progress/check', payload: progress({ investmentCumulativeWan: 1e300, period: '0001-Q1' }) });
    expect(check.json().problems.map((p: { message: string }) => p.message).join('\n')).toMatch(/报告期的年份应在 1949 年至 2100 年之间[\s\S]*金额应为 0 到 10,000,000 万元/);
  });

  it('out-of-range years and dates in a query are refused with a 400 naming them, never a 500', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/api/audit?before=99999999999999999999', /“更早的记录”的起点“99999999999999999999”无效/],
      ['/api/audit?before=-1', /起点“-1”无效/],
      ['/api/audit?from=2024-13-45', /日期“2024-13-45”无效，应为 1949 年至 2100 年之间的真实日期/],
      ['/api/audit?to=0001-01-01', /日期“0001-01-01”无效/],
      ['/api/audit?limit=0', /每页条数“0”无效，应为 1 到 5000 之间的整数/],
      [`/api/plans/${PLAN}/assessment?year=0001`, /年份“0001”超出范围，应在 1949 年至 2100 年之间/],
      [`/api/plans/${PLAN}/public?year=9999`, /年份“9999”超出范围/],
      [`/api/plans/${PLAN}/consistency?year=1900`, /年份“1900”超出范围/],
      [`/api/plans/${PLAN}/entry?unit=${encodeURIComponent('县水利局')}&year=0001`, /年份“0001”超出范围/],
      [`/api/plans/${PLAN}/progress?asOf=2024-13-45`, /日期“2024-13-45”无效/],
      [`/api/plans/${PLAN}/progress?asOf=0001-01-01`, /日期“0001-01-01”无效，应为 1949 年至 2100 年之间/],
      [`/api/plans/${PLAN}/work-plan?year=0001`, /年份“0001”超出范围/],
      [`/api/plans/${PLAN}/departments?year=9999`, /年份“9999”超出范围/],
      [`/api/plans/${PLAN}/projects.xlsx?asOf=2024-02-30`, /日期“2024-02-30”无效/],
    ];
    for (const [url, says] of cases) await refused({ method: 'GET', url }, 400, says);
    const ok = await api.inject({ method: 'GET', url: '/api/audit?from=2024-01-01&to=2100-12-31&limit=10' });
    expect(ok.statusCode).toBe(200);
  });

  it('/api/health answers at once while the largest allowed check runs', async () => {
    const ids = await api.store.db.query<{ number: string }>(`SELECT number FROM indicators WHERE framework_id = 'national-demo-county' ORDER BY position`);
    const numbers = ids.rows.map((r) => r.number);
    const observations = Array.from({ length: LIMITS.listEntries }, (_, i) => ({ plan: PLAN, framework: 'national-demo-county', number: numbers[i % numbers.length]!, year: 1950 + Math.floor(i / numbers.length), printed: '50' }));
    let done = 0;
    const check = api.inject({ method: 'POST', url: '/api/observations/check', payload: { observations } }).then((r) => {
      done = Date.now();
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const asked = Date.now();
    const health = await api.inject({ method: 'GET', url: '/api/health' });
    const answered = Date.now();
    expect(health.statusCode).toBe(200);
    expect(answered - asked).toBeLessThan(1000); // without the yields it waits for the whole check (seconds)
    const r = await check;
    expect(r.statusCode).toBe(200);
    expect(done).toBeGreaterThan(answered); // the check was still running when health answered
  }, 60_000);
});
