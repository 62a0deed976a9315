// A loading placeholder that keeps its height, so the page does not jump when data arrives.
import { Spin } from 'antd';
import { useI18n } from '../i18n/index.tsx';

export function Loading({ height = 240 }: { height?: number }) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: height, display: 'flex', alignItems: 'center', justifyContent: 'center' }} role="status" aria-live="polite">
      <Spin size="large" description={t('state.loading')}>
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </div>
  );
}
