// A difference from the plan's stated figure: red and bold when not zero, a dash when there is none.
import { Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { formatSigned, formatSignedWan } from '../lib/format.ts';

export function DifferenceText({ v, money = false }: { v: number | null | undefined; money?: boolean }) {
  const { t } = useI18n();
  if (v === null || v === undefined) return <>{t('common.none')}</>;
  const text = money ? formatSignedWan(v, t) : formatSigned(v);
  return (
    <Typography.Text type={v !== 0 ? 'danger' : 'secondary'} strong={v !== 0}>
      {t(money ? 'projectsPage.moneyDiff' : 'projectsPage.countDiff', { v: text })}
    </Typography.Text>
  );
}
