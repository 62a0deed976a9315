// 报告: the reports of the chosen plan and year — each kind with its download buttons, and a preview of the
// HTML version (what the PDF is printed from) in a frame.
import { Alert, Button, Card, Col, Flex, Row, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { PlanSummary, ReportKind, ReportsInfo } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../lib/route.ts';

function ReportCard({ plan, year, kind, formats, onPreview }: { plan: PlanSummary; year: number; kind: ReportKind; formats: string[]; onPreview?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Card title={t(`reportsPage.kind.${kind}`)} style={{ height: '100%' }} data-testid={`report-${kind}`}>
      <Flex vertical gap={12} style={{ height: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, minHeight: 66 }}>
          {t(`reportsPage.about.${kind}`)}
        </Typography.Paragraph>
        <Space wrap>
          {formats
            .filter((f) => f !== 'html')
            .map((f) => (
              <Button key={f} type={f === 'pdf' || f === 'xlsx' ? 'primary' : 'default'} href={api.reportFile(plan.id, kind, f, year, lang)} download data-testid={`download-${kind}-${f}`}>
                {t('reportsPage.download', { format: f.toUpperCase() })}
              </Button>
            ))}
          {onPreview ? (
            <Button onClick={onPreview} data-testid={`preview-${kind}`}>
              {t('reportsPage.preview')}
            </Button>
          ) : null}
        </Space>
      </Flex>
    </Card>
  );
}

export default function ReportsPage({ plan, year }: { plan: PlanSummary; year: number }) {
  const { t, lang } = useI18n();
  const info = useApi<ReportsInfo>(api.reports(plan.id));
  const [preview, setPreview] = useState<ReportKind>('annual');
  const heading = (
    <div>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('reportsPage.heading', { region: plan.region })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('reportsPage.intro')}</Typography.Text>
    </div>
  );
  if (info.error) return <ErrorState error={info.error} onRetry={info.reload} />;
  if (!info.data) return <Loading height={520} />;
  const { years, kinds } = info.data;
  if (years.length === 0)
    return (
      <Flex vertical gap={16} data-testid="reports-page">
        {heading}
        <EmptyState text={t('reportsPage.noYears')} />
      </Flex>
    );
  if (!years.includes(year))
    return (
      <Flex vertical gap={16} data-testid="reports-page">
        {heading}
        <Alert
          type="warning"
          showIcon
          title={t('reportsPage.noFigures', { year })}
          action={
            <Space>
              {years.map((y) => (
                <Button key={y} size="small" onClick={() => navigate({ page: 'reports', plan: plan.id, year: y })}>
                  {t('reportsPage.useYear', { year: y })}
                </Button>
              ))}
            </Space>
          }
        />
      </Flex>
    );
  const previewable = kinds.filter((k) => k.formats.includes('html')).map((k) => k.kind);
  const src = api.reportFile(plan.id, preview, 'html', year, lang);
  return (
    <Flex vertical gap={16} data-testid="reports-page">
      {heading}
      <Row gutter={[16, 16]}>
        {kinds.map((k) => (
          <Col key={k.kind} xs={24} md={12} xxl={6}>
            <ReportCard plan={plan} year={year} kind={k.kind} formats={k.formats} onPreview={k.formats.includes('html') ? () => setPreview(k.kind) : undefined} />
          </Col>
        ))}
      </Row>
      <Card
        title={t('reportsPage.previewTitle', { kind: t(`reportsPage.kind.${preview}`), year })}
        extra={
          <Space>
            <Segmented<ReportKind> value={preview} onChange={setPreview} options={previewable.map((k) => ({ value: k, label: t(`reportsPage.kind.${k}`) }))} />
            <Button href={src} target="_blank" rel="noopener">
              {t('reportsPage.openNew')}
            </Button>
          </Space>
        }
        styles={{ body: { padding: 0, background: '#eef1ef' } }}
      >
        <iframe key={src} src={src} title={t('reportsPage.previewFrame', { kind: t(`reportsPage.kind.${preview}`) })} data-testid="report-preview" style={{ width: '100%', height: 760, border: 0, display: 'block' }} />
      </Card>
    </Flex>
  );
}
