// After a rejected submit: every problem still open, by row and field; clicking one goes to its input.
import { Alert, Button } from 'antd';
import type { EntryRow } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { columnOf, problemText, rowKey, rowName, type ProblemMap } from '../lib/entry.ts';

interface Props {
  rows: EntryRow[];
  problems: ProblemMap;
}

function focusInput(testId: string): void {
  const el = document.querySelector<HTMLInputElement>(`[data-testid="${CSS.escape(testId)}"]`);
  el?.focus();
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export function EntryProblems({ rows, problems }: Props) {
  const { t } = useI18n();
  const lines = rows.flatMap((r) =>
    (problems[rowKey(r)] ?? []).map((p, i) => ({
      key: `${rowKey(r)}-${i}`,
      target: `entry-${columnOf(p.field) === 'note' ? 'note' : 'input'}-${rowKey(r)}`,
      text: t('entry.rejectedRow', { framework: r.frameworkName, number: r.number, name: rowName(r, t), problem: problemText(p, t) }),
    })),
  );
  if (lines.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="entry-problems"
      title={t('entry.rejected', { n: lines.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((l) => (
            <li key={l.key}>
              <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => focusInput(l.target)}>
                {l.text}
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}
