// 年度任务 / 督办: the annual work plan of a year on a date — counts by how the items stand, the items (each with
// its progress reports and the form to report), 生成督办 (a notice to the lead unit of every overdue item that has
// none awaiting a reply), the notices with the units' replies, and the plan as Excel out and in.
import { App, Button, Card, Flex, Statistic, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { api, forgetCachedUnder, sendJson } from '../api/client.ts';
import type { BatchProblem, Notice, PlanSummary, ReportingUnit, WorkPlan } from '../api/types.ts';
import { AsOfInput } from '../components/AsOfInput.tsx';
import { BatchProblems } from '../components/BatchProblems.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { KeyTag } from '../components/KeyTag.tsx';
import { Loading } from '../components/Loading.tsx';
import { NoticeList } from '../components/NoticeList.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { WorkItemDrawer } from '../components/WorkItemDrawer.tsx';
import { WorkItemModal } from '../components/WorkItemModal.tsx';
import { WorkItemsTable } from '../components/WorkItemsTable.tsx';
import { XlsxUpload } from '../components/XlsxUpload.tsx';
import { useAction } from '../hooks/useAction.ts';
import { useApi } from '../hooks/useApi.ts';
import { useDetailDrawer } from '../hooks/useDetailDrawer.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../lib/route.ts';
import { distinct } from '../lib/scorecard.ts';
import { TIMELINESS_COLOR } from '../lib/tracking.ts';

interface Props {
  plan: PlanSummary;
  year: number;
  asOf: string | undefined;
}

const TIMELINESS = ['onTime', 'late', 'overdue', 'pending'] as const;

function Counts({ w }: { w: WorkPlan }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={28} data-testid="work-counts">
      <Statistic title={t('workplan.counts.items')} value={w.counts.items} valueRender={(n) => <span data-testid="work-count-items">{n}</span>} />
      {TIMELINESS.map((k) => (
        <Statistic
          key={k}
          title={<KeyTag value={k} colors={TIMELINESS_COLOR} label={t(`timeliness.${k}`)} />}
          value={w.counts[k]}
          valueRender={(n) => <span data-testid={`work-count-${k}`}>{n}</span>}
        />
      ))}
      <Statistic title={t('workplan.counts.openNotices')} value={w.openNotices} styles={{ content: { color: w.openNotices > 0 ? '#cf1322' : undefined } }} valueRender={(n) => <span data-testid="work-count-notices">{n}</span>} />
    </Flex>
  );
}

export default function WorkPlanPage({ plan, year, asOf }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const work = useApi<WorkPlan>(api.workPlan(plan.id, year, asOf));
  const unitsQ = useApi<ReportingUnit[]>(api.units(plan.id));
  const w = work.data;
  const [adding, setAdding] = useState(false);
  const drawer = useDetailDrawer<number>();
  const [problems, setProblems] = useState<BatchProblem[]>([]);
  const supervise = useAction();
  const onChanged = () => {
    forgetCachedUnder(api.planPrefix(plan.id));
    work.refresh();
  };
  const units = useMemo(() => distinct([...(unitsQ.data ?? []).map((u) => u.name), ...(w?.items ?? []).flatMap((i) => [i.leadUnit, ...i.cooperatingUnits])]), [unitsQ.data, w]);
  const notices = useMemo(() => (w ? w.items.flatMap((i) => i.notices).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.id - a.id) : []), [w]);
  const titleOf = (n: Notice) => w?.items.find((i) => i.id === n.workItemId)?.title;

  const onSupervise = async () => {
    if (!w) return;
    const r = await supervise.run(() => sendJson<{ issued: number }>('POST', api.supervision(plan.id), { asOf: w.asOf }));
    if (!r) return;
    void message[r.issued > 0 ? 'success' : 'info'](r.issued > 0 ? t('workplan.issued', { n: r.issued }) : t('workplan.issuedNone'));
    onChanged();
  };

  return (
    <Flex vertical gap={16} data-testid="workplan-page">
      <PageHeading
        title={t('workplan.heading', { region: plan.region, year })}
        subtitle={plan.title}
        extra={<AsOfInput value={w?.asOf ?? asOf ?? ''} fixed={asOf !== undefined} onChange={(d) => navigate({ page: 'workplan', plan: plan.id, year, asOf: d })} />}
      />
      {work.error ? (
        <ErrorState error={work.error} onRetry={work.reload} />
      ) : !w ? (
        <Loading height={420} />
      ) : (
        <>
          <Card size="small">
            <Flex wrap gap={8} align="center">
              <Button type="primary" onClick={() => setAdding(true)} data-testid="work-add">
                {t('workplan.add')}
              </Button>
              <Tooltip title={t('workplan.superviseHint', { date: w.asOf })}>
                <Button danger onClick={() => void onSupervise()} loading={supervise.busy} data-testid="work-supervise">
                  {t('workplan.supervise')}
                </Button>
              </Tooltip>
              <div style={{ flex: 1 }} />
              <Button href={api.workPlanXlsx(plan.id, { year, asOf, lang })} data-testid="work-export">
                {t('workplan.export')}
              </Button>
              <XlsxUpload<{ recorded: number }>
                url={api.workPlanXlsx(plan.id)}
                label={t('workplan.import')}
                done={(r) => t('workplan.imported', { n: r.recorded })}
                onDone={onChanged}
                onProblems={setProblems}
                testId="work-import"
              />
            </Flex>
            <BatchProblems problems={problems} counting="row" onClose={() => setProblems([])} testId="upload-problems" style={{ marginTop: 12 }} />
          </Card>
          <Card title={t('workplan.summary', { date: w.asOf })}>
            <Counts w={w} />
          </Card>
          <Card title={t('workplan.items', { n: w.items.length })}>
            <WorkItemsTable items={w.items} onOpen={drawer.show} />
          </Card>
          <Card title={t('notice.title', { n: notices.length })}>
            <NoticeList notices={notices} titleOf={titleOf} onChanged={onChanged} />
          </Card>
          <WorkItemDrawer
            item={w.items.find((i) => i.id === drawer.selected)}
            open={drawer.open}
            onClose={drawer.close}
            afterClose={drawer.afterClose}
            onChanged={onChanged}
          />
          <WorkItemModal open={adding} onClose={() => setAdding(false)} plan={plan.id} year={year} units={units} onSaved={onChanged} />
        </>
      )}
    </Flex>
  );
}
