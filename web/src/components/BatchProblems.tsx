// Every problem of a rejected batch or workbook (422): row or entry, field or column, the value, the message.
// Nothing was saved; the alert says so.
import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import type { BatchProblem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  problems: BatchProblem[];
  /** rows of a workbook (第 3 行) or fields of a form (one entry) */
  counting: 'row' | 'form';
  /** a field name → its label in the form, where the server names fields */
  label?: (field: string) => string;
  onClose?: () => void;
  testId?: string;
  style?: CSSProperties;
}

export function BatchProblems({ problems, counting, label = (f) => f, onClose, testId, style }: Props) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : false}
      data-testid={testId}
      style={style}
      title={t(counting === 'row' ? 'batch.rejectedRows' : 'batch.rejected', { n: problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 240, overflowY: 'auto' }}>
          {problems.map((p, i) => (
            <li key={i}>
              {counting === 'row'
                ? t(p.value === '' ? 'batch.rowProblemBlank' : 'batch.rowProblem', { row: p.row, field: label(p.field), value: p.value, message: p.message })
                : t('batch.fieldProblem', { field: label(p.field), message: p.message })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
