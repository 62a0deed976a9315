// The pollution-source registry on both engines: the workbook imported whole or not at all, problems naming
// sheet, row and column; a deviation allowed with who, when and why, in the audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/auth/roles.ts';
import { readRegistryWorkbook, registryWorkbook } from '../../src/exchange/sourcesWorkbook.ts';
import { listAudit } from '../../src/store/audit.ts';
import { InvalidBatchError } from '../../src/store/batch.ts';
import { allowDeviation, importRegistry, listSources, RegistryImportError } from '../../src/store/registry.ts';
import { ENGINES, openTestStore, type TestStore } from '../helpers/stores.ts';
import { CEMENT, MN_GAS, MN_OLD, MN_WATER, PAPER_MILL, PLAN, REGISTRY_ROWS, registerDevices } from './helpers.ts';

const counts = async (s: TestStore) => {
  const out: Record<string, number> = {};
  for (const t of ['pollution_sources', 'outlets', 'devices', 'outlet_pollutants']) out[t] = Number((await s.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
  return out;
};

describe.each(ENGINES)('pollution-source registry (%s)', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  }, 120_000);
  afterAll(async () => store?.close());

  it('imports the four sheets and lists them, without passwords', async () => {
    await registerDevices(store.db);
    expect(await counts(store)).toEqual({ pollution_sources: 2, outlets: 2, devices: 3, outlet_pollutants: 2 });
    const list = await listSources(store.db, PLAN);
    const mill = list.find((s) => s.creditCode === PAPER_MILL)!;
    expect(mill.name).toBe('重庆某纸业有限公司');
    expect(mill.grid).toBe('正阳第三网格');
    expect(mill.responsibleUnit).toBe('黔江区生态环境局');
    expect(mill.outlets).toHaveLength(1);
    expect(mill.outlets[0]).toMatchObject({ code: 'DW001', kind: 'water', devices: [{ mn: MN_WATER, edition: 'HJ 212-2017', deviations: [] }] });
    expect(mill.outlets[0]!.pollutants).toEqual([{ code: 'w01018', name: '化学需氧量', limit: 80, unit: 'mg/L', averaging: 'day', permitNumber: '91500114MA5U123456001P' }]);
    const cement = list.find((s) => s.creditCode === CEMENT)!;
    expect(cement.outlets[0]!.devices.map((d) => d.mn).sort()).toEqual([MN_OLD, MN_GAS].sort());
    expect(cement.outlets[0]!.devices.find((d) => d.mn === MN_OLD)!.edition).toBe('HJ/T 212-2005');
    expect(JSON.stringify(list)).not.toContain('654321');
  });

  it('refuses a workbook with mistakes whole, naming sheet, row and column; the store is unchanged', async () => {
    const before = await counts(store);
    const rows = {
      ...REGISTRY_ROWS,
      sources: [...REGISTRY_ROWS.sources, { name: '重庆某化工有限公司', creditCode: '91500114MA5U12345', township: '城东街道' }],
      outlets: [...REGISTRY_ROWS.outlets, { creditCode: PAPER_MILL, outletCode: 'DW002', outletName: '雨水排口', outletKind: '雨水' }],
      devices: [...REGISTRY_ROWS.devices, { mn: '88888880000009', password: '1234567', creditCode: PAPER_MILL, outletCode: 'DW009' }, { mn: 88888880000000000001, password: '123456', creditCode: PAPER_MILL, outletCode: 'DW001' }],
      pollutants: [...REGISTRY_ROWS.pollutants, { creditCode: CEMENT, outletCode: 'DA001', pollutantCode: 'a21026', pollutantName: '二氧化硫', limitValue: 35, averaging: '小时' }],
    };
    const wb = await readRegistryWorkbook(await registryWorkbook(rows), '名录.xlsx');
    const e = await importRegistry(store.db, PLAN, wb, '名录.xlsx', cliActor()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RegistryImportError);
    const p = (e as RegistryImportError).sheetProblems;
    // the header is row 1: the third source is row 4, the third outlet row 4, the fourth device row 5
    expect(p).toContainEqual(expect.objectContaining({ sheet: '污染源', row: 4, field: '统一社会信用代码', value: '91500114MA5U12345' }));
    expect(p).toContainEqual(expect.objectContaining({ sheet: '排放口', row: 4, field: '排放口类型', value: '雨水' }));
    expect(p).toContainEqual(expect.objectContaining({ sheet: '数采仪', row: 5, field: '访问密码', value: '1234567' }));
    expect(p).toContainEqual(expect.objectContaining({ sheet: '数采仪', row: 5, field: '排放口编码', value: 'DW009' }));
    // a 20-digit MN typed as a number: Excel has rewritten it
    expect(p).toContainEqual(expect.objectContaining({ sheet: '数采仪', row: 6, field: '数采仪MN', message: expect.stringContaining('设为“文本”') }));
    expect(p).toContainEqual(expect.objectContaining({ sheet: '污染物', row: 4, field: '单位' }));
    expect(p).toContainEqual(expect.objectContaining({ sheet: '污染物', row: 4, field: '排污许可证编号' }));
    const message = (e as Error).message;
    expect(message).toContain('工作表“排放口”第4行 排放口类型=“雨水”');
    expect(message).toContain('废气');
    expect(message).not.toMatch(/creditCode|outletKind|\bid\b/);
    expect(await counts(store)).toEqual(before);
  });

  it('refuses a workbook without the 污染源 sheet, or without a required column', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['企业名称']);
    const e = await readRegistryWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), '空.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidBatchError);
    expect((e as Error).message).toContain('没有“污染源”工作表');
    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet('污染源').addRow(['企业名称', '地址']);
    const e2 = await readRegistryWorkbook(Buffer.from(await wb2.xlsx.writeBuffer()), '缺列.xlsx').catch((x: unknown) => x);
    expect((e2 as Error).message).toContain('工作表“污染源”缺少“统一社会信用代码”列');
  });

  it('a re-import updates rows in place and keeps the deviations allowed', async () => {
    await allowDeviation(store.db, MN_OLD, 'noQnFlag', '厂家固件只支持 HJ/T 212-2005', { userId: null, name: 'cli:王工', ip: null });
    const rows = { ...REGISTRY_ROWS, devices: REGISTRY_ROWS.devices.map((d) => (d.mn === MN_OLD ? { ...d, password: '111111' } : d)) };
    await importRegistry(store.db, PLAN, await readRegistryWorkbook(await registryWorkbook(rows), '名录.xlsx'), '名录.xlsx', cliActor());
    const d = (await store.db.query<{ password: string; deviations: string[]; deviation_grants: Array<{ deviation: string; by: string; at: string; reason: string }> }>('SELECT password, deviations, deviation_grants FROM devices WHERE mn = $1', [MN_OLD])).rows[0]!;
    expect(d.password).toBe('111111');
    expect(d.deviations).toEqual(['noQnFlag']);
    expect(d.deviation_grants[0]).toMatchObject({ deviation: 'noQnFlag', by: 'cli:王工', reason: '厂家固件只支持 HJ/T 212-2005' });
    expect(Date.now() - Date.parse(d.deviation_grants[0]!.at)).toBeLessThan(60_000);
    const audit = await listAudit(store.db, { action: 'device.allowDeviation' });
    expect(audit[0]).toMatchObject({ actorName: 'cli:王工', entityId: MN_OLD, after: expect.objectContaining({ deviations: ['noQnFlag'] }) });
    // allowed twice: nothing changes
    expect(await allowDeviation(store.db, MN_OLD, 'noQnFlag', '再次', cliActor())).toEqual({ added: false });
    await expect(allowDeviation(store.db, MN_OLD, 'anything', '理由', cliActor())).rejects.toThrow('不是可允许的偏差');
    await expect(allowDeviation(store.db, MN_OLD, 'modbusCrc', '  ', cliActor())).rejects.toThrow('须写明理由');
    await expect(allowDeviation(store.db, '99999', 'modbusCrc', '理由', cliActor())).rejects.toThrow('没有 MN 为 99999 的数采仪');
  });
});
