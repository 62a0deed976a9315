// ecociv backup and restore as an administrator runs them on the embedded store: the file, the progress
// lines, the restore into a new store, and the refusals (a store holding people's data, a damaged file).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecociv-cli-backup-'));
const source = cliIn(join(dir, 'source'));
const target = cliIn(join(dir, 'target'));
const file = join(dir, '备份.ndjson.gz');
// the two stores belong to one installation: one backup key (by default each would have its own, beside its
// data directory; test/security/integrity.test.ts covers that and the refusals)
process.env.ECOCIV_BACKUP_KEY_FILE = join(dir, 'ecociv-backup.key');

describe('ecociv backup and restore (embedded store)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up a store with an entered figure and restores it into a new store, where the figure is assessed alike', async () => {
    const values = join(dir, 'values.json');
    writeFileSync(values, JSON.stringify([{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '3', year: 2023, printed: '25.5' }]));
    expect((await source('record', values)).code).toBe(0);
    const b = await source('backup', file);
    expect(b.stderr, b.stderr).toMatch(/^\[1\/\d+\] \S+ [\d,]+ 行$/m);
    expect(b.stdout).toMatch(/^已备份到 .+备份\.ndjson\.gz：\d+ 张表，[\d,]+ 行，\d+ KB，数据库结构第 \d+ 版（pglite），用时 [\d.]+ 秒。$/m);
    expect(b.code).toBe(0);
    // the first backup made the installation's key, readable by its owner only, and signed with it
    expect(b.stderr).toMatch(/^已生成本机的备份密钥 .+ecociv-backup\.key/m);
    expect(statSync(process.env.ECOCIV_BACKUP_KEY_FILE!).mode & 0o777).toBe(0o600);

    const r = await target('restore', file, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: 'pglite', engine: 'pglite', migrated: [] });
    expect(r.stderr).toContain('备份文件校验通过');
    const a = JSON.parse((await target('assess', 'wushan-demo-county', '--year', '2023', '--format', 'json')).stdout);
    const item3 = a.frameworks.find((f: { id: string }) => f.id === 'national-demo-county').results.find((x: { number: string }) => x.number === '3');
    expect(item3.value).toBe('25.5');
  }, 120_000); // four runs of the command: each starts tsx and PGlite, slow on a busy 2-core machine

  it('refuses to restore over a store holding people’s data, and a damaged file, with exit code 1', async () => {
    const over = await source('restore', file);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/目标数据库不是空库.*observations [\d,]+ 行（新建库为 [\d,]+ 行）/);
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, readFileSync(file).subarray(0, 500));
    const damaged = await cliIn(join(dir, 'third'))('restore', cut);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('已损坏或不完整');
    const none = await source('backup');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请指定备份到哪个文件');
  });
});
