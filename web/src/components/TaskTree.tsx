// The key tasks as the plan sets them out: one panel per chapter, sections and clauses inside.
import { Collapse, Tag } from 'antd';
import type { TaskNode } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { countClauses, headingText } from '../lib/tasks.ts';
import { TaskChildren } from './TaskSection.tsx';

export function chapterKey(n: TaskNode, i: number): string {
  return n.source ? `${n.source.document}-${n.source.line}` : `chapter-${i}`;
}

interface Props {
  nodes: TaskNode[];
  query: string;
  open: string[];
  onOpen: (keys: string[]) => void;
}

export function TaskTree({ nodes, query, open, onOpen }: Props) {
  const { t } = useI18n();
  return (
    <Collapse
      activeKey={open}
      onChange={(keys) => onOpen(Array.isArray(keys) ? keys : [keys])}
      items={nodes.map((n, i) => ({
        key: chapterKey(n, i),
        label: (
          <span style={{ fontWeight: 600, fontSize: 16 }} data-testid="task-chapter">
            {n.kind === 'heading' ? headingText(n, t) : (n.title ?? n.text ?? '')}
          </span>
        ),
        extra: <Tag>{t('tasksPage.count', { n: countClauses(n.kind === 'clause' ? [n] : n.tasks) })}</Tag>,
        children: <TaskChildren nodes={n.kind === 'clause' ? [n] : n.tasks} query={query} />,
      }))}
      style={{ background: '#fff' }}
    />
  );
}
