// A project's progress reports, newest first: the figures, status, milestones, problems and measures, who
// reported and when, the review (待审核 / 已退回 with the comment / 已通过) with 通过 and 退回 for the plan
// office (a return needs a comment saying what to correct), and the attachments with an upload button.
import { Button, Flex, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { ProgressReport } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { PROJECT_STATUS_COLOR, REVIEW_COLOR, formatBytes, formatPercent } from '../lib/tracking.ts';
import { AttachButton } from './AttachButton.tsx';
import { EmptyState } from './EmptyState.tsx';
import { KeyTag } from './KeyTag.tsx';

interface Props {
  plan: string;
  reports: ProgressReport[];
  onChanged: () => void;
}

function ReturnModal({ report, onClose, onDone }: { report: ProgressReport | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const action = useAction();
  const send = async () => {
    if (!report) return;
    const r = await action.run(() => sendJson('POST', api.review(report.id), { decision: 'returned', comment }), t('progress.returned'));
    if (r === undefined) return;
    setComment('');
    onDone();
  };
  return (
    <Modal
      open={report !== null}
      title={report ? t('progress.returnTitle', { period: report.period }) : ''}
      okText={t('progress.return')}
      okButtonProps={{ danger: true, loading: action.busy, 'data-testid': 'return-confirm' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void send()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('progress.returnComment')}</Typography.Paragraph>
      <Input.TextArea
        autoFocus
        aria-label={t('progress.returnComment')}
        placeholder={t('progress.returnCommentPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        status={action.problems.length ? 'error' : undefined}
        data-testid="return-comment"
      />
      {action.problems.map((p, i) => (
        <Typography.Text key={i} type="danger" role="alert" style={{ display: 'block' }}>
          {p.message}
        </Typography.Text>
      ))}
    </Modal>
  );
}

export function ProgressReports({ plan, reports, onChanged }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const accept = useAction();
  const [returning, setReturning] = useState<ProgressReport | null>(null);
  if (reports.length === 0) return <EmptyState text={t('progress.reportsNone')} />;
  const newestFirst = [...reports].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd));
  const onAccept = async (r: ProgressReport) => {
    if ((await accept.run(() => sendJson('POST', api.review(r.id), { decision: 'accepted' }), t('progress.accepted'))) !== undefined) onChanged();
  };
  return (
    <div data-testid="progress-reports">
      {newestFirst.map((r) => (
        <div key={r.id} className="ecociv-record" data-testid={`report-${r.period}`}>
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{r.period}</Typography.Text>
            <KeyTag value={r.status} colors={PROJECT_STATUS_COLOR} label={t(`projectStatus.${r.status}`)} />
            <KeyTag value={r.review} colors={REVIEW_COLOR} label={t(`review.${r.review}`)} testId={`report-review-${r.period}`} />
            {r.returnedCount > 0 ? <Typography.Text type="secondary">{t('progress.rep.returnedCount', { n: r.returnedCount })}</Typography.Text> : null}
            <div style={{ flex: 1 }} />
            {r.review === 'submitted' ? (
              <>
                <Button size="small" onClick={() => void onAccept(r)} loading={accept.busy} data-testid={`report-accept-${r.period}`}>
                  {t('progress.accept')}
                </Button>
                <Button size="small" danger onClick={() => setReturning(r)} data-testid={`report-return-${r.period}`}>
                  {t('progress.return')}
                </Button>
              </>
            ) : null}
          </Flex>
          <Typography.Paragraph style={{ margin: '6px 0 0' }}>
            {t('progress.rep.figures', {
              periodWan: r.investmentPeriodWan !== null ? formatNumber(r.investmentPeriodWan) : none,
              cumulativeWan: formatNumber(r.investmentCumulativeWan),
              physical: formatPercent(r.physicalPercent) ?? none,
            })}
          </Typography.Paragraph>
          {r.milestones ? <div>{t('progress.rep.milestones', { v: r.milestones })}</div> : null}
          {r.problems ? <div>{t('progress.rep.problems', { v: r.problems })}</div> : null}
          {r.measures ? <div>{t('progress.rep.measures', { v: r.measures })}</div> : null}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('progress.rep.reported', { on: r.reportedOn, unit: r.reportingUnit ?? none, by: r.reportedBy ?? none })}
          </Typography.Text>
          {r.backdateReason ? (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} data-testid={`report-backdated-${r.period}`}>
              {t('progress.rep.backdated', { reason: r.backdateReason })}
            </Typography.Text>
          ) : null}
          {r.reviewComment ? (
            <Typography.Text type={r.review === 'returned' ? 'danger' : 'secondary'} style={{ display: 'block' }}>
              {t('progress.rep.comment', { v: r.reviewComment })}
            </Typography.Text>
          ) : null}
          <Flex wrap gap={8} align="center" style={{ marginTop: 6 }}>
            {r.attachments.map((a) => (
              <a key={a.id} href={api.attachment(a.id)} download={a.fileName}>
                {t('attach.file', { name: a.fileName, size: formatBytes(a.sizeBytes) })}
              </a>
            ))}
            <AttachButton plan={plan} owner="progress" ownerId={r.id} onDone={onChanged} testId={`report-attach-${r.period}`} />
          </Flex>
        </div>
      ))}
      <ReturnModal
        report={returning}
        onClose={() => setReturning(null)}
        onDone={() => {
          setReturning(null);
          onChanged();
        }}
      />
    </div>
  );
}
