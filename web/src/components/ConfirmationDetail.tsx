// A person's confirmation of a result the engine could not settle: who, when, what, why, and where.
import { Typography } from 'antd';
import type { Confirmation } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { DetailList } from './DetailList.tsx';
import { SourceText } from './SourceText.tsx';
import { StatusTag } from './StatusTag.tsx';

export function ConfirmationDetail({ c }: { c: Confirmation }) {
  const { t } = useI18n();
  return (
    <div data-testid="confirmation">
      <Typography.Text strong>{t('detail.confirmation')}</Typography.Text>
      <DetailList
        items={[
          { key: 'by', label: t('detail.confirmBy'), children: c.by },
          { key: 'at', label: t('detail.confirmAt'), children: c.at },
          ...(c.status ? [{ key: 'status', label: t('detail.confirmStatus'), children: <StatusTag status={c.status} /> }] : []),
          ...(c.points !== null && c.points !== undefined
            ? [{ key: 'points', label: t('detail.points'), children: formatNumber(c.points) }]
            : []),
          { key: 'reason', label: t('detail.confirmReason'), children: c.reason },
          ...(c.source ? [{ key: 'source', label: t('detail.source'), children: <SourceText source={c.source} /> }] : []),
        ]}
      />
    </div>
  );
}
