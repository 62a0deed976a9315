// 导入监测数据 (plan office): a station list, hourly or daily air data, or water samples, as CSV or .xlsx. The
// kind is found from the headers unless chosen; "replace" lets data already stored for the same times be replaced.
// The upload shows its progress; the server checks every row and lands the whole file or nothing. A refused file's
// problems are listed as a table (row as the spreadsheet shows it, column header, value, what was expected); a
// landed one says what landed and which computed figures changed.
import { Alert, Checkbox, Flex, Progress, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, sendFileWithProgress } from '../api/client.ts';
import type { BatchProblem, ImportAnswer } from '../api/types.ts';
import { errorText } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatBytes, MONITORING_FILE_KINDS, MONITORING_UPLOAD_MAX_BYTES } from '../lib/monitoring.ts';
import { FilePickButton } from './FilePickButton.tsx';

interface Props {
  plan: string;
  /** after a file landed: stations, data and figures changed */
  onImported: () => void;
}

type Outcome = { kind: 'done'; name: string; answer: ImportAnswer } | { kind: 'refused'; name: string; problems: BatchProblem[] } | { kind: 'error'; message: string };

export function MonitoringImport({ plan, onImported }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<string>('');
  const [replace, setReplace] = useState(false);
  const [progress, setProgress] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const max = formatBytes(MONITORING_UPLOAD_MAX_BYTES);

  const upload = async (file: File) => {
    setOutcome(null);
    if (file.size > MONITORING_UPLOAD_MAX_BYTES) {
      setOutcome({ kind: 'error', message: t('monitoring.import.tooLarge', { name: file.name, size: formatBytes(file.size), max }) });
      return;
    }
    setProgress({ name: file.name, sent: 0, total: file.size });
    try {
      const answer = await sendFileWithProgress<ImportAnswer>(api.monitoringImports(plan, file.name, kind || undefined, replace), file, (sent, total) => setProgress({ name: file.name, sent, total }));
      setOutcome({ kind: 'done', name: file.name, answer });
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.rows.length > 0) setOutcome({ kind: 'refused', name: file.name, problems: e.rows });
      else setOutcome({ kind: 'error', message: errorText(e, t) });
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  return (
    <Flex vertical gap={12} data-testid="monitoring-import">
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
        {t('monitoring.import.hint', { max })}
      </Typography.Paragraph>
      <Flex gap={12} wrap="wrap" align="center">
        <label htmlFor="monitoring-import-kind">{t('monitoring.import.kind')}</label>
        <Select<string>
          id="monitoring-import-kind"
          aria-label={t('monitoring.import.kind')}
          style={{ minWidth: 180 }}
          value={kind}
          disabled={busy}
          onChange={setKind}
          options={[{ value: '', label: t('monitoring.import.kind.auto') }, ...MONITORING_FILE_KINDS.map((k) => ({ value: k, label: t(`monitoring.import.kind.${k}`) }))]}
          data-testid="import-kind"
        />
        <Checkbox checked={replace} disabled={busy} onChange={(e) => setReplace(e.target.checked)} data-testid="import-replace">
          {t('monitoring.import.replace')}
        </Checkbox>
        <FilePickButton accept=".csv,.txt,.xlsx" type="primary" loading={busy} onFile={(f) => void upload(f)} testId="import-file">
          {t('monitoring.import.pick')}
        </FilePickButton>
      </Flex>
      {progress ? (
        <div data-testid="import-progress" aria-live="polite">
          <Progress percent={percent} size="small" status="active" />
          <Typography.Text type="secondary">
            {percent < 100 ? t('monitoring.import.uploading', { name: progress.name, done: formatBytes(progress.sent), total: formatBytes(progress.total) }) : t('monitoring.import.checking')}
          </Typography.Text>
        </div>
      ) : null}
      {outcome?.kind === 'error' ? <Alert type="error" showIcon title={outcome.message} data-testid="import-error" closable={{ onClose: () => setOutcome(null) }} /> : null}
      {outcome?.kind === 'done' ? <Landed name={outcome.name} answer={outcome.answer} onClose={() => setOutcome(null)} /> : null}
      {outcome?.kind === 'refused' ? (
        <Flex vertical gap={8} data-testid="import-refused">
          <Alert type="error" showIcon title={t('monitoring.import.refused', { name: outcome.name, n: outcome.problems.length })} />
          <Table<BatchProblem & { key: number }>
            size="small"
            pagination={outcome.problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={outcome.problems.map((p, key) => ({ ...p, key }))}
            columns={[
              { title: t('monitoring.import.col.row'), dataIndex: 'row', width: 72 },
              { title: t('monitoring.import.col.column'), dataIndex: 'field', width: 160 },
              { title: t('monitoring.import.col.value'), dataIndex: 'value', width: 160, render: (v: string) => (v === '' ? <Typography.Text type="secondary">{t('monitoring.import.none')}</Typography.Text> : v) },
              { title: t('monitoring.import.col.problem'), dataIndex: 'message' },
            ]}
          />
        </Flex>
      ) : null}
    </Flex>
  );
}

function Landed({ name, answer: a, onClose }: { name: string; answer: ImportAnswer; onClose: () => void }) {
  const { t } = useI18n();
  const params = { name, kind: t(`monitoring.import.kind.${a.kind}`), rows: a.rows, stations: a.stations.length, from: a.from ?? '', to: a.to ?? '' };
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="import-done"
      title={t(a.from && a.to ? 'monitoring.import.done' : 'monitoring.import.doneNoDates', params)}
      description={
        a.figures.length === 0 ? (
          t('monitoring.import.noFigures')
        ) : (
          <>
            {t('monitoring.import.figures')}
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {a.figures.map((f) => (
                <li key={`${f.year}|${f.framework}|${f.number}|${f.part ?? ''}`}>{t('monitoring.import.figure', { year: f.year, name: f.name, before: f.before ?? t('monitoring.noData'), after: f.after })}</li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}
