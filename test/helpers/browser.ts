// A served workspace and Debian's chromium (through playwright-core) for the browser tests.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServer, DEFAULT_WEB_DIR } from '../../src/server/app.ts';
import { openTestStore, type TestStore } from './stores.ts';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { SESSION_COOKIE } from '../../src/server/auth.ts';
import { createUser, signIn } from '../../src/store/users.ts';
import { TEST_PASSWORD } from './api.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = resolve(import.meta.dirname, '../e2e/screenshots');

export interface Workspace {
  base: string;
  store: TestStore;
  /** open a page of the workspace, e.g. "#/overview?plan=…" */
  open(path: string, size?: { width: number; height: number }): Promise<Page>;
  /** a blank page in a fresh browser context (empty cache), signed in, not yet navigated */
  blank(size?: { width: number; height: number }): Promise<Page>;
  /** fetch from the API as the signed-in administrator (session cookie and CSRF token added) */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** a page in a fresh context with no session: the sign-in form shows */
  signedOut(path: string, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Serve the built workspace on a free port over an embedded store, and start chromium. */
export async function startWorkspace(opts: { noUsers?: boolean } = {}): Promise<Workspace> {
  if (!existsSync(join(DEFAULT_WEB_DIR, 'index.html')))
    throw new Error(`The web workspace is not built (${DEFAULT_WEB_DIR}); npm test builds it with scripts/ensure-web.mjs.`);
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium fonts-noto-cjk); .ci/run does this.`);
  mkdirSync(SHOTS, { recursive: true });
  const store = await openTestStore('pglite');
  // the workspace is for signed-in people: pages open as the system administrator
  if (!opts.noUsers) await createUser(store.db, { username: 'admin', displayName: '系统管理员', password: TEST_PASSWORD, roles: [{ role: 'admin' }] }, SYSTEM_ACTOR);
  const app: FastifyInstance = buildServer(store.db, { auth: { failureDelayMs: 0 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const signedIn = async (size: { width: number; height: number }) => {
    const page = await browser.newPage({ viewport: size, locale: 'zh-CN' });
    const s = await signIn(store.db, 'admin', TEST_PASSWORD, { ip: '127.0.0.1', userAgent: 'test' });
    if (!s.ok) throw new Error(`test sign-in failed: ${s.reason}`);
    await page.context().addCookies([{ name: SESSION_COOKIE, value: s.token, url: base, httpOnly: true, sameSite: 'Strict' }]);
    return page;
  };
  const apiSession = opts.noUsers ? undefined : await signIn(store.db, 'admin', TEST_PASSWORD, { ip: '127.0.0.1', userAgent: 'test' });
  if (apiSession && !apiSession.ok) throw new Error('test sign-in failed');
  const session = apiSession?.ok ? apiSession : undefined;
  return {
    base,
    store,
    api: (path, init = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { ...(session ? { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrf } : {}), ...(init.headers as Record<string, string> | undefined) } }),
    async open(path, size = { width: 1366, height: 768 }) {
      const page = await signedIn(size);
      await page.goto(`${base}/${path}`);
      return page;
    },
    blank: (size = { width: 1366, height: 768 }) => signedIn(size),
    async signedOut(path, size = { width: 1366, height: 768 }) {
      const page = await browser.newPage({ viewport: size, locale: 'zh-CN' });
      await page.goto(`${base}/${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}
