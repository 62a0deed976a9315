// One project on the date: what it is (as adjusted, with its source line), how far it has come against its
// schedule, its reports with their review, its changes, and the form to report progress.
import { Button, Flex, Typography } from 'antd';
import type { ProjectChange, TrackedProject } from '../api/types.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { formatNumber, formatWanOrNoData } from '../lib/format.ts';
import { leadText } from '../lib/scorecard.ts';
import { formatPercent, formatShare } from '../lib/tracking.ts';
import { DetailDrawer } from './DetailDrawer.tsx';
import { DetailList } from './DetailList.tsx';
import { ProgressReportForm } from './ProgressReportForm.tsx';
import { ProgressReports } from './ProgressReports.tsx';
import { SourceText } from './SourceText.tsx';

interface Props {
  plan: string;
  project: TrackedProject | undefined;
  open: boolean;
  periods: string[];
  onClose: () => void;
  afterClose: () => void;
  onChanged: () => void;
  onRecordChange: (key: string) => void;
}

function changeText(c: ProjectChange, t: Translate): string {
  const parts = Object.entries(c.fields).map(([k, v]) => t('change.fieldValue', { field: t(`change.field.${k as 'name'}`), v: Array.isArray(v) ? v.join(t('list.separator')) : String(v ?? t('common.none')) }));
  return t('progress.changeText', { date: c.effectiveOn, kind: t(`changeKind.${c.kind}`), reason: c.reason, fields: parts.join(t('list.separator')) || t('common.none') });
}

export function ProgressProjectDrawer({ plan, project: p, open, periods, onClose, afterClose, onChanged, onRecordChange }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const years = p && p.yearStart !== null ? (p.yearEnd !== null && p.yearEnd !== p.yearStart ? `${p.yearStart}—${p.yearEnd}` : String(p.yearStart)) : none;
  return (
    <DetailDrawer
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      size={760}
      title={p ? t('progress.drawerTitle', { key: p.key, name: p.name }) : ''}
      testId="progress-drawer"
      extra={
        p && !p.cancelled ? (
          <Button onClick={() => onRecordChange(p.key)} data-testid="drawer-record-change">
            {t('progress.recordChange')}
          </Button>
        ) : null
      }
    >
      {p ? (
        <Flex vertical gap={20}>
          <DetailList
            column={2}
            items={[
              { key: 'group', label: t('progress.detail.group'), children: p.group || none },
              { key: 'category', label: t('progress.detail.category'), children: p.category ?? none },
              { key: 'investment', label: t('progress.detail.investment'), children: formatWanOrNoData(p.investmentWan, t) },
              { key: 'years', label: t('progress.detail.years'), children: years },
              { key: 'lead', label: t('progress.detail.lead'), children: leadText(p.leadUnits, t) },
              { key: 'township', label: t('progress.detail.township'), children: p.township ?? none },
              { key: 'scheduled', label: t('progress.detail.scheduled'), children: formatShare(p.scheduledShare) ?? none },
              {
                key: 'completed',
                label: t('progress.detail.completed'),
                children: p.latest ? t('progress.detail.completedText', { share: formatShare(p.completedShare) ?? none, wan: formatNumber(p.latest.investmentCumulativeWan), physical: formatPercent(p.latest.physicalPercent) ?? none }) : t('projectStatus.noReport'),
              },
              { key: 'origin', label: t('progress.detail.origin'), children: t(p.cancelled ? 'progress.detail.cancelled' : p.original ? 'progress.detail.original' : 'progress.detail.added') },
              { key: 'source', label: t('progress.detail.source'), children: p.source ? <SourceText source={p.source} /> : none },
            ]}
          />
          <section>
            <Typography.Title level={5}>{t('progress.reports', { n: p.reports.length })}</Typography.Title>
            <ProgressReports plan={plan} reports={p.reports} onChanged={onChanged} />
          </section>
          {p.changes.length > 0 ? (
            <section>
              <Typography.Title level={5}>{t('progress.changes', { n: p.changes.length })}</Typography.Title>
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="progress-changes">
                {p.changes.map((c) => (
                  <li key={c.id}>{changeText(c, t)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {!p.cancelled ? (
            <section>
              <Typography.Title level={5}>{t('progress.form')}</Typography.Title>
              <ProgressReportForm key={p.key} plan={plan} project={p} periods={periods} onSaved={onChanged} />
            </section>
          ) : null}
        </Flex>
      ) : null}
    </DetailDrawer>
  );
}
