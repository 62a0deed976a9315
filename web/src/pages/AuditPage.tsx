// 审计记录: every change, newest first — who, when, from where, what, before and after — filterable and
// exportable. The server shows each person only the regions their roles cover.
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PlanSummary } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { csvTable, show, when, type AuditRecord } from '../lib/audit.ts';
import { downloadCsv } from '../lib/csv.ts';

const ACTION_GROUPS = ['observation', 'confirmation', 'progress', 'project', 'workItem', 'notice', 'attachment', 'settings', 'user', 'session', 'revision', 'assessment', 'draft', 'builtin'] as const;

export default function AuditPage({ plan }: { plan: PlanSummary | undefined }) {
  const { t } = useI18n();
  const [actor, setActor] = useState('');
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [onlyPlan, setOnlyPlan] = useState(true);
  const url = `/api/audit?limit=1000${onlyPlan && plan ? `&plan=${encodeURIComponent(plan.id)}` : ''}${actor ? `&actor=${encodeURIComponent(actor)}` : ''}`;
  const q = useApi<AuditRecord[]>(url);
  const rows = useMemo(() => (q.data ?? []).filter((r) => !group || r.action.startsWith(`${group}.`)), [q.data, group]);
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  const exportRows = () => downloadCsv(t('audit.fileName'), csvTable(rows, t));
  return (
    <Flex vertical gap={16} data-testid="audit-page">
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('audit.intro')}
      </Typography.Paragraph>
      <Flex gap={12} wrap="wrap" align="center">
        <Input.Search allowClear placeholder={t('audit.actorFilter')} style={{ width: 220 }} onSearch={setActor} data-testid="audit-actor" />
        <Select
          allowClear
          placeholder={t('audit.actionFilter')}
          style={{ width: 200 }}
          value={group}
          onChange={setGroup}
          options={ACTION_GROUPS.map((g) => ({ value: g, label: t(`audit.group.${g}`) }))}
        />
        <Select
          data-testid="audit-scope"
          style={{ width: 200 }}
          value={onlyPlan ? 'plan' : 'all'}
          onChange={(v) => setOnlyPlan(v === 'plan')}
          options={[
            { value: 'plan', label: t('audit.thisPlan') },
            { value: 'all', label: t('audit.allVisible') },
          ]}
        />
        <Typography.Text type="secondary">{t('audit.shown', { n: rows.length })}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button onClick={exportRows} disabled={rows.length === 0}>
          {t('audit.export')}
        </Button>
      </Flex>
      <Table<AuditRecord>
        size="small"
        rowKey="id"
        loading={q.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (v: string) => when(v) },
          { title: t('audit.col.actor'), dataIndex: 'actorName', width: 200, render: (v: string) => <span data-testid="audit-actor-cell">{v}</span> },
          { title: t('audit.col.ip'), dataIndex: 'ip', width: 110 },
          { title: t('audit.col.action'), dataIndex: 'action', width: 180 },
          { title: t('audit.col.entity'), key: 'entity', width: 180, render: (_, r) => `${r.entity}${r.entityId ? ` ${r.entityId}` : ''}` },
          {
            title: t('audit.col.change'),
            key: 'change',
            render: (_, r) => (
              <div style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {r.before !== null && r.before !== undefined && (
                  <div>
                    <Typography.Text type="secondary">{t('audit.col.before')}：</Typography.Text>
                    {show(r.before)}
                  </div>
                )}
                {r.after !== null && r.after !== undefined && (
                  <div>
                    <Typography.Text type="secondary">{t('audit.col.after')}：</Typography.Text>
                    {show(r.after)}
                  </div>
                )}
              </div>
            ),
          },
        ]}
      />
    </Flex>
  );
}
