// npm run soak:embedded [-- N]: the scenario of test/security/embedded.test.ts N times in a row (default 20)
// on one embedded data directory — the real server, command lines through it (users add, record, backup),
// HTTP writes, SIGKILL mid-write, restart — and how many cycles kept every write answered 2xx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginScenario, endScenario, killCycle, startServer } from '../test/helpers/embeddedScenario.ts';

const runs = Number(process.argv[2] ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'ecociv-soak-'));
const started = Date.now();
let passed = 0;
const st = await beginScenario(dir);
for (let i = 0; i < runs; i++) {
  const t0 = Date.now();
  try {
    await killCycle(st, { refusals: i === 1 });
    passed++;
    console.log(`[${i + 1}/${runs}] 通过 passed — ${st.accounts.length} accounts acknowledged so far, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.log(`[${i + 1}/${runs}] 失败 FAILED — ${(e as Error).message}`);
    // go on from a running server if the cycle left none
    const p = st.server?.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) st.server = await startServer(dir).catch(() => undefined);
    if (!st.server) break;
  }
}
await endScenario(st).catch((e: Error) => console.log(`stop: ${e.message}`));
console.log(`embedded soak: ${passed}/${runs} cycles passed (${st.accounts.length} acknowledged accounts, ${st.recordedYears.length} recorded years), ${((Date.now() - started) / 1000).toFixed(0)} s`);
rmSync(dir, { recursive: true, force: true });
process.exitCode = passed === runs ? 0 : 1;
