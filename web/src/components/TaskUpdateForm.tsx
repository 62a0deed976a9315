// 报送进展: a unit reports on a work item — its status, what was done, and the evidence. 已完成 records the day.
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { WorkItem, WorkStatus } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { WORK_STATUSES, problemsByField } from '../lib/tracking.ts';
import { fieldHelp } from './fieldHelp.tsx';

export function TaskUpdateForm({ item, onSaved }: { item: WorkItem; onSaved: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<WorkStatus>(item.status === 'notStarted' ? 'inProgress' : item.status);
  const [progress, setProgress] = useState('');
  const [evidence, setEvidence] = useState('');
  const action = useAction();
  const problems = problemsByField(action.problems);
  const send = async () => {
    const r = await action.run(() => sendJson('POST', api.workItemUpdates(item.id), { status, progress, evidence }), t('workplan.updateSaved'));
    if (r === undefined) return;
    setProgress('');
    setEvidence('');
    onSaved();
  };
  return (
    <Form layout="vertical" component="form" onFinish={() => void send()} data-testid="update-form">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('workplan.field.status')} {...fieldHelp(problems, 'status', 'update')} style={{ marginBottom: 12 }}>
            <Select<WorkStatus>
              aria-label={t('workplan.field.status')}
              value={status}
              onChange={setStatus}
              options={WORK_STATUSES.map((s) => ({ value: s, label: t(`workStatus.${s}`) }))}
              data-testid="update-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label={t('workplan.field.reportedBy')} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary" data-testid="update-by">{t('access.recordedAs')}</Typography.Text>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('workplan.field.progress')} {...fieldHelp(problems, 'progress', 'update')} style={{ marginBottom: 12 }}>
        <Input.TextArea aria-label={t('workplan.field.progress')} autoSize={{ minRows: 2, maxRows: 5 }} value={progress} onChange={(e) => setProgress(e.target.value)} data-testid="update-progress" />
      </Form.Item>
      <Form.Item label={t('workplan.field.evidence')} extra={t('workplan.field.evidenceHint')} style={{ marginBottom: 12 }}>
        <Input.TextArea aria-label={t('workplan.field.evidence')} autoSize={{ minRows: 1, maxRows: 4 }} value={evidence} onChange={(e) => setEvidence(e.target.value)} data-testid="update-evidence" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="update-submit">
        {t('workplan.update')}
      </Button>
    </Form>
  );
}
