// Where something is printed in the plan document: "文件 001 第 1454 行".
import { Typography } from 'antd';
import type { SourceRef } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

export function SourceText({ source }: { source: SourceRef | null | undefined }) {
  const { t } = useI18n();
  if (!source) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('source.ref', { document: source.document, line: source.line })}
    </Typography.Text>
  );
}
