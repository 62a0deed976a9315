// Every benchmark in one run, each in a process of its own one after another (so none disturbs another on
// the two cores), then one table of every figure beside its aim and its baseline. With --readme the
// README's benchmark tables (between the bench:all markers) are rewritten from the figures.
//
//   npm run bench:all                       all of them
//   npm run bench:all -- --only load,engine some
//   npm run bench:all -- --readme           and rewrite the README's tables
//   npm run bench:all -- --collect --readme the figures the last runs left in bench/out/, without running
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { figuresTable, OUT_DIR, type FigureSet } from './figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Each benchmark: its name (the figures file), the npm script that runs it, and its arguments. */
const BENCHES: Array<{ name: string; script: string; args?: string[] }> = [
  { name: 'startup', script: 'bench:startup' },
  { name: 'load', script: 'bench:load' },
  { name: 'engine', script: 'bench:engine' },
  { name: 'national', script: 'bench' },
  { name: 'reports', script: 'bench:reports' },
  { name: 'web', script: 'bench:web' },
  { name: 'hj212', script: 'bench:hj212' },
  { name: 'monitoring', script: 'bench:monitoring' },
  { name: 'gateway', script: 'bench:gateway' },
  { name: 'plan-import', script: 'bench:plan-import' },
];

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
};
const only = opt('--only')?.split(',');
const chosen = BENCHES.filter((b) => !only || only.includes(b.name));
const collectOnly = argv.includes('--collect');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

const failed: string[] = [];
if (!collectOnly)
  for (const b of chosen) {
    if (!scripts[b.script]) {
      console.log(`\n== ${b.name}: no script ${b.script}, skipped`);
      continue;
    }
    rmSync(join(OUT_DIR, `figures-${b.name}.json`), { force: true });
    console.log(`\n== ${b.name} (npm run ${b.script}) ==`);
    const t0 = performance.now();
    const r = spawnSync('npm', ['run', '--silent', b.script, ...(b.args?.length ? ['--', ...b.args] : [])], { cwd: ROOT, stdio: 'inherit' });
    console.log(`== ${b.name}: ${((performance.now() - t0) / 1000).toFixed(0)} s, exit ${r.status}`);
    if (r.status !== 0) failed.push(b.name);
  }

const sets: FigureSet[] = [];
for (const b of chosen) {
  const file = join(OUT_DIR, `figures-${b.name}.json`);
  if (existsSync(file)) sets.push(JSON.parse(readFileSync(file, 'utf8')) as FigureSet);
  else console.log(`(no figures from ${b.name})`);
}

const section = (s: FigureSet) => `#### ${s.title}\n\n_${s.when.slice(0, 10)}, Node ${s.node}, \`npm run bench:all\`_\n\n${figuresTable(s.figures)}\n`;
console.log(`\n\n# Every figure beside its aim and its baseline\n\n${sets.map(section).join('\n')}`);
const missed = sets.flatMap((s) => s.figures.filter((f) => f.met === false).map((f) => `${s.bench}: ${f.what}`));
console.log(missed.length ? `aims not met:\n${missed.map((m) => `  - ${m}`).join('\n')}` : 'every aim met');

if (argv.includes('--readme')) {
  const readmePath = join(ROOT, 'README.md');
  let readme = readFileSync(readmePath, 'utf8');
  for (const s of sets) {
    const start = `<!-- bench:all ${s.bench} -->`;
    const end = `<!-- /bench:all ${s.bench} -->`;
    const a = readme.indexOf(start);
    const z = readme.indexOf(end);
    if (a < 0 || z < a) {
      console.log(`README has no markers for ${s.bench} (${start} … ${end}); not written`);
      continue;
    }
    readme = `${readme.slice(0, a + start.length)}\n${section(s)}${readme.slice(z)}`;
  }
  writeFileSync(readmePath, readme);
  console.log('README tables rewritten');
}
if (failed.length) {
  console.log(`failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
