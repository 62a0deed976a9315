// One button that switches between 中文 and English; the choice is remembered by the i18n provider.
import { Button } from 'antd';
import { useI18n } from '../i18n/index.tsx';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      ghost
      data-testid="language-switch"
      aria-label={t('header.lang')}
      lang={next}
      onClick={() => setLang(next)}
      style={{ minWidth: 84 }}
    >
      {next === 'en' ? t('lang.en') : t('lang.zh')}
    </Button>
  );
}
