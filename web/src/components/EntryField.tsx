// One input of the data-entry sheet with the server's problems under it. Enter moves to the same column in
// the next open row (Shift+Enter: the previous one); Tab keeps the browser's order, which is row order.
import { Form, Input } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { problemText, type EntryColumn, type FieldProblem } from '../lib/entry.ts';

interface Props {
  column: EntryColumn;
  /** data-testid of the input; the error text gets errorTestId */
  testId: string;
  errorTestId: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  disabled?: boolean;
  problems: FieldProblem[];
  extra?: ReactNode;
  maxLength?: number;
}

/** Focus the same column's input in the next (or previous) row that can be typed into. */
function moveDown(from: HTMLInputElement, column: EntryColumn, step: 1 | -1): void {
  const sheet = from.closest('[data-entry-sheet]');
  if (!sheet) return;
  const inputs = Array.from(sheet.querySelectorAll<HTMLInputElement>(`input[data-entry-col="${column}"]:not(:disabled)`));
  const target = inputs[inputs.indexOf(from) + step];
  if (target) {
    target.focus();
    target.select();
  }
}

export function EntryField({ column, testId, errorTestId, value, onChange, label, placeholder, disabled, problems, extra, maxLength }: Props) {
  const { t } = useI18n();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return; // Enter that ends an IME composition stays put
    e.preventDefault();
    moveDown(e.currentTarget, column, e.shiftKey ? -1 : 1);
  };
  const help = problems.length ? (
    <span data-testid={errorTestId} role="alert">
      {problems.map((p, i) => (
        <span key={i} style={{ display: 'block' }}>
          {problemText(p, t)}
        </span>
      ))}
    </span>
  ) : undefined;
  return (
    <Form.Item
      style={{ marginBottom: 0 }}
      validateStatus={problems.length ? 'error' : undefined}
      help={help}
      extra={extra}
    >
      <Input
        data-testid={testId}
        data-entry-col={column}
        aria-label={label}
        aria-invalid={problems.length ? true : undefined}
        placeholder={placeholder}
        value={value}
        disabled={disabled}
        maxLength={maxLength}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </Form.Item>
  );
}
