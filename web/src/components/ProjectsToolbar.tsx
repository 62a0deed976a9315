// Filters over the project list: a search over name and content, group, lead unit, year.
import { Flex, Input, Select, Typography } from 'antd';
import type { Project } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { projectYears, type ProjectFilters } from '../lib/projects.ts';
import { distinct } from '../lib/scorecard.ts';

interface Props {
  projects: Project[];
  filters: ProjectFilters;
  onChange: (f: ProjectFilters) => void;
  shown: number;
}

export function ProjectsToolbar({ projects, filters, onChange, shown }: Props) {
  const { t } = useI18n();
  const groups = distinct(projects.map((p) => p.group));
  const leads = distinct(projects.flatMap((p) => p.leadUnits));
  const years = projectYears(projects);
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label={t('projectsPage.search')}
        placeholder={t('projectsPage.search')}
        style={{ width: 240 }}
        value={filters.search}
        onChange={(e) => onChange({ ...filters, search: e.target.value })}
        data-testid="projects-search"
      />
      <Select<string>
        allowClear
        aria-label={t('projectsPage.filterGroup')}
        placeholder={t('projectsPage.filterGroup')}
        style={{ width: 180 }}
        value={filters.group}
        onChange={(group) => onChange({ ...filters, group })}
        options={groups.map((g) => ({ value: g, label: g }))}
        data-testid="projects-filter-group"
      />
      {leads.length > 0 ? (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('projectsPage.filterLead')}
          placeholder={t('projectsPage.filterLead')}
          style={{ width: 180 }}
          value={filters.lead}
          onChange={(lead) => onChange({ ...filters, lead })}
          options={leads.map((l) => ({ value: l, label: l }))}
        />
      ) : null}
      {years.length > 0 ? (
        <Select<number>
          allowClear
          aria-label={t('projectsPage.filterYear')}
          placeholder={t('projectsPage.filterYear')}
          style={{ width: 120 }}
          value={filters.year}
          onChange={(year) => onChange({ ...filters, year })}
          options={years.map((y) => ({ value: y, label: t('common.yearValue', { year: y }) }))}
        />
      ) : null}
      <Typography.Text type="secondary" aria-live="polite" data-testid="projects-shown">
        {t('projectsPage.shown', { shown, total: projects.length })}
      </Typography.Text>
    </Flex>
  );
}
