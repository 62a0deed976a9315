// Whether dist/ (the compiled command line and server, scripts/build-cli.mjs) matches src/: the build records
// each source file's size and modification time in dist/sources.json; dist/ is current when src/ holds exactly
// those files, unchanged. Checking this costs a stat per file (about a millisecond), not a read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
export const STAMP = 'sources.json';

/** Every .ts file under src/, relative name → "size:mtime". */
export function sourceStamp(dir = SRC) {
  const out = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) {
        const s = statSync(p);
        out[relative(dir, p)] = `${s.size}:${s.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** True when dist/ was built from the sources as they are now. */
export function distIsCurrent(src = SRC, dist = DIST) {
  let built;
  try {
    built = JSON.parse(readFileSync(join(dist, STAMP), 'utf8'));
  } catch {
    return false;
  }
  const now = sourceStamp(src);
  const names = Object.keys(now);
  return names.length === Object.keys(built).length && names.every((n) => built[n] === now[n]);
}
