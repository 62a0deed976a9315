#!/usr/bin/env node
// Entry point: runs the TypeScript sources through tsx so that `npx ecociv` works from a checkout.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
