// `ecociv hj212 check` as a user runs it on a file of packets: the JSON contract of issue #16, the Chinese text
// naming each problem, the named deviations allowed with --allow, and the refusals of the command line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecociv-cli-hj212-'));
const ecociv = cliIn(dir);
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** HJ 212-2017's example packet, and the CRC its prose misprints */
const EXAMPLE = '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80';
const MISPRINT = EXAMPLE.replace(/1C80$/, '1C08');
/** an HJ/T 212-2005-style packet: no QN, no Flag */
const OLD_2005 =
  '##0178ST=32;CN=2011;PW=123456;MN=0873HHMZWSLH02;CP=&&DataTime=20160103133030;060-Rtd=3.0943,060-Flag=N;011-Rtd=18.0412,011-Flag=N;001-Rtd=8.2137,001-Flag=N;B01-Rtd=10.9890,B01-Flag=N&&a9c1';
/** HJ 212-2017 附录 C's 9014 reply, with the CRC an independent implementation prints */
const REPLY = '##0087QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&C241';

describe('ecociv hj212 check', () => {
  const packets = file('packets.txt', `${EXAMPLE}\r\n${MISPRINT}\n\n${OLD_2005}\r\n${EXAMPLE.replace('##0101', '##0100')}\n${REPLY}`);

  it('gives one object a packet in the contract’s JSON shape, lines numbered from 1 (blank lines counted, not checked)', async () => {
    const r = await ecociv('hj212', 'check', packets, '--format', 'json');
    expect(r.code).toBe(1); // some packets do not pass
    const rows = JSON.parse(r.stdout);
    expect(rows.map((x: { line: number }) => x.line)).toEqual([1, 2, 4, 5, 6]);
    expect(rows[0]).toEqual({
      line: 1,
      ok: true,
      errors: [],
      crc: { given: '1C80', computed: '1C80' },
      length: { declared: 101, actual: 101 },
      fields: { QN: '20160801085857223', ST: '32', CN: '1062', PW: '100000', MN: '010000A8900016F000169DC0', Flag: '5' },
      cp: { RtdInterval: '30' },
    });
    expect(rows[1]).toMatchObject({ line: 2, ok: false, errors: ['crc'], crc: { given: '1C08', computed: '1C80' } });
    expect(rows[2]).toMatchObject({ line: 4, ok: false, errors: ['field'], fields: { QN: null, Flag: null, MN: '0873HHMZWSLH02' } });
    expect(rows[2].cp).toMatchObject({ DataTime: '20160103133030', 'B01-Rtd': '10.9890', 'B01-Flag': 'N' });
    expect(rows[3]).toMatchObject({ line: 5, ok: false, length: { declared: 100, actual: 101 } });
    expect(rows[3].errors).toContain('length');
    expect(rows[4]).toMatchObject({ line: 6, ok: true, fields: { CN: '9014', ST: '91' } });
  });

  it('names each problem in Chinese, with what the packet says and what the standard gives', async () => {
    const r = await ecociv('hj212', 'check', packets);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('共 5 个报文，合格 2 个，不合格 3 个');
    expect(r.stdout).toContain('第 1 行：合格（1062 设置实时数据间隔，设备 MN 010000A8900016F000169DC0）');
    expect(r.stdout).toContain('第 2 行：不合格');
    expect(r.stdout).toContain('校验码不符：报文写的是 1C08，按标准算得 1C80');
    expect(r.stdout).toContain('缺少字段 QN');
    expect(r.stdout).toContain('数据段长度不符：报文写的是 100，数据段实际有 101 个字符');
    expect(r.stdout).toContain('第 6 行：合格（9014 数据应答');
  });

  it('accepts an HJ/T 212-2005 packet with --allow noQnFlag, and says the deviation was used', async () => {
    const old = file('old.txt', `${OLD_2005}\n`);
    const strict = await ecociv('hj212', 'check', old, '--format', 'json');
    expect(strict.code).toBe(1);
    const r = await ecociv('hj212', 'check', old, '--format', 'json', '--allow', 'noQnFlag,modbusCrc');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ line: 1, ok: true, errors: [], deviations: ['noQnFlag'] }]);
    const text = await ecociv('hj212', 'check', old, '--allow', 'noQnFlag');
    expect(text.stdout).toContain('第 1 行：合格，但用了允许的偏差：无 QN/Flag（HJ/T 212-2005 格式）（2011 实时数据，设备 MN 0873HHMZWSLH02，数据时间 2016-01-03 13:30:30）');
  });

  it('exits 0 when every packet passes', async () => {
    const r = await ecociv('hj212', 'check', file('good.txt', `${EXAMPLE}\r\n${REPLY}\r\n`));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('共 2 个报文，合格 2 个，不合格 0 个');
  });

  it('refuses an unknown deviation, a missing file and no file, in Chinese', async () => {
    const bad = await ecociv('hj212', 'check', packets, '--allow', 'anything');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('“anything”不是可允许的偏差；可用的偏差为 modbusCrc, noQnFlag, oversize, noCrLf');
    const missing = await ecociv('hj212', 'check', join(dir, 'none.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取文件');
    const none = await ecociv('hj212', 'check');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请指定要检查的报文文件');
  });

  it('is in the help', async () => {
    const r = await ecociv('--help');
    expect(r.stdout).toContain('ecociv hj212 check <文件>');
  });
});
