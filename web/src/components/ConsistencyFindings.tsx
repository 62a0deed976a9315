// The findings of one kind: each with its message, the lines it cites and a link to any indicator it names.
import { Card, Flex, Tag, Typography } from 'antd';
import type { ConsistencyCheck, Finding } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { indicatorSubjects, SEVERITY_COLOR } from '../lib/consistency.ts';
import { formatHash } from '../lib/route.ts';

interface Props {
  check: ConsistencyCheck;
  findings: Finding[];
  plan: string;
  year: number;
}

export function ConsistencyFindings({ check, findings, plan, year }: Props) {
  const { t } = useI18n();
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <span>{check.kindText}</span>
          <Tag color={SEVERITY_COLOR[check.severity]}>{t(`consistency.severity.${check.severity}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {t('consistency.count', { n: findings.length })}
          </Typography.Text>
        </Flex>
      }
      data-testid={`consistency-kind-${check.kind}`}
      styles={{ body: { paddingBlock: 4 } }}
    >
      <ol className="ecociv-findings">
        {findings.map((f, i) => (
          <li key={i} data-testid="consistency-finding">
            <Typography.Text>{f.message}</Typography.Text>
            <Flex wrap gap={12} style={{ marginTop: 2 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="consistency-lines">
                {t('consistency.linesLabel', { lines: f.linesText })}
              </Typography.Text>
              {indicatorSubjects(f).map((s) => (
                <a key={`${s.framework}/${s.number}`} style={{ fontSize: 12 }} href={formatHash({ page: 'indicator', plan, year, framework: s.framework, number: s.number })}>
                  {t('consistency.openIndicator', { number: s.number, name: s.name })}
                </a>
              ))}
            </Flex>
          </li>
        ))}
      </ol>
    </Card>
  );
}
