#!/usr/bin/env node
// Entry point: the compiled JavaScript in dist/ when it was built from the sources as they are (npm install and
// npm start build it: scripts/build-cli.mjs), otherwise the TypeScript sources through tsx, so that a checkout
// with edited sources runs what it holds. ECOCIV_FROM_SOURCE=1 always runs the sources.
import { distIsCurrent } from '../scripts/cli-dist.mjs';

if (process.env.ECOCIV_FROM_SOURCE !== '1' && distIsCurrent()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
