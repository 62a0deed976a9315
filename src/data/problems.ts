// What the rest of the code needs from the data loader without loading it (yaml, zod, the schemas): where the
// built-in data lives, the error that stops a load, and the wording of a phrase problem.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhraseError } from '../domain/phrase.ts';
import { t } from '../i18n/index.ts';

export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

export interface DataProblem {
  file: string;
  path: string;
  message: string;
}

export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(problems.map((p) => `${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`).join('\n'));
    this.name = 'DataError';
  }
}

export function phraseMessage(e: PhraseError): string {
  return t(e.problem === 'range' ? 'error.phraseRange' : 'error.phrase', {
    what: t(`error.what.${e.what}`),
    phrase: e.phrase,
    context: e.context,
    expected: e.expected,
  });
}
