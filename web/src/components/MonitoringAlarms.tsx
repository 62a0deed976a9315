// 污染源报警 on the monitoring page: the region's alarms (open ones first; all on request) with their reason,
// who has them and by when, and the next step each may take — 确认, 处置 (with what is being done), 关闭 (with the
// handling note or evidence, which also completes the work item). The server decides who may take a step (the
// plan office, or the unit the alarm was sent to) and says why not in words.
import { Button, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, forgetCachedUnder, sendJson } from '../api/client.ts';
import type { AlarmItem, AlarmList } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useApi } from '../hooks/useApi.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { ErrorState } from './ErrorState.tsx';
import { Loading } from './Loading.tsx';

type Step = 'acknowledged' | 'handling' | 'closed';
const NEXT: Partial<Record<AlarmItem['state'], Step>> = { raised: 'acknowledged', acknowledged: 'handling', handling: 'closed' };
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function MonitoringAlarms({ plan }: { plan: string }) {
  const { t } = useI18n();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const list = useApi<AlarmList>(`${api.alarms(plan)}${scope === 'all' ? '?state=all' : ''}`);
  const action = useAction();
  const [stepping, setStepping] = useState<{ alarm: AlarmItem; to: Step } | null>(null);
  const [note, setNote] = useState('');

  const take = async (alarm: AlarmItem, to: Step, text: string | null) => {
    const r = await action.run(() => sendJson('POST', api.alarmSteps(plan, alarm.id), { to, note: text }), t('monitoring.alarms.stepDone', { state: t(`monitoring.alarms.state.${to}` as MessageKey) }));
    if (r !== undefined) {
      setStepping(null);
      setNote('');
      forgetCachedUnder(api.planPrefix(plan));
      list.refresh();
    }
  };

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading height={160} />;
  return (
    <>
      <Segmented
        size="small"
        value={scope}
        onChange={(v) => setScope(v as 'open' | 'all')}
        options={[
          { value: 'open', label: t('monitoring.alarms.open') },
          { value: 'all', label: t('monitoring.alarms.all') },
        ]}
        style={{ marginBottom: 8 }}
      />
      {list.data.alarms.length === 0 ? (
        <Typography.Paragraph type="secondary">{t(scope === 'open' ? 'monitoring.alarms.noneOpen' : 'monitoring.alarms.none')}</Typography.Paragraph>
      ) : (
        <Table<AlarmItem>
          size="small"
          rowKey="id"
          data-testid="alarms-table"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={list.data.alarms}
          scroll={{ x: 900 }}
          columns={[
            { title: t('monitoring.alarms.raised'), dataIndex: 'raisedAt', width: 140, render: (v: string) => beijing(v) },
            { title: t('monitoring.alarms.source'), key: 'source', width: 200, render: (_, a) => `${a.source} ${a.outlet}` },
            { title: t('monitoring.alarms.kind'), dataIndex: 'kind', width: 110, render: (k: string) => <Tag color="orange">{t(`monitoring.alarms.kind.${k}` as MessageKey)}</Tag> },
            { title: t('monitoring.alarms.reason'), dataIndex: 'reason' },
            {
              title: t('monitoring.alarms.assigned'),
              key: 'assigned',
              width: 180,
              render: (_, a) => (a.workItem ? t('monitoring.alarms.assignedTo', { unit: a.workItem.leadUnit, deadline: a.workItem.deadline }) : <Typography.Text type="secondary">{a.dispatchNote}</Typography.Text>),
            },
            {
              title: t('monitoring.alarms.state'),
              key: 'state',
              width: 170,
              render: (_, a) => {
                const next = NEXT[a.state];
                return (
                  <span>
                    {t(`monitoring.alarms.state.${a.state}` as MessageKey)}
                    {a.clearCandidate && a.state !== 'closed' ? <Typography.Text type="secondary">{t('monitoring.alarms.recovered')}</Typography.Text> : null}{' '}
                    {next ? (
                      <Button
                        size="small"
                        data-testid={`alarm-step-${a.id}`}
                        loading={action.busy && stepping?.alarm.id === a.id}
                        onClick={() => (next === 'acknowledged' ? void take(a, next, null) : setStepping({ alarm: a, to: next }))}
                      >
                        {t(`monitoring.alarms.do.${next}` as MessageKey)}
                      </Button>
                    ) : null}
                  </span>
                );
              },
            },
          ]}
        />
      )}
      <Modal
        open={stepping !== null}
        title={stepping ? t(`monitoring.alarms.do.${stepping.to}` as MessageKey) + ' · ' + stepping.alarm.source : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: action.busy, 'data-testid': 'alarm-step-save' } as never}
        onOk={() => stepping && void take(stepping.alarm, stepping.to, note)}
        onCancel={() => setStepping(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{stepping?.alarm.reason}</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={stepping?.to === 'closed' ? t('monitoring.alarms.closeHint') : t('monitoring.alarms.handleHint')}
          data-testid="alarm-step-note"
        />
      </Modal>
    </>
  );
}
