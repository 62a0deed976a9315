// An indicator status as a coloured tag (met green, not met red, indeterminate orange, no data grey).
import { Tag } from 'antd';
import type { Status } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { STATUS_TAG_COLOR } from '../lib/status.ts';

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_TAG_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
