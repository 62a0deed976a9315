// 审核: the figures units have submitted, approved or returned with a comment; revisions of published
// figures; publishing a year once everything is reviewed (which locks its figures).
import { App, Button, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, forgetCachedUnder, sendJson, api } from '../api/client.ts';
import type { FigureProvenance, PlanSummary } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { ProvenanceText } from '../components/MonitoringFigures.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';

interface Figure {
  framework: string;
  number: string;
  name: string;
  part: string | null;
  year: number;
  printed: string;
  review: 'submitted' | 'returned';
  reviewComment: string | null;
  submittedBy: string | null;
  unit: string | null;
  origin: 'entry' | 'import' | 'computed';
  /** a computed figure's grounds (stations, valid days, editions), shown in words */
  provenance: FigureProvenance | null;
}
interface Revision {
  id: number;
  framework: string;
  number: string;
  name: string;
  year: number;
  oldPrinted: string;
  newPrinted: string;
  reason: string;
  state: string;
  submittedBy: string;
}
interface Queue {
  figures: Figure[];
  revisions: Revision[];
  published: Array<{ year: number; publishedAt: string; publishedBy: string }>;
}

const key = (f: Figure) => `${f.framework}|${f.number}|${f.part ?? ''}|${f.year}`;

export default function ReviewPage({ plan, year }: { plan: PlanSummary; year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const url = `/api/plans/${encodeURIComponent(plan.id)}/review`;
  const q = useApi<Queue>(url);
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<{ figures: Figure[]; revisions: number[] } | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  const figures = (q.data?.figures ?? []).filter((f) => f.year === year);
  const submitted = figures.filter((f) => f.review === 'submitted');
  const published = q.data?.published.find((p) => p.year === year);
  const done = () => {
    forgetCachedUnder(api.planPrefix(plan.id));
    setSelected([]);
    q.reload();
  };
  const decide = async (decision: 'approved' | 'returned', chosen: Figure[], revisions: number[], note?: string) => {
    setBusy(true);
    try {
      await sendJson('POST', '/api/observations/review', {
        plan: plan.id,
        year,
        ...(chosen.length > 0 ? { figures: chosen.map((f) => ({ framework: f.framework, number: f.number, part: f.part })) } : {}),
        revisions,
        decision,
        ...(note ? { comment: note } : {}),
      });
      message.success(t(decision === 'approved' ? 'review.approvedDone' : 'review.returnedDone'));
      done();
    } catch (e) {
      message.error(e instanceof ApiError ? (e.problems[0]?.message ?? e.serverMessage ?? '') : String(e));
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    setBusy(true);
    try {
      await sendJson('POST', `/api/plans/${encodeURIComponent(plan.id)}/publications`, { year });
      message.success(t('review.publishedDone', { year }));
      done();
    } catch (e) {
      message.error(e instanceof ApiError ? (e.problems[0]?.message ?? e.serverMessage ?? '') : String(e));
    } finally {
      setBusy(false);
    }
  };
  const chosen = submitted.filter((f) => selected.includes(key(f)));
  return (
    <Flex vertical gap={16} data-testid="review-page">
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('review.title', { year })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {published ? t('review.isPublished', { year, by: published.publishedBy }) : t('review.intro')}
      </Typography.Paragraph>
      <Flex gap={8} wrap="wrap">
        <Button type="primary" disabled={chosen.length === 0 || busy} onClick={() => void decide('approved', chosen, [])} data-testid="review-approve">
          {t('review.approve', { n: chosen.length })}
        </Button>
        <Button danger disabled={chosen.length === 0 || busy} onClick={() => setReturning({ figures: chosen, revisions: [] })} data-testid="review-return">
          {t('review.return', { n: chosen.length })}
        </Button>
        <div style={{ flex: 1 }} />
        <Button disabled={!!published || figures.length > 0 && submitted.length > 0 || busy} onClick={() => void publish()} data-testid="review-publish">
          {published ? t('review.published') : t('review.publish', { year })}
        </Button>
      </Flex>
      <Table<Figure>
        size="small"
        rowKey={key}
        loading={q.loading}
        dataSource={figures}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (f) => ({ disabled: f.review !== 'submitted' }) }}
        locale={{ emptyText: t('review.nothing') }}
        columns={[
          {
            title: t('review.col.indicator'),
            key: 'ind',
            render: (_, f) => {
              const label = `${f.number}. ${f.name}${f.part ? `（${f.part}）` : ''}`;
              if (f.origin !== 'computed') return label;
              // a figure computed from monitoring data: said so, with its grounds in words
              return (
                <Flex vertical gap={4} data-testid="review-computed">
                  <span>
                    {label} <Tag color="blue">{t('review.computed')}</Tag>
                  </span>
                  {f.provenance ? <ProvenanceText provenance={f.provenance} /> : null}
                </Flex>
              );
            },
          },
          { title: t('review.col.value'), dataIndex: 'printed', width: 140 },
          { title: t('review.col.unit'), dataIndex: 'unit', width: 150 },
          { title: t('review.col.by'), dataIndex: 'submittedBy', width: 180 },
          {
            title: t('review.col.state'),
            key: 'state',
            width: 220,
            render: (_, f) => (f.review === 'submitted' ? <Tag color="gold">{t('review.state.submitted')}</Tag> : <><Tag color="red">{t('review.state.returned')}</Tag>{f.reviewComment}</>),
          },
        ]}
      />
      {(q.data?.revisions.length ?? 0) > 0 && (
        <>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }}>
            {t('review.revisions')}
          </Typography.Title>
          <Table<Revision>
            size="small"
            rowKey="id"
            dataSource={q.data!.revisions}
            pagination={false}
            columns={[
              { title: t('review.col.indicator'), key: 'ind', render: (_, r) => `${r.year} ${r.number}. ${r.name}` },
              { title: t('review.col.change'), key: 'chg', render: (_, r) => `${r.oldPrinted} → ${r.newPrinted}` },
              { title: t('review.col.reason'), dataIndex: 'reason' },
              { title: t('review.col.by'), dataIndex: 'submittedBy', width: 160 },
              {
                title: t('review.col.state'),
                key: 'act',
                width: 220,
                render: (_, r) =>
                  r.state === 'submitted' ? (
                    <Flex gap={4}>
                      <Button size="small" type="primary" onClick={() => void decide('approved', [], [r.id])}>{t('review.approveOne')}</Button>
                      <Button size="small" danger onClick={() => setReturning({ figures: [], revisions: [r.id] })}>{t('review.returnOne')}</Button>
                    </Flex>
                  ) : (
                    t(`review.state.${r.state === 'approved' ? 'approved' : 'returned'}`)
                  ),
              },
            ]}
          />
        </>
      )}
      <Modal
        open={returning !== null}
        title={t('review.returnTitle')}
        okText={t('review.returnConfirm')}
        okButtonProps={{ danger: true, disabled: comment.trim() === '', 'data-testid': 'review-return-confirm' }}
        onOk={() => {
          const r = returning!;
          setReturning(null);
          void decide('returned', r.figures, r.revisions, comment.trim());
          setComment('');
        }}
        onCancel={() => setReturning(null)}
      >
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('review.commentHint')} data-testid="review-comment" />
      </Modal>
    </Flex>
  );
}
