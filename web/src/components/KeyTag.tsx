// A status-like value as a coloured tag: the colour from a map by key, the label already translated.
import { Tag } from 'antd';

interface Props<K extends string> {
  value: K;
  colors: Record<K, string>;
  label: string;
  testId?: string;
}

export function KeyTag<K extends string>({ value, colors, label, testId }: Props<K>) {
  return (
    <Tag color={colors[value]} data-value={value} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
