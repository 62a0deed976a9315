// Upload a filled Excel workbook: the server checks every row first and lands all or nothing. A rejected
// workbook's problems (row, column, value, message) go to onProblems; nothing was saved.
import { App } from 'antd';
import { useState } from 'react';
import { ApiError, sendFile } from '../api/client.ts';
import type { BatchProblem } from '../api/types.ts';
import { errorText } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { XLSX_TYPE } from '../lib/tracking.ts';
import { FilePickButton } from './FilePickButton.tsx';

interface Props<T> {
  url: string;
  label: string;
  /** what landed, in a sentence */
  done: (reply: T) => string;
  onDone: () => void;
  onProblems: (problems: BatchProblem[]) => void;
  testId?: string;
}

export function XlsxUpload<T>({ url, label, done, onDone, onProblems, testId }: Props<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    onProblems([]);
    try {
      const reply = await sendFile<T>(url, file, XLSX_TYPE);
      void message.success(done(reply));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.rows.length > 0) onProblems(e.rows);
      else void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FilePickButton accept=".xlsx" onFile={(f) => void upload(f)} loading={busy} testId={testId}>
      {label}
    </FilePickButton>
  );
}
