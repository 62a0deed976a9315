// One work item: what it is and the key task it breaks down (with the plan's line), its progress reports
// with evidence, the form to report, and its supervision notices with the reply form.
import { Flex, Typography } from 'antd';
import type { WorkItem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { leadText } from '../lib/scorecard.ts';
import { TIMELINESS_COLOR, WORK_STATUS_COLOR } from '../lib/tracking.ts';
import { DetailDrawer } from './DetailDrawer.tsx';
import { DetailList } from './DetailList.tsx';
import { EmptyState } from './EmptyState.tsx';
import { KeyTag } from './KeyTag.tsx';
import { NoticeList } from './NoticeList.tsx';
import { SourceText } from './SourceText.tsx';
import { TaskUpdateForm } from './TaskUpdateForm.tsx';

interface Props {
  item: WorkItem | undefined;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onChanged: () => void;
}

export function WorkItemDrawer({ item: i, open, onClose, afterClose, onChanged }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  return (
    <DetailDrawer open={open} onClose={onClose} afterClose={afterClose} size={680} title={i?.title ?? ''} testId="work-item-drawer">
      {i ? (
        <Flex vertical gap={20}>
          <DetailList
            items={[
              { key: 'year', label: t('workplan.field.year'), children: t('common.yearValue', { year: i.year }) },
              { key: 'deadline', label: t('workplan.col.deadline'), children: i.doneOn ? t('workplan.deadlineDone', { deadline: i.deadline, done: i.doneOn }) : i.deadline },
              {
                key: 'state',
                label: t('workplan.col.timeliness'),
                children: (
                  <Flex gap={6}>
                    <KeyTag value={i.timeliness} colors={TIMELINESS_COLOR} label={t(`timeliness.${i.timeliness}`)} />
                    <KeyTag value={i.status} colors={WORK_STATUS_COLOR} label={t(`workStatus.${i.status}`)} />
                  </Flex>
                ),
              },
              { key: 'lead', label: t('workplan.col.lead'), children: i.leadUnit },
              { key: 'cooperating', label: t('workplan.col.cooperating'), children: leadText(i.cooperatingUnits, t) },
              { key: 'indicators', label: t('workplan.field.indicators'), children: i.indicators.length ? i.indicators.join(t('list.separator')) : none },
              {
                key: 'task',
                label: t('workplan.field.task'),
                children: i.task ? (
                  <>
                    <div>{i.task.text ?? i.task.title ?? i.task.key}</div>
                    <SourceText source={i.task.source} />
                  </>
                ) : (
                  none
                ),
              },
            ]}
          />
          <section>
            <Typography.Title level={5}>{t('workplan.updates', { n: i.updates.length })}</Typography.Title>
            {i.updates.length === 0 ? (
              <EmptyState text={t('workplan.updatesNone')} />
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="work-item-updates">
                {i.updates.map((u) => (
                  <li key={u.id}>
                    {t('workplan.updateText', { on: u.reportedOn, status: t(`workStatus.${u.status}`), progress: u.progress })}
                    {u.evidence ? <Typography.Text type="secondary">{t('workplan.evidence', { v: u.evidence })}</Typography.Text> : null}
                    {u.reportedBy ? <Typography.Text type="secondary">{t('workplan.by', { v: u.reportedBy })}</Typography.Text> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <Typography.Title level={5}>{t('workplan.update')}</Typography.Title>
            <TaskUpdateForm key={i.id} item={i} onSaved={onChanged} />
          </section>
          <section>
            <Typography.Title level={5}>{t('notice.title', { n: i.notices.length })}</Typography.Title>
            <NoticeList notices={i.notices} onChanged={onChanged} />
          </section>
        </Flex>
      ) : null}
    </DetailDrawer>
  );
}
