// The region's open alarms, kept live: loaded once, then a request waits on the server (up to 25 s) for an alarm
// newer than the last one seen and is made again as soon as it answers, so a new alarm reaches the screen about a
// second after the check that raised it. The open list is loaded again every minute (steps taken elsewhere).
import { useEffect, useState } from 'react';
import { getJson } from '../api/client.ts';
import { api } from '../api/client.ts';
import type { AlarmItem, AlarmList } from '../api/types.ts';

const WAIT_S = 25;
const RELOAD_MS = 60_000;
const RETRY_MS = 5_000;

export interface AlarmFeed {
  alarms: AlarmItem[] | undefined;
  /** the ids that arrived while the screen was open (shown as new) */
  fresh: ReadonlySet<number>;
  failed: boolean;
}

export function useAlarmFeed(planId: string): AlarmFeed {
  const [state, setState] = useState<AlarmFeed>({ alarms: undefined, fresh: new Set(), failed: false });
  useEffect(() => {
    let stopped = false;
    const ctrl = new AbortController();
    let latest = 0;
    const sleep = (ms: number) => new Promise((r) => window.setTimeout(r, ms));
    const loadAll = async () => {
      const all = await getJson<AlarmList>(api.alarms(planId), ctrl.signal);
      latest = Math.max(latest, all.latest);
      setState((s) => ({ ...s, alarms: all.alarms, failed: false }));
    };
    const follow = async () => {
      while (!stopped) {
        try {
          const next = await getJson<AlarmList>(api.alarms(planId, latest, WAIT_S), ctrl.signal);
          latest = Math.max(latest, next.latest);
          if (next.alarms.length > 0)
            setState((s) => ({
              alarms: [...next.alarms, ...(s.alarms ?? []).filter((a) => !next.alarms.some((n) => n.id === a.id))],
              fresh: new Set([...s.fresh, ...next.alarms.map((a) => a.id)]),
              failed: false,
            }));
        } catch {
          if (stopped) return;
          setState((s) => ({ ...s, failed: true }));
          await sleep(RETRY_MS);
        }
      }
    };
    void loadAll()
      .catch(() => setState((s) => ({ ...s, failed: true })))
      .then(() => follow());
    const timer = window.setInterval(() => void loadAll().catch(() => undefined), RELOAD_MS);
    return () => {
      stopped = true;
      ctrl.abort();
      window.clearInterval(timer);
    };
  }, [planId]);
  return state;
}
