// The warnings on the date (past the end year and not complete, investment behind the schedule, no report for
// the last period), each the server's sentence naming the project, the unit and the figures; filtered by kind.
// Clicking one opens the project.
import { Button, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { ProgressWarning, WarningKind } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { WARNING_COLOR, WARNING_KINDS } from '../lib/tracking.ts';
import { EmptyState } from './EmptyState.tsx';
import { KeyTag } from './KeyTag.tsx';

interface Props {
  warnings: ProgressWarning[];
  onOpen: (projectKey: string) => void;
}

export function ProgressWarnings({ warnings, onOpen }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<WarningKind | 'all'>('all');
  const shown = kind === 'all' ? warnings : warnings.filter((w) => w.kind === kind);
  const count = (k: WarningKind) => warnings.filter((w) => w.kind === k).length;
  return (
    <Flex vertical gap={12}>
      <Segmented<WarningKind | 'all'>
        aria-label={t('progress.warningFilter')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'all', label: t('progress.warningAll', { n: warnings.length }) },
          ...WARNING_KINDS.map((k) => ({ value: k, label: t('progress.warningKindCount', { kind: t(`warningKind.${k}`), n: count(k) }) })),
        ]}
        data-testid="warnings-filter"
      />
      {shown.length === 0 ? (
        <EmptyState text={t('progress.warningsNone')} />
      ) : (
        <ul className="ecociv-warnings" data-testid="warnings-list">
          {shown.map((w, i) => (
            <li key={`${w.kind}-${w.projectKey}-${i}`}>
              <KeyTag value={w.kind} colors={WARNING_COLOR} label={t(`warningKind.${w.kind}`)} />
              <Button type="link" size="small" className="ecociv-warning-text" onClick={() => onOpen(w.projectKey)}>
                <Typography.Text>{w.text}</Typography.Text>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
