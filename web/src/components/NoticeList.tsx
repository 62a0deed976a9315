// Supervision notices (督办单): to whom, when, by when a reply is due, the message, and the unit's reply; an
// open notice carries the reply form (the reply and who gives it).
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { Notice } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { problemsByField } from '../lib/tracking.ts';
import { EmptyState } from './EmptyState.tsx';
import { fieldHelp } from './fieldHelp.tsx';

interface Props {
  notices: Notice[];
  /** the title of each notice's work item */
  titleOf?: (n: Notice) => string | undefined;
  onChanged: () => void;
}

function ReplyForm({ notice, onChanged }: { notice: Notice; onChanged: () => void }) {
  const { t } = useI18n();
  const [reply, setReply] = useState('');
  const action = useAction();
  const problems = problemsByField(action.problems);
  const send = async () => {
    const r = await action.run(() => sendJson('POST', api.noticeReply(notice.id), { reply }), t('notice.sent'));
    if (r !== undefined) onChanged();
  };
  const prefix = `notice-${notice.id}`;
  return (
    <Form layout="vertical" component="form" onFinish={() => void send()} style={{ marginTop: 8 }}>
      <Form.Item label={t('notice.field.reply')} {...fieldHelp(problems, 'reply', prefix)} style={{ marginBottom: 8 }}>
        <Input.TextArea aria-label={t('notice.field.reply')} autoSize={{ minRows: 2, maxRows: 5 }} value={reply} onChange={(e) => setReply(e.target.value)} data-testid={`${prefix}-reply`} />
      </Form.Item>
      <Flex gap={8} align="flex-end" wrap>
        <Form.Item label={t('notice.field.repliedBy')} style={{ marginBottom: 0 }}>
          <Typography.Text type="secondary" data-testid={`${prefix}-by`}>{t('access.recordedAs')}</Typography.Text>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy} data-testid={`${prefix}-send`}>
          {t('notice.send')}
        </Button>
      </Flex>
    </Form>
  );
}

export function NoticeList({ notices, titleOf, onChanged }: Props) {
  const { t } = useI18n();
  if (notices.length === 0) return <EmptyState text={t('notice.none')} />;
  return (
    <div data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className="ecociv-record" data-testid={`notice-${n.id}`}>
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{t('notice.heading', { unit: n.unit, title: titleOf?.(n) ?? '' })}</Typography.Text>
            <Typography.Text type={n.reply === null ? 'danger' : 'success'}>{t(n.reply === null ? 'notice.open' : 'notice.replied')}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('notice.issued', { on: n.issuedOn, due: n.replyDue, by: n.issuedBy ?? t('notice.office') })}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: '6px 0 0' }} data-testid={`notice-${n.id}-message`}>
            {n.message}
          </Typography.Paragraph>
          {n.reply !== null ? (
            <div className="ecociv-quote" data-testid={`notice-${n.id}-replied`}>
              {t('notice.replyText', { on: n.repliedOn ?? '', by: n.repliedBy ?? n.unit, reply: n.reply })}
            </div>
          ) : (
            <ReplyForm notice={n} onChanged={onChanged} />
          )}
        </div>
      ))}
    </div>
  );
}
