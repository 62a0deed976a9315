// Key projects on the overview: totals, a bar chart of investment by group, the group table and the
// plan's own sentences about them.
import { Card, Flex, Typography } from 'antd';
import type { Projects, StatedProjects } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { EmptyState } from './EmptyState.tsx';
import { InvestmentChart } from './InvestmentChart.tsx';
import { ProjectGroupsTable } from './ProjectGroupsTable.tsx';
import { ProjectTotals } from './ProjectTotals.tsx';
import { SourceText } from './SourceText.tsx';

function statedSentences(s: StatedProjects | null | undefined) {
  if (!s) return [];
  const out: { printed: string; source: StatedProjects['source'] }[] = [];
  if (s.prose) out.push({ printed: s.prose.printed, source: s.prose.source ?? null });
  if (s.printed) out.push({ printed: s.printed, source: s.source ?? null });
  return out;
}

export function ProjectsCard({ p }: { p: Projects }) {
  const { t } = useI18n();
  const empty = p.count === 0 && p.groups.length === 0 && p.statedCount === null;
  const sentences = statedSentences(p.stated);
  return (
    <Card title={t('projects.title')} data-testid="projects-card">
      {empty ? (
        <EmptyState text={t('projects.empty')} />
      ) : (
        <Flex vertical gap={16}>
          <ProjectTotals p={p} />
          {p.groups.length > 0 ? (
            <>
              <Typography.Text strong>{t('projects.chartTitle')}</Typography.Text>
              <InvestmentChart groups={p.groups} />
              <ProjectGroupsTable p={p} />
            </>
          ) : null}
          {sentences.length > 0 ? (
            <div>
              <Typography.Text strong>{t('projects.prose')}</Typography.Text>
              {sentences.map((s, i) => (
                <div key={i} style={{ marginTop: 6 }}>
                  <blockquote className="ecociv-quote">{s.printed}</blockquote>
                  <SourceText source={s.source} />
                </div>
              ))}
            </div>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
