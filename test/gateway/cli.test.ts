// The command line over an embedded store, as an operator runs it: `ecociv sources import | list | log`,
// `ecociv devices allow`, and `ecociv gateway` stopped by SIGTERM after writing and acknowledging what it received.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryWorkbook } from '../../src/exchange/sourcesWorkbook.ts';
import { cliIn } from '../helpers/cli.ts';
import { dataPacket, dataTime, Device, MN_GAS, MN_OLD, REGISTRY_ROWS, until } from './helpers.ts';

const BIN = resolve(import.meta.dirname, '../../bin/ecociv.js');

describe('ecociv sources, devices and gateway (embedded store)', () => {
  let dir: string;
  let cli: ReturnType<typeof cliIn>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecociv-gw-cli-'));
    cli = cliIn(dir);
    writeFileSync(join(dir, '名录.xlsx'), await registryWorkbook(REGISTRY_ROWS));
    writeFileSync(join(dir, '错误.xlsx'), await registryWorkbook({ ...REGISTRY_ROWS, outlets: [{ creditCode: '91500114MA5U123456', outletCode: 'DW001', outletName: '废水总排口', outletKind: '雨水' }] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the registry, refuses a wrong file in words, lists the sources', async () => {
    const bad = await cli('sources', 'import', join(dir, '错误.xlsx'), '--plan', 'qianjiang-apeng-two-mountains');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('工作表“排放口”第2行 排放口类型=“雨水”');
    const ok = await cli('sources', 'import', join(dir, '名录.xlsx'), '--plan', 'qianjiang-apeng-two-mountains');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('污染源 2 家，排放口 2 个，数采仪 3 台，许可排放限值 2 项');
    const list = await cli('sources', 'list', '--plan', 'qianjiang-apeng-two-mountains', '--format', 'json');
    expect(list.code).toBe(0);
    const sources = JSON.parse(list.stdout) as Array<{ name: string; outlets: Array<{ devices: Array<{ mn: string }> }> }>;
    expect(sources.map((s) => s.name).sort()).toEqual(['重庆某水泥有限公司', '重庆某纸业有限公司'].sort());
    const table = await cli('sources', 'list', '--plan', 'qianjiang-apeng-two-mountains');
    expect(table.stdout).toContain('窑尾排气筒');
    expect(table.stdout).toContain('颗粒物 ≤10 mg/m³（小时）');
  }, 120_000);

  it('allows a deviation with a reason, and refuses one without', async () => {
    const none = await cli('devices', 'allow', MN_OLD, 'noQnFlag');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('须写明理由');
    const ok = await cli('devices', 'allow', MN_OLD, 'noQnFlag', '--reason', '厂家固件只支持 HJ/T 212-2005');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`已允许数采仪 ${MN_OLD} 的偏差：无 QN/Flag（HJ/T 212-2005 格式）`);
  }, 60_000);

  it('`ecociv gateway` acknowledges and stores, and on SIGTERM writes what it holds before it exits', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ECOCIV_DATA_DIR: join(dir, 'store'), ECOCIV_FROM_SOURCE: '1' };
    delete env.DATABASE_URL;
    const gw = spawn(process.execPath, [BIN, 'gateway', '--port', '0', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    gw.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => /:(\d+) 监听/.test(out), 60_000, 'the gateway listening');
    const port = Number(/:(\d+) 监听/.exec(out)![1]);
    // the store belongs to the gateway while it runs: another command line is told so
    const busy = await cli('sources', 'list', '--plan', 'qianjiang-apeng-two-mountains');
    expect(busy.code).toBe(1);
    const device = await new Device(port).open();
    const p = dataPacket({ mn: MN_GAS, cn: '2061', time: dataTime(60, true), cp: 'a34013-Avg=12.5,a34013-Flag=N' });
    await device.send(p.text);
    await new Promise((r) => setTimeout(r, 20));
    gw.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => gw.once('exit', r));
    expect(code).toBe(0);
    expect(device.acks()).toEqual([p.qn]);
    expect(out).toContain('网关已停止：共接收 1 个报文');
    device.close();
    const log = await cli('sources', 'log', '--mn', MN_GAS, '--format', 'json');
    expect(JSON.parse(log.stdout)).toEqual([expect.objectContaining({ mn: MN_GAS, cn: '2061', outcome: 'accepted', reasons: [] })]);
  }, 120_000);

  it('`ecociv alarms`: dispatch rules set and listed, checks run, alarms listed, a wrong step refused in words', async () => {
    const plan = 'qianjiang-apeng-two-mountains';
    const none = await cli('alarms', 'rules', '--plan', plan);
    expect(none.stdout).toContain('还没有设置派发规则');
    const bad = await cli('alarms', 'rule', '--plan', plan, '--kind', '爆表', '--assignee', 'grid', '--days', '3');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('报警类型“爆表”不认识');
    const set = await cli('alarms', 'rule', '--plan', plan, '--kind', 'exceedance', '--assignee', 'grid', '--days', '3');
    expect(set.code).toBe(0);
    const rules = await cli('alarms', 'rules', '--plan', plan);
    expect(rules.stdout).toContain('超标');
    expect(rules.stdout).toContain('污染源所在网格');
    const check = await cli('alarms', 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('已检查 3 台数采仪');
    const list = await cli('alarms', 'list', '--state', 'all', '--format', 'json');
    expect(list.code).toBe(0);
    expect(Array.isArray(JSON.parse(list.stdout))).toBe(true);
    const missing = await cli('alarms', 'close', '999999', '--note', '已处理');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('未找到第999999号报警');
    const noId = await cli('alarms', 'ack', 'abc');
    expect(noId.code).toBe(2);
  }, 120_000);
});
