// Compile src/ (TypeScript) into dist/ (JavaScript, one file per source, same layout) so that `ecociv` starts
// without compiling at each start (bin/ecociv.js runs dist/ when it is current, else the sources through tsx).
// Run by `npm install` (prepare) and `npm start`; `--if-stale` builds only when src/ changed since the last build.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distIsCurrent, ROOT, SRC, sourceStamp, STAMP } from './cli-dist.mjs';

if (process.argv.includes('--if-stale') && distIsCurrent()) process.exit(0);

const stamp = sourceStamp(); // taken before compiling: a source saved during the build leaves dist/ stale, not wrong
const tmp = join(ROOT, `dist.building-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const started = performance.now();
try {
  await build({
    entryPoints: Object.keys(stamp).map((f) => join(SRC, f)),
    outbase: SRC,
    outdir: tmp,
    bundle: true, // only to rewrite the imports: each file stays its own module (below)
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-files-stay-modules',
        setup(b) {
          // every relative import stays an import of the compiled neighbour (./x.ts → ./x.js), so that modules
          // loaded on demand (import()) stay out of the start, and import.meta.url keeps its place in the tree
          b.onResolve({ filter: /^\.\.?\// }, (a) => (a.kind === 'entry-point' ? undefined : { path: a.path.replace(/\.ts$/, '.js'), external: true }));
        },
      },
    ],
  });
  writeFileSync(join(tmp, STAMP), JSON.stringify(stamp));
  rmSync(DIST, { recursive: true, force: true });
  renameSync(tmp, DIST);
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  throw e;
}
console.error(`已编译命令行和服务（dist/，${Object.keys(stamp).length} 个文件，${((performance.now() - started) / 1000).toFixed(1)} s） / compiled the command line and server into dist/`);
