// A write to the API from a form or a button: busy while it runs; the row problems of a rejected batch (422)
// kept for the form to show beside its fields; any other failure said in a message. run() answers the API's
// reply, or undefined when the write failed.
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { BatchProblem } from '../api/types.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';

export function errorText(e: unknown, t: Translate): string {
  if (!(e instanceof ApiError)) return t('state.errorNetwork');
  if (e.serverMessage) return e.serverMessage;
  return e.status === null ? t('state.errorNetwork') : t('state.errorHttp', { status: e.status });
}

export interface Action {
  busy: boolean;
  /** the problems of the last rejected write (empty after a success) */
  problems: BatchProblem[];
  clear: () => void;
  run: <T>(write: () => Promise<T>, success?: string | ((reply: T) => string)) => Promise<T | undefined>;
}

export function useAction(): Action {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<BatchProblem[]>([]);
  const clear = useCallback(() => setProblems([]), []);
  const run = useCallback(
    async <T,>(write: () => Promise<T>, success?: string | ((reply: T) => string)): Promise<T | undefined> => {
      setBusy(true);
      try {
        const reply = await write();
        setProblems([]);
        if (success !== undefined) void message.success(typeof success === 'function' ? success(reply) : success);
        return reply;
      } catch (e) {
        if (e instanceof ApiError && e.rows.length > 0) setProblems(e.rows);
        else void message.error(errorText(e, t));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message, t],
  );
  return { busy, problems, clear, run };
}
