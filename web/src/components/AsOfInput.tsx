// The date the tracking figures stand on (截至日期): a native date field (keyboard and picker), and 今天 to
// drop it from the address.
import { Button, Flex, Input, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  /** the date shown (the address's, or the server's today) */
  value: string;
  /** whether the address names the date */
  fixed: boolean;
  onChange: (asOf: string | undefined) => void;
}

export function AsOfInput({ value, fixed, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Flex gap={8} align="center">
      <Typography.Text>{t('tracking.asOf')}</Typography.Text>
      <Input
        type="date"
        aria-label={t('tracking.asOf')}
        style={{ width: 160 }}
        value={value}
        onChange={(e) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange(e.target.value);
        }}
        data-testid="as-of"
      />
      {fixed ? <Button onClick={() => onChange(undefined)}>{t('tracking.today')}</Button> : null}
    </Flex>
  );
}
