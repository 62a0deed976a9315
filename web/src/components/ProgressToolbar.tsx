// The progress page's exchange: the date, the period of the template, 下载进度模板 (every project in force, one
// row each, the period filled in), 上传填好的模板 (all rows land or none; every problem listed), the project list
// out and in as Excel, and 记录项目变更.
import { Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { BatchProblem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { XlsxUpload } from './XlsxUpload.tsx';

interface Props {
  plan: string;
  asOf: string | undefined;
  periods: string[];
  onImported: () => void;
  onProblems: (problems: BatchProblem[]) => void;
  onRecordChange: () => void;
}

export function ProgressToolbar({ plan, asOf, periods, onImported, onProblems, onRecordChange }: Props) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(periods[0]);
  return (
    <Flex wrap gap={8} align="center">
      <Typography.Text>{t('progress.templatePeriod')}</Typography.Text>
      <Select<string>
        aria-label={t('progress.templatePeriod')}
        style={{ width: 120 }}
        value={period}
        onChange={setPeriod}
        options={periods.map((p) => ({ value: p, label: p }))}
      />
      <Button href={api.progressXlsx(plan, { period, asOf, lang })} data-testid="progress-template">
        {t('progress.template')}
      </Button>
      <XlsxUpload<{ recorded: number }>
        url={api.progressXlsx(plan)}
        label={t('progress.upload')}
        done={(r) => t('progress.uploaded', { n: r.recorded })}
        onDone={onImported}
        onProblems={onProblems}
        testId="progress-upload"
      />
      <div style={{ flex: 1 }} />
      <Button href={api.projectsXlsx(plan, { asOf, lang })} data-testid="projects-export">
        {t('progress.exportProjects')}
      </Button>
      <XlsxUpload<{ added: number; adjusted: number; unchanged: number }>
        url={api.projectsXlsx(plan)}
        label={t('progress.importProjects')}
        done={(r) => t('progress.projectsImported', { added: r.added, adjusted: r.adjusted, unchanged: r.unchanged })}
        onDone={onImported}
        onProblems={onProblems}
        testId="projects-import"
      />
      <Button type="primary" onClick={onRecordChange} data-testid="record-change">
        {t('progress.recordChange')}
      </Button>
    </Flex>
  );
}
