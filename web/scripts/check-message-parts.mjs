// Checks what the types cannot: that every catalogue key a page's code uses is in a part that page loads.
// A page's code is the static import closure of its file (pages/XPage.tsx), less the app shell's (main.tsx);
// its parts are those named where it is declared, `lazyPage(() => import('./XPage.tsx'), ['x', …])`, plus the
// shared part ("common"), which is all the shell may use. Keys are found as string literals equal to a key and
// as template literals `prefix.${…}` (every key under the prefix). Exit 1 with the list when one is missing.
//
//   node web/scripts/check-message-parts.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');
const PARTS = join(SRC, 'i18n/parts');

/** part name → its keys (from the Chinese file, which the English one must match) */
const parts = new Map();
for (const name of readdirSync(PARTS))
  if (name.endsWith('.zh-CN.ts'))
    parts.set(name.replace('.zh-CN.ts', ''), new Set([...readFileSync(join(PARTS, name), 'utf8').matchAll(/^ {2}'([^']+)': /gm)].map((m) => m[1])));
const partOf = new Map();
for (const [part, keys] of parts) for (const k of keys) partOf.set(k, part);
const allKeys = [...partOf.keys()];

const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(n)) files.push(p);
  }
};
walk(SRC);

const imports = new Map();
const used = new Map();
const declared = new Map(); // page file → its parts
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  imports.set(f, [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => resolve(dirname(f), m[1])));
  for (const m of text.matchAll(/lazyPage\(\(\) => import\('(\.[^']+)'\), \[([^\]]*)\]\)/g))
    declared.set(resolve(dirname(f), m[1]), [...m[2].matchAll(/'(\w+)'/g)].map((x) => x[1]));
  const keys = new Set();
  if (!f.startsWith(join(SRC, 'i18n'))) {
    for (const m of text.matchAll(/['"`]([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)['"`]/g)) if (partOf.has(m[1])) keys.add(m[1]);
    for (const m of text.matchAll(/`([a-zA-Z.]+\.)\$\{/g)) for (const k of allKeys) if (k.startsWith(m[1])) keys.add(k);
  }
  used.set(f, keys);
}

const closure = (entry, stop = new Set()) => {
  const seen = new Set();
  const go = (f) => {
    if (seen.has(f) || stop.has(f)) return;
    seen.add(f);
    for (const d of imports.get(f) ?? []) go(d);
  };
  go(entry);
  return seen;
};

const problems = [];
const check = (label, fileSet, loads) => {
  for (const f of fileSet)
    for (const k of used.get(f) ?? [])
      if (!loads.includes(partOf.get(k))) problems.push(`${label}: ${relative(SRC, f)} uses "${k}" (part ${partOf.get(k)}), not loaded there`);
};
const shell = closure(join(SRC, 'main.tsx'));
check('app shell', shell, ['common']);
for (const f of files.filter((x) => /pages\/[A-Z]\w*Page\.tsx$/.test(x))) {
  const loads = declared.get(f);
  if (!loads) {
    problems.push(`${relative(SRC, f)}: not declared with lazyPage(…, [parts])`);
    continue;
  }
  for (const p of loads) if (!parts.has(p)) problems.push(`${relative(SRC, f)}: no part "${p}"`);
  check(relative(SRC, f), closure(f, shell), ['common', ...loads]);
}

if (problems.length) {
  console.error(`${problems.length} key(s) outside the parts their page loads:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`catalogue parts: ${parts.size} parts, ${allKeys.length} keys; every page's keys are in the parts it loads`);
