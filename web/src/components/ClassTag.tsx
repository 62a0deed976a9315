// An achievability class as a coloured tag; the text is the API's classText when given.
import { Tag } from 'antd';
import type { AchievabilityClass } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { CLASS_TAG_COLOR } from '../lib/status.ts';

export function ClassTag({ cls, text }: { cls: AchievabilityClass | null; text?: string | null }) {
  const { t } = useI18n();
  const label = text ?? (cls ? t(`class.${cls}`) : null);
  if (!label) return null;
  return (
    <Tag color={cls ? CLASS_TAG_COLOR[cls] : 'default'} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
