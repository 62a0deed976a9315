// `ecociv monitoring import` as a plan office runs it: the JSON contract (ImportResult), the Chinese summary,
// progress on stderr, and a refused file listing its problems (row, column, value, what was expected).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';
import { HOURLY_HEADER, hourlyRows, STATION_LIST, toCsv } from '../fixtures/monitoring/make.ts';

const PLAN = 'wushan-demo-county';
const dir = mkdtempSync(join(tmpdir(), 'ecociv-monitoring-import-'));
let store: TestStore;

async function ecociv(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), cwd: dir, password: async () => '' };
  const code = await runCli(argv, io, { db: store.db });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  store = await openTestStore('pglite');
  writeFileSync(join(dir, '站点名单.csv'), STATION_LIST);
  writeFileSync(join(dir, 'hours.csv'), toCsv(HOURLY_HEADER, hourlyRows(3)));
}, 120_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ecociv monitoring import', () => {
  it('imports the station list, and says so in Chinese', async () => {
    const r = await ecociv('monitoring', 'import', '站点名单.csv', '--plan', PLAN);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已导入 站点名单.csv：站点名单 6 行，涉及 6 个站点');
  });

  it('prints the ImportResult as JSON, with progress on stderr', async () => {
    const r = await ecociv('monitoring', 'import', 'hours.csv', '--plan', PLAN, '--kind', 'air-hours', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(['from', 'importId', 'kind', 'rows', 'stationIds', 'to', 'years']);
    expect(j).toMatchObject({ kind: 'air-hours', rows: 216, from: '2025-01-01', to: '2025-01-03', years: [2025] });
    expect(typeof j.importId).toBe('number');
    expect(j.stationIds).toHaveLength(3);
    expect(r.stderr).toContain('已读 216 行（100%）');
  });

  it('refuses a file already imported, listing the rows, exit 1', async () => {
    const r = await ecociv('monitoring', 'import', 'hours.csv', '--plan', PLAN);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未保存');
    expect(r.stderr).toContain('hours.csv 第2行 监测时间=“2025-01-01 00:00”');
    expect(r.stderr).toContain('--replace');
    const again = await ecociv('monitoring', 'import', 'hours.csv', '--plan', PLAN, '--replace');
    expect(again.code).toBe(0);
  });

  it('names what is missing on the command line, exit 2', async () => {
    expect((await ecociv('monitoring', 'import', 'hours.csv')).stderr).toContain('--plan');
    expect((await ecociv('monitoring', 'import', '--plan', PLAN)).code).toBe(2);
    const k = await ecociv('monitoring', 'import', 'hours.csv', '--plan', PLAN, '--kind', 'hourly');
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('stations、air-hours、air-days、water');
  });

  it('is in the help', async () => {
    expect((await ecociv('--help')).stdout).toContain('ecociv monitoring import');
  });
});
