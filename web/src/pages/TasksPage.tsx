// 任务: the plan's key tasks (chapter → section → subsection → clauses), searchable by text.
import { Button, Flex, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { PlanSummary, Tasks } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { TaskTree, chapterKey } from '../components/TaskTree.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { countClauses, filterTasks } from '../lib/tasks.ts';

export default function TasksPage({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  const tasks = useApi<Tasks>(api.tasks(plan.id));
  const [query, setQuery] = useState('');
  // null: the default — the first chapter open, or every chapter with a match while searching
  const [open, setOpen] = useState<string[] | null>(null);
  const all = tasks.data?.tasks;
  const shown = useMemo(() => (all ? filterTasks(all, query) : []), [all, query]);
  const searching = query.trim() !== '';
  const shownKeys = shown.map(chapterKey);
  const active = open ?? (searching ? shownKeys : shownKeys.slice(0, 1));
  const total = tasks.data?.clauses ?? 0;
  const found = countClauses(shown);

  const onSearch = (q: string) => {
    setQuery(q);
    setOpen(null);
  };

  const body = () => {
    if (tasks.error) return <ErrorState error={tasks.error} onRetry={tasks.reload} />;
    if (!tasks.data) return <Loading height={520} />;
    if (total === 0 && tasks.data.tasks.length === 0) return <EmptyState text={t('tasksPage.empty')} />;
    return (
      <>
        <Flex wrap gap={8} align="center">
          <Input.Search
            allowClear
            aria-label={t('tasksPage.search')}
            placeholder={t('tasksPage.search')}
            style={{ width: 280 }}
            value={query}
            onChange={(e) => onSearch(e.target.value)}
            data-testid="tasks-search"
          />
          <Typography.Text type="secondary" aria-live="polite" data-testid="tasks-count">
            {searching ? t('tasksPage.found', { shown: found, total }) : t('tasksPage.count', { n: total })}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <Button onClick={() => setOpen(shownKeys)}>{t('tasksPage.expandAll')}</Button>
          <Button onClick={() => setOpen([])}>{t('tasksPage.collapseAll')}</Button>
        </Flex>
        {shown.length === 0 ? (
          <EmptyState text={t('tasksPage.noMatch', { q: query.trim() })} />
        ) : (
          <TaskTree nodes={shown} query={query} open={active} onOpen={setOpen} />
        )}
      </>
    );
  };

  return (
    <Flex vertical gap={12} data-testid="tasks-page">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('tasksPage.heading', { region: plan.region })}
        </Typography.Title>
        <Typography.Text type="secondary">{plan.title}</Typography.Text>
      </div>
      {body()}
    </Flex>
  );
}
