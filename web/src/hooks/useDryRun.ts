// Checking as you type: the body is sent to a dry-run route (POST …/check, nothing saved) 300 ms after it last
// changed; its problems stay shown until the next answer arrives. A null body checks nothing.
import { useEffect, useState } from 'react';
import { sendJson } from '../api/client.ts';
import type { BatchProblem } from '../api/types.ts';

const DELAY_MS = 300;

export function useDryRun(url: string, body: unknown): { problems: BatchProblem[]; checking: boolean } {
  const key = body === null ? null : JSON.stringify(body);
  const [answer, setAnswer] = useState<{ key: string | null; problems: BatchProblem[] }>({ key: null, problems: [] });
  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      sendJson<{ problems?: BatchProblem[] }>('POST', url, JSON.parse(key) as unknown, ctrl.signal).then(
        (r) => setAnswer({ key, problems: r.problems ?? [] }),
        () => {
          // unreachable server or superseded: the earlier problems stay; submitting checks again anyway
        },
      );
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [url, key]);
  return { problems: key === null ? [] : answer.problems, checking: key !== null && answer.key !== key };
}
