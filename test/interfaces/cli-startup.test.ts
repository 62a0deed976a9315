// What keeps `ecociv` quick to start: the compiled dist/ is used only while it matches src/; the libraries that
// take long to load are not imported at start; and the built-in data files are parsed only when their hash differs
// from the one the store holds.
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distIsCurrent, sourceStamp, STAMP } from '../../scripts/cli-dist.mjs';
import { DEFAULT_DATA_DIR, DataError } from '../../src/data/problems.ts';
import { openStore } from '../../src/store/index.ts';
import { hashDataDir } from '../../src/store/importBuiltin.ts';
import { openTestStore } from '../helpers/stores.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ecociv-startup-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dist/ is run only while it matches the sources', () => {
  it('current after a build; stale when a source changes, appears or goes', () => {
    const src = join(tmp, 'src');
    const dist = join(tmp, 'dist');
    mkdirSync(join(src, 'cli'), { recursive: true });
    mkdirSync(dist);
    writeFileSync(join(src, 'cli/main.ts'), 'export {};\n');
    writeFileSync(join(src, 'a.ts'), 'export const a = 1;\n');
    expect(distIsCurrent(src, dist)).toBe(false); // never built
    const build = () => writeFileSync(join(dist, STAMP), JSON.stringify(sourceStamp(src)));
    build();
    expect(distIsCurrent(src, dist)).toBe(true);
    utimesSync(join(src, 'a.ts'), new Date(), new Date(Date.now() + 5000)); // saved again, same bytes
    expect(distIsCurrent(src, dist)).toBe(false);
    build();
    writeFileSync(join(src, 'cli/new.ts'), 'export {};\n');
    expect(distIsCurrent(src, dist)).toBe(false);
    build();
    rmSync(join(src, 'a.ts'));
    expect(distIsCurrent(src, dist)).toBe(false);
  });
});

describe('start-up imports', () => {
  // the packages every start would otherwise load: seconds and hundreds of MB together
  const HEAVY = ['exceljs', 'playwright-core', 'pdfjs-dist', 'echarts', 'docx', '@resvg/resvg-js', 'yaml', '@zxcvbn-ts/core', 'zod'];

  async function staticPackages(entry: string): Promise<string[]> {
    const r = await build({ entryPoints: [resolve(import.meta.dirname, '../..', entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, splitting: true, outdir: join(tmp, 'graph'), logLevel: 'silent' });
    const outs = r.metafile.outputs;
    const seen = new Set<string>();
    const found = new Set<string>();
    const walk = (k: string) => {
      if (seen.has(k)) return;
      seen.add(k);
      for (const i of outs[k]!.imports) {
        if (i.kind === 'dynamic-import') continue;
        if (i.external) found.add(i.path);
        else walk(i.path);
      }
    };
    // the entry's own output (a dynamically imported module's chunk has an entryPoint too)
    walk(Object.keys(outs).find((k) => outs[k]!.entryPoint === entry)!);
    return [...found];
  }

  it('the command line loads none of the heavy packages before a command asks for them', async () => {
    const pkgs = await staticPackages('src/cli/main.ts');
    expect(pkgs.filter((p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`)))).toEqual([]);
    expect(pkgs).toContain('node:util'); // the graph was walked
  });

  it('the server loads no report renderer or workbook library at start', async () => {
    const pkgs = await staticPackages('src/server/app.ts');
    expect(pkgs.filter((p) => HEAVY.slice(0, 7).some((h) => p === h || p.startsWith(`${h}/`)))).toEqual([]);
    expect(pkgs).toContain('fastify');
  });
});

describe('the built-in data at start', () => {
  it('is parsed only when the files’ hash differs from the stored one', async () => {
    const store = await openTestStore('postgres');
    try {
      // a copy of the data with a file the loader refuses
      const broken = join(tmp, 'data');
      cpSync(DEFAULT_DATA_DIR, broken, { recursive: true });
      writeFileSync(join(broken, 'regions.yaml'), 'regions: [ {id: 1\n');
      // hash differs: the files are parsed, and refused
      await expect(openStore({ databaseUrl: store.url!, builtinDir: broken })).rejects.toBeInstanceOf(DataError);
      // the store says it holds these very files: they are not parsed, so their fault goes unseen
      await store.db.query('UPDATE builtin_data SET hash = $1 WHERE id = 1', [hashDataDir(broken)]);
      const db = await openStore({ databaseUrl: store.url!, builtinDir: broken });
      expect((await db.query('SELECT count(*)::int AS n FROM plans')).rows[0]).toEqual({ n: 3 });
      await db.close();
    } finally {
      await store.close();
    }
  });
});
