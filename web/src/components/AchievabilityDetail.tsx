// The engine's achievability class with its reason and figures, and the plan's own judgement beside it.
import { Alert, Flex, Typography } from 'antd';
import type { Achievability } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { ClassTag } from './ClassTag.tsx';
import { DetailList } from './DetailList.tsx';
import { FiguresList } from './FiguresList.tsx';
import { SourceText } from './SourceText.tsx';

export function AchievabilityDetail({ a }: { a: Achievability | null }) {
  const { t } = useI18n();
  if (!a) return <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>;
  const s = a.stated;
  return (
    <Flex vertical gap={8}>
      <DetailList items={[
          { key: 'class', label: t('detail.class'), children: a.class ? <ClassTag cls={a.class} text={a.classText} /> : t('common.none') },
          { key: 'reason', label: t('detail.achievabilityReason'), children: a.reason ?? t('common.none') },
          ...(s
            ? [
                {
                  key: 'stated',
                  label: t('detail.statedClass'),
                  children: (
                    <div>
                      {s.classText ? <ClassTag cls={s.class} text={s.classText} /> : null}
                      {s.commitment ? (
                        <div>{t('scorecard.commitment', { commitment: s.commitment, year: s.year ?? t('common.none') })}</div>
                      ) : null}
                      <blockquote className="ecociv-quote">{s.printed}</blockquote>
                      <SourceText source={s.source} />
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      {a.differs ? <Alert type="warning" showIcon title={t('detail.differs')} /> : null}
      {a.figures ? (
        <div>
          <Typography.Text strong>{t('detail.figures')}</Typography.Text>
          <FiguresList figures={a.figures} />
        </div>
      ) : null}
    </Flex>
  );
}
