// One clause of the key tasks: its title in bold, its text, deadline, units, indicators and source line.
import { Flex, Tag, Typography } from 'antd';
import type { TaskNode } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { HighlightText } from './HighlightText.tsx';
import { SourceText } from './SourceText.tsx';

export function TaskClause({ node, query }: { node: TaskNode; query: string }) {
  const { t } = useI18n();
  const sep = t('list.separator');
  return (
    <li className="ecociv-clause" data-testid="task-clause">
      <Typography.Paragraph style={{ margin: 0, lineHeight: 1.75 }}>
        {node.title ? (
          <Typography.Text strong style={{ marginInlineEnd: 8 }}>
            <HighlightText text={node.title} query={query} />
          </Typography.Text>
        ) : null}
        {node.text ? <HighlightText text={node.text} query={query} /> : null}
      </Typography.Paragraph>
      <Flex wrap gap={6} align="center" style={{ marginTop: 4 }}>
        {node.deadline ? <Tag color="orange">{t('tasksPage.deadline', { v: node.deadline })}</Tag> : null}
        {node.leadUnits.length ? <Tag color="green">{t('tasksPage.lead', { v: node.leadUnits.join(sep) })}</Tag> : null}
        {node.cooperatingUnits.length ? <Tag>{t('tasksPage.cooperating', { v: node.cooperatingUnits.join(sep) })}</Tag> : null}
        {node.indicators.length ? <Tag color="blue">{t('tasksPage.indicators', { v: node.indicators.join(sep) })}</Tag> : null}
        <SourceText source={node.source} />
      </Flex>
    </li>
  );
}
