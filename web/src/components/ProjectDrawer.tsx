// Every field of one project, with the line of the plan document it is printed on.
import type { Project } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatWanOrNoData } from '../lib/format.ts';
import { leadText } from '../lib/scorecard.ts';
import { DetailDrawer } from './DetailDrawer.tsx';
import { DetailList } from './DetailList.tsx';
import { SourceText } from './SourceText.tsx';

interface Props {
  project: Project | undefined;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

export function ProjectDrawer({ project: p, open, onClose, afterClose }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  return (
    <DetailDrawer
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      size={560}
      title={p ? (p.number !== null ? `${p.number}. ${p.name}` : p.name) : ''}
      testId="project-drawer"
    >
      {p ? (
        <DetailList
          items={[
            { key: 'number', label: t('projectsPage.col.number'), children: p.number ?? none },
            { key: 'group', label: t('projectsPage.col.group'), children: p.group },
            { key: 'category', label: t('projectsPage.col.category'), children: p.category ?? none },
            { key: 'subCategory', label: t('projectsPage.col.subCategory'), children: p.subCategory ?? none },
            { key: 'name', label: t('projectsPage.col.name'), children: p.name },
            { key: 'content', label: t('projectsPage.col.content'), children: p.content ?? none },
            { key: 'investment', label: t('projectsPage.investment'), children: formatWanOrNoData(p.investmentWan, t) },
            { key: 'years', label: t('projectsPage.col.years'), children: p.yearsPrinted ?? none },
            { key: 'lead', label: t('projectsPage.col.lead'), children: leadText(p.leadUnits, t) },
            { key: 'origin', label: t('projectsPage.col.origin'), children: p.origin ?? none },
            { key: 'indicators', label: t('projectsPage.col.indicators'), children: p.indicators.length ? p.indicators.join(t('list.separator')) : none },
            { key: 'source', label: t('projectsPage.col.source'), children: p.source ? <SourceText source={p.source} /> : none },
          ]}
        />
      ) : null}
    </DetailDrawer>
  );
}
