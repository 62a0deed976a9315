// A dialog holding a form: 保存 and 取消, the save button busy while the write runs.
import { Modal, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  open: boolean;
  title: string;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
  /** data-testid of the save button */
  saveTestId: string;
  width?: number;
  children: ReactNode;
}

export function FormModal({ open, title, busy, onSave, onCancel, saveTestId, width = 720, children }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': saveTestId } as ButtonProps}
      onOk={onSave}
      onCancel={onCancel}
      width={width}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
