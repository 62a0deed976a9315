// Accounts in the browser: the first administrator set up on a new installation, signing in and out,
// a wrong password, a hostile display name shown as text (never run), and the audit trail page.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { createUser } from '../../src/store/users.ts';
import { TEST_PASSWORD } from '../helpers/api.ts';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

describe('a new installation in Chromium', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await startWorkspace({ noUsers: true });
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
  });

  it('asks for the first administrator, refuses a weak password, then opens the workspace', async () => {
    const page = await ws.signedOut('#/overview?plan=wushan-demo-county&year=2021');
    await page.getByTestId('sign-in').waitFor();
    await page.getByText('这是新安装的系统').waitFor();
    await page.getByLabel('用户名').fill('zhangsan');
    await page.getByLabel('姓名').fill('张三');
    await page.getByLabel('密码').fill('short');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').getByText('密码至少 10 个字符').waitFor();
    await page.screenshot({ path: join(SHOTS, 'setup.png') });
    await page.getByLabel('密码').fill('青山绿水-2026-巫山');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-user').getByText('张三').waitFor();
    await page.getByText('35项指标中，已达标29项').first().waitFor();
    // a second setup is refused: there is a user now
    const again = await ws.api('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x', displayName: 'x', password: '青山绿水-2026-巫山' }) });
    expect(again.status).toBe(422);
    await page.close();
  }, 60_000);
});

describe('signing in, hostile text, the audit trail in Chromium', () => {
  let ws: Workspace;
  const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  beforeAll(async () => {
    ws = await startWorkspace();
    await createUser(ws.store.db, { username: 'li.si', displayName: hostile, password: TEST_PASSWORD, roles: [{ role: 'leader', region: '巫山县' }] }, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
  });

  it('a wrong password is refused; the right one signs in; script in a name shows as text and never runs', async () => {
    const page = await ws.signedOut('#/overview?plan=wushan-demo-county&year=2021');
    await page.getByLabel('用户名').fill('li.si');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').getByText('用户名或密码不正确').waitFor();
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    const name = page.getByTestId('signed-in-user');
    await name.waitFor();
    expect(await name.textContent()).toBe(hostile);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: join(SHOTS, 'signed-in.png') });
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    await page.close();
  }, 60_000);

  it('script text entered as a note of a progress report shows as text in the project drawer and never runs', async () => {
    const note = '<img src=x onerror="window.__xss=3"><script>window.__xss=4</script>';
    const r = await ws.api('/api/progress', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reports: [{ plan: 'wushan-demo-county', project: '1', period: '2024-Q1', investmentCumulativeWan: 10, status: '在建', problems: note, milestones: note, reportedOn: '2024-04-03', backdateReason: '纸质报表补录' }] }),
    });
    expect(r.status).toBe(201);
    const page = await ws.open('#/progress?plan=wushan-demo-county&asOf=2024-06-30');
    await page.getByTestId('progress-search').locator('input').fill('县城长江取水趸船迁移工程');
    const rows = page.locator('[data-testid="progress-projects"] tbody tr.ecociv-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('progress-drawer');
    await drawer.getByText(note, { exact: false }).first().waitFor();
    expect(await drawer.textContent()).toContain(note);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  }, 60_000);

  it('the audit page lists the sign-ins and failures, names as text, and exports them', async () => {
    const page = await ws.open('#/audit?plan=wushan-demo-county');
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-scope').click();
    await page.getByText('我可查看的全部').last().click();
    await page.getByText('session.signInFailed').first().waitFor();
    await page.getByText('session.signIn', { exact: true }).first().waitFor();
    const cells = await page.getByTestId('audit-actor-cell').allTextContents();
    expect(cells.some((c) => c.includes(hostile))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: false });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 CSV/ }).click();
    expect((await download).suggestedFilename()).toBe('审计记录.csv');
    await page.close();
  }, 60_000);
});

describe('accounts and review pages in Chromium', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await startWorkspace();
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
  });

  it('the administrator creates a clerk of 县水利局; the clerk sees data entry but not the audit trail', async () => {
    const page = await ws.open('#/users');
    await page.getByTestId('users-page').waitFor();
    await page.getByTestId('users-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('wangwu');
    await dialog.getByLabel('姓名').fill('王五');
    await dialog.getByLabel('密码').fill(TEST_PASSWORD);
    await dialog.getByLabel('地区').click();
    await page.getByTitle('巫山县').click();
    await dialog.getByLabel('所属单位').fill('县水利局');
    await page.screenshot({ path: join(SHOTS, 'users-new.png') });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: 'wangwu' }).waitFor();
    await page.getByText('填报员 · 巫山县 · 县水利局').waitFor();
    await page.screenshot({ path: join(SHOTS, 'users.png') });
    await page.close();
    const clerk = await ws.signedOut('#/overview?plan=wushan-demo-county&year=2021');
    await clerk.getByLabel('用户名').fill('wangwu');
    await clerk.getByLabel('密码').fill(TEST_PASSWORD);
    await clerk.getByTestId('sign-in-submit').click();
    await clerk.getByTestId('signed-in-user').getByText('王五').waitFor();
    await clerk.getByTestId('menu-entry').waitFor();
    expect(await clerk.getByTestId('menu-audit').count()).toBe(0);
    expect(await clerk.getByTestId('menu-users').count()).toBe(0);
    await clerk.close();
  }, 90_000);

  it('a reviewer returns a figure with a comment, approves the corrected one, and the year is published', async () => {
    const post = (body: unknown) => ws.api('/api/observations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const fig = (printed: string) => ({ observations: [{ plan: 'wushan-demo-county', framework: 'national-demo-county', number: '36', year: 2023, printed, reportingUnit: '县住房城乡建委' }] });
    expect((await post(fig('48'))).status).toBe(201);
    const page = await ws.open('#/review?plan=wushan-demo-county&year=2023');
    await page.getByTestId('review-page').waitFor();
    await page.getByRole('cell', { name: '48' }).waitFor();
    await page.getByRole('checkbox').nth(1).check();
    await expect.poll(() => page.getByTestId('review-return').isEnabled()).toBe(true);
    await page.getByTestId('review-return').click();
    await page.getByTestId('review-comment').fill('与住建部门年报不符，请核实');
    await expect.poll(() => page.getByTestId('review-return-confirm').isEnabled()).toBe(true);
    await page.getByTestId('review-return-confirm').click();
    await page.getByText('已退回。').waitFor(); // the server took it
    await page.locator('td').getByText('与住建部门年报不符，请核实').waitFor();
    await page.getByText('已退回').first().waitFor();
    expect((await post(fig('52'))).status).toBe(201);
    await page.reload();
    await page.getByRole('cell', { name: '52' }).waitFor();
    await page.getByRole('checkbox').nth(1).check();
    await expect.poll(() => page.getByTestId('review-approve').isEnabled()).toBe(true);
    await page.getByTestId('review-approve').click();
    await page.getByText('没有待审核的数值').waitFor();
    await page.getByTestId('review-publish').click();
    await page.getByText(/2023年评估已由 .+ 发布/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'review.png') });
    expect((await post(fig('60'))).status).toBe(422);
    await page.close();
  }, 90_000);
});
