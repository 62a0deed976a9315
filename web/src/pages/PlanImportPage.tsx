// 规划导入 (plan office, administrators): upload a plan document with progress; the imports so far; the chosen
// import's report (counts, what needs attention with its place, for a revision the differences against the stored
// plan), its extracted rows beside the document's text, editable, the source line marked when a row is chosen;
// accept (the whole plan lands in one transaction) or discard. Needs no plan selected: a county starts here.
import { Alert, Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, forgetCached, forgetCachedUnder, sendFileWithProgress } from '../api/client.ts';
import type { PlanImportDetail, PlanImportSummary } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FilePickButton } from '../components/FilePickButton.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanImportReview } from '../components/PlanImportReview.tsx';
import { errorText } from '../hooks/useAction.ts';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';

/** The bound the server sets on a plan document (LIMITS.planDocumentBytes). */
export const PLAN_DOCUMENT_MAX_BYTES = 30 * 1024 * 1024;
/** A size as people read it: 512 KB, 12.5 MB. */
const formatBytes = (n: number): string => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${Math.round((n / 1024 / 1024) * 10) / 10} MB`);
const STATUS_COLOR = { pending: 'gold', accepted: 'green', discarded: 'default' } as const;

export default function PlanImportPage() {
  const { t } = useI18n();
  const list = useApi<PlanImportSummary[]>(api.planImports());
  const [selected, setSelected] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const max = formatBytes(PLAN_DOCUMENT_MAX_BYTES);

  const refreshList = () => {
    forgetCached(api.planImports());
    list.refresh();
  };

  const upload = async (file: File) => {
    setError(null);
    if (file.size > PLAN_DOCUMENT_MAX_BYTES) {
      setError(t('planImport.tooLarge', { name: file.name, size: formatBytes(file.size), max }));
      return;
    }
    setProgress({ name: file.name, sent: 0, total: file.size });
    try {
      const type = file.name.toLowerCase().endsWith('.txt') ? 'text/plain' : 'application/octet-stream';
      const rec = await sendFileWithProgress<PlanImportDetail>(api.planImportUpload(file.name), file, (sent, total) => setProgress({ name: file.name, sent, total }), type);
      refreshList();
      setSelected(rec.id);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setProgress(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  return (
    <Flex vertical gap={16} data-testid="plan-import-page">
      <PageHeading title={t('planImport.title')} subtitle={t('planImport.subtitle')} />
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex gap={12} align="center" wrap="wrap">
            <FilePickButton accept=".txt,.docx,.pdf" type="primary" loading={progress !== null} onFile={(f) => void upload(f)} testId="plan-import-file">
              {t('planImport.pick')}
            </FilePickButton>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('planImport.hint', { max })}
            </Typography.Text>
          </Flex>
          {progress ? (
            <div data-testid="plan-import-progress" aria-live="polite">
              <Progress percent={percent} size="small" status="active" />
              <Typography.Text type="secondary">{percent < 100 ? t('planImport.uploading', { name: progress.name, done: formatBytes(progress.sent), total: formatBytes(progress.total) }) : t('planImport.reading')}</Typography.Text>
            </div>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} data-testid="plan-import-error" /> : null}
        </Flex>
      </Card>
      <Card size="small" title={t('planImport.list')}>
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading height={80} />
        ) : (
          <Table<PlanImportSummary>
            size="small"
            rowKey="id"
            data-testid="plan-import-list"
            locale={{ emptyText: t('planImport.list.empty') }}
            pagination={list.data.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
            dataSource={list.data}
            onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer', background: r.id === selected ? '#e6f4ff' : undefined } })}
            columns={[
              { title: t('planImport.col.title'), dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t('planImport.col.file'), dataIndex: 'fileName', width: 220, ellipsis: true },
              { title: t('planImport.col.region'), dataIndex: 'region', width: 110, render: (v: string | null) => v ?? '—' },
              { title: t('planImport.col.status'), dataIndex: 'status', width: 90, render: (v: PlanImportSummary['status']) => <Tag color={STATUS_COLOR[v]}>{t(`planImport.status.${v}`)}</Tag> },
              { title: t('planImport.col.by'), dataIndex: 'createdBy', width: 160, ellipsis: true },
              { title: t('planImport.col.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => v.slice(0, 16).replace('T', ' ') },
              {
                title: '',
                key: 'open',
                width: 70,
                render: (_: unknown, r) => (
                  <Button size="small" type="link" onClick={() => setSelected(r.id)} data-testid={`plan-import-open-${r.id}`}>
                    {t('planImport.open')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {selected !== null ? (
        <PlanImportReview
          key={selected}
          id={selected}
          onDecided={() => {
            refreshList();
            // a plan landed or changed: every plan's cached answers may be stale
            forgetCachedUnder('/api/plans');
          }}
        />
      ) : null}
    </Flex>
  );
}
