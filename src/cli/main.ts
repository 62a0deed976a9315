// Entry point of the `ecociv` command (bin/ecociv.js): runs one command line on this terminal.
import { consoleIo } from './io.ts';
import { runCli } from './run.ts';

runCli(process.argv.slice(2), consoleIo)
  .then((code) => {
    if (code !== 0) process.exitCode = code;
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
