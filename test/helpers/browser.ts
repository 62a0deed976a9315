// A served workspace and Debian's chromium (through playwright-core) for the browser tests.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServer, DEFAULT_WEB_DIR } from '../../src/server/app.ts';
import { openTestStore, type TestStore } from './stores.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = resolve(import.meta.dirname, '../e2e/screenshots');

export interface Workspace {
  base: string;
  store: TestStore;
  /** open a page of the workspace, e.g. "#/overview?plan=…" */
  open(path: string, size?: { width: number; height: number }): Promise<Page>;
  /** a blank page in a fresh browser context (empty cache), not yet navigated */
  blank(size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Serve the built workspace on a free port over an embedded store, and start chromium. */
export async function startWorkspace(): Promise<Workspace> {
  if (!existsSync(join(DEFAULT_WEB_DIR, 'index.html')))
    throw new Error(`The web workspace is not built (${DEFAULT_WEB_DIR}); npm test builds it with scripts/ensure-web.mjs.`);
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium fonts-noto-cjk); .ci/run does this.`);
  mkdirSync(SHOTS, { recursive: true });
  const store = await openTestStore('pglite');
  const app: FastifyInstance = buildServer(store.db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  return {
    base,
    store,
    async open(path, size = { width: 1366, height: 768 }) {
      const page = await browser.newPage({ viewport: size, locale: 'zh-CN' });
      await page.goto(`${base}/${path}`);
      return page;
    },
    blank: (size = { width: 1366, height: 768 }) => browser.newPage({ viewport: size, locale: 'zh-CN' }),
    async close() {
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}
