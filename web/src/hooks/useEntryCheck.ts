// Validation as you type: each changed row is sent alone to POST /api/observations/check (a dry run with the
// server's own rules) 300 ms after the last keystroke; its problems replace the row's earlier ones.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { EntryInput, EntryProblem } from '../api/types.ts';
import type { ProblemMap } from '../lib/entry.ts';

const DELAY_MS = 300;

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  ctrl?: AbortController;
}

export interface EntryCheck {
  problems: ProblemMap;
  /** checking: keys of the rows whose check has not answered yet */
  checking: ReadonlySet<string>;
  /** check one row after the pause; null clears it (an empty row is not checked) */
  schedule: (key: string, entry: EntryInput | null) => void;
  /** check several rows now, in one request (the draft's rows when the sheet opens) */
  checkNow: (keys: string[], entries: EntryInput[]) => void;
  /** put the problems of a rejected submit in place of the rows' current ones */
  replace: (problems: ProblemMap) => void;
}

export function useEntryCheck(): EntryCheck {
  const [problems, setProblems] = useState<ProblemMap>({});
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const pending = useRef(new Map<string, Pending>());

  const mark = useCallback((keys: string[], on: boolean) => {
    setChecking((prev) => {
      const next = new Set(prev);
      for (const k of keys) if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  }, []);

  const cancel = useCallback((key: string) => {
    const p = pending.current.get(key);
    pending.current.delete(key);
    if (p?.timer) clearTimeout(p.timer);
    // a request shared with other rows (checkNow) runs on for them; this row's answer is then ignored
    if (p?.ctrl && ![...pending.current.values()].some((o) => o.ctrl === p.ctrl)) p.ctrl.abort();
  }, []);

  const run = useCallback(
    (keys: string[], entries: EntryInput[]) => {
      const ctrl = new AbortController();
      for (const k of keys) pending.current.set(k, { ctrl });
      mark(keys, true);
      sendJson<{ problems: EntryProblem[] }>('POST', api.checkObservations(), { observations: entries }, ctrl.signal).then(
        (r) => {
          if (ctrl.signal.aborted) return;
          const mine = keys.filter((k) => pending.current.get(k)?.ctrl === ctrl); // not superseded by a newer check
          const found: ProblemMap = {};
          for (const p of r.problems ?? []) {
            const k = keys[p.index];
            if (k !== undefined) (found[k] ??= []).push({ field: p.field, value: p.value, message: p.message });
          }
          setProblems((prev) => {
            const next = { ...prev };
            for (const k of mine) {
              if (found[k]) next[k] = found[k];
              else delete next[k];
            }
            return next;
          });
          for (const k of mine) pending.current.delete(k);
          mark(mine, false);
        },
        () => {
          // unreachable server or aborted: the earlier problems stay; submitting checks again anyway
          if (ctrl.signal.aborted) return;
          const mine = keys.filter((k) => pending.current.get(k)?.ctrl === ctrl);
          for (const k of mine) pending.current.delete(k);
          mark(mine, false);
        },
      );
    },
    [mark],
  );

  const schedule = useCallback(
    (key: string, entry: EntryInput | null) => {
      cancel(key);
      if (entry === null) {
        mark([key], false);
        setProblems((prev) => {
          if (!(key in prev)) return prev;
          const next = { ...prev };
          delete next[key];
          return next;
        });
        return;
      }
      mark([key], true);
      const timer = setTimeout(() => run([key], [entry]), DELAY_MS);
      pending.current.set(key, { timer });
    },
    [cancel, mark, run],
  );

  const checkNow = useCallback(
    (keys: string[], entries: EntryInput[]) => {
      for (const k of keys) cancel(k);
      if (entries.length) run(keys, entries);
    },
    [cancel, run],
  );

  const replace = useCallback(
    (next: ProblemMap) => {
      for (const k of [...pending.current.keys()]) cancel(k);
      setChecking(new Set());
      setProblems(next);
    },
    [cancel],
  );

  useEffect(() => {
    const all = pending.current;
    return () => {
      for (const p of all.values()) {
        if (p.timer) clearTimeout(p.timer);
        p.ctrl?.abort();
      }
      all.clear();
    };
  }, []);

  return { problems, checking, schedule, checkNow, replace };
}
